package main

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/mtxhq/mtx/internal/project"
)

// The demo's database is not the project's local target (the demo never
// touches a user's data), so `mtx query` right after `mtx demo` would read
// the project's mtx.duckdb. The demo ends by printing the next commands
// with the flags that point them at its own file.

// demoNext returns the commands printed after the demo, as arguments.
func demoNext(db, schema string) [][]string {
	target := []string{"--dialect", "duckdb", "--dsn", db}
	// A project.yaml here with another schema would send the commands there.
	if p, err := project.Load(project.FileName); err == nil && p.Schema != "" && p.Schema != schema {
		target = append(target, "--schema", schema)
	} else if err != nil && !os.IsNotExist(err) {
		target = append(target, "--schema", schema)
	}
	with := func(args ...string) []string { return append(args, target...) }
	return [][]string{
		with("query", "SELECT COUNT(*) AS invoices FROM current_invoice"),
		with("cookbook", "run", "monthly_invoice_totals"),
		with("migrate", "status"),
	}
}

// printDemoNext prints demoNext as shell lines.
func printDemoNext(out io.Writer, db, schema string) {
	fmt.Fprintf(out, "\nNext, the other commands on the demo's database (--dsn is relative to this folder):\n")
	for _, args := range demoNext(db, schema) {
		fmt.Fprintf(out, "  %s\n", shellLine(args))
	}
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9_./:=@%+,-]+$`)

// shellLine joins args for a POSIX shell, quoting what needs it.
func shellLine(args []string) string {
	out := []string{"mtx"}
	for _, a := range args {
		if shellSafe.MatchString(a) {
			out = append(out, a)
			continue
		}
		out = append(out, "'"+strings.ReplaceAll(a, "'", `'\''`)+"'")
	}
	return strings.Join(out, " ")
}
