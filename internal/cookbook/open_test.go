package cookbook_test

import (
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/cookbook"
)

var testOpen = cookbook.Open{
	Ref:    func(m string) string { return "REF(" + m + ")" },
	Source: func(t string) string { return "SRC(" + t + ")" },
	Value:  func(p cookbook.Param) string { return "VAL(" + p.Name + ")" },
	Int:    func(cookbook.Param) int { return 4242 },
	If:     func(p cookbook.Param) (string, string, string) { return "IF(" + p.Name + ")", "ELSE", "END" },
}

// TestRenderOpen: both branches of {{ if set "p" }} reach the output
// between the If texts, parameters are the Value texts, integers the Int
// number as the dialect's macros use it, and relations are named by Ref
// and Source.
func TestRenderOpen(t *testing.T) {
	d, err := all.Get(all.Names()[0])
	if err != nil {
		t.Fatal(err)
	}
	r, err := cookbook.NewRenderer(d, dialects.DefaultOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := cookbook.Parse("x.sql", []byte(`-- name: x
-- description: test
-- params:
--   - {name: env, default: PRODUCTION}
--   - {name: id, default: ""}
--   - {name: days, type: integer, default: "7"}
SELECT a.id AS id FROM {{ current "invoice" }} a JOIN {{ raw "invoice" }} b ON a.id = b.id
WHERE a.environment_type = {{ param "env" }}
{{- if set "id" }} AND a.id = {{ param "id" }}{{ else }} AND TRUE{{ end }}
  AND a.issued_at > {{ add_interval (now) (neg (int_param "days")) "day" }}`))
	if err != nil {
		t.Fatal(err)
	}
	rd, err := r.RenderOpen(e, testOpen)
	if err != nil {
		t.Fatal(err)
	}
	interval := d.Macros().AddInterval(d.Macros().Now(), -4242, dialects.Day)
	for _, want := range []string{"REF(current_invoice) a JOIN SRC(invoice) b", "= VAL(env)IF(id) AND a.id = VAL(id)ELSE AND TRUEEND", interval} {
		if !strings.Contains(rd.SQL, want) {
			t.Errorf("rendered SQL lacks %q:\n%s", want, rd.SQL)
		}
	}

	bad, err := cookbook.Parse("y.sql", []byte(`-- name: y
-- description: test
-- params:
--   - {name: id, default: ""}
SELECT 1 AS one {{ if eq (param "id") "x" }}WHERE TRUE{{ end }}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.RenderOpen(bad, testOpen); err == nil || !strings.Contains(err.Error(), `only {{ if set "param" }} can be left open`) {
		t.Errorf("an if on a value: %v", err)
	}
}
