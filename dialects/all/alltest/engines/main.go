// Command engines prints the engines the test suite knows, from their test
// adapters (dialects/all/alltest), for scripts that must not keep a list
// of their own: .ci/run and the CI workflow build MTX_REQUIRE_ENGINES
// from it.
//
//	go run ./dialects/all/alltest/engines            # what CI requires, comma-separated
//	go run ./dialects/all/alltest/engines -names     # every engine, one per line
//	go run ./dialects/all/alltest/engines -own-process  # engines CI runs in test processes of their own
package main

import (
	"flag"
	"fmt"
	"strings"

	_ "github.com/mtxhq/mtx/dialects/all/alltest"
	"github.com/mtxhq/mtx/dialects/enginetest"
)

func main() {
	names := flag.Bool("names", false, "print every engine's name, one per line")
	own := flag.Bool("own-process", false, "print the engines whose tests run in a test process of their own, comma-separated")
	flag.Parse()
	if *names {
		for _, n := range enginetest.Names() {
			fmt.Println(n)
		}
		return
	}
	if *own {
		var out []string
		for _, a := range enginetest.All() {
			if a.OwnProcess {
				out = append(out, a.Name)
			}
		}
		fmt.Println(strings.Join(out, ","))
		return
	}
	var req []string
	for _, a := range enginetest.All() {
		if a.NotRequired != "" {
			continue
		}
		req = append(req, a.RequiredName())
	}
	fmt.Println(strings.Join(req, ","))
}
