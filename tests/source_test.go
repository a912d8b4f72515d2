package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/freshness"
	"github.com/mtxhq/mtx/internal/source"
	"github.com/mtxhq/mtx/tests/delivery"
)

// TestSourceCheckAndFreshness runs `mtx source check` and `mtx freshness`
// on every engine, in both modes: mtx's own migrated schema (clean; dated
// by _mtx_transferred_at), and a simulated delivered destination with a
// lossy decimal, a missing and an empty table, _transfer_status for one
// table and the data columns for another (on Snowflake one table keeps
// quoted lower-case names).
func TestSourceCheckAndFreshness(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cur := h.Current()
	table := func(name string) *catalog.Table { x, _ := cur.Table(name); return x }
	invoice, line, customer := table("invoice"), table("line_item"), table("customer")
	selection := "tables: {include: [invoice, line_item, draft_invoice, customer]}\n"
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		bin := mtxBinary(t)
		m := e.d.Macros()
		q := e.d.Quote
		s := newSetup(t, e)
		run := func(sql string) {
			t.Helper()
			if _, err := s.db.ExecContext(context.Background(), sql); err != nil {
				t.Fatalf("%s: %v", sql, err)
			}
		}

		// mtx's own schema: the four tables as mtx migrates them.
		own := s.o.Schema
		sel := func(name string) bool {
			return name == "invoice" || name == "line_item" || name == "draft_invoice" || name == "customer"
		}
		rd, err := ddl.New(e.d, s.o)
		if err != nil {
			t.Fatal(err)
		}
		versions, err := rd.Versions(h, sel)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.migrator(t, versions).Provider().Up(context.Background()); err != nil {
			t.Fatal(err)
		}
		run(fmt.Sprintf("INSERT INTO %s.%s (%s, %s, %s) VALUES ('inv1', 'PRODUCTION', %s)", q(own), q("invoice"), q("id"), q("environment_type"),
			q("_mtx_transferred_at"), m.TimestampLiteral(at("2026-03-01T10:00:00Z"))))

		// The delivered schema: invoice with a lossy decimal (upper case on
		// Snowflake, as the service creates unquoted names), line_item
		// clean (quoted lower case), customer empty, draft_invoice missing.
		delivered := freshSchema(t, e, s.db)
		run(delivery.For(e.a).CreateSchema + " " + q(delivered))
		// A name created quoted as it is: on an engine that folds unquoted
		// names to upper case, Quote would give its upper-case form.
		asStored := q
		if e.a.FoldsUpper {
			asStored = func(n string) string { return dialects.QuoteWith(`"`, `"`, n) }
		}
		create := func(tbl *catalog.Table, quote func(string) string, change map[string]string) {
			var cols []string
			for _, c := range tbl.Columns {
				if c.System {
					continue
				}
				typ := e.d.ColumnType(tbl, c, s.o)
				if v, ok := change[c.Name]; ok {
					typ = v
				}
				cols = append(cols, quote(c.Name)+" "+typ)
			}
			run(fmt.Sprintf("CREATE TABLE %s.%s (%s)%s", q(delivered), quote(tbl.Name), strings.Join(cols, ", "), e.a.TableSuffix))
		}
		change := map[string]string{"total": e.a.LossyDecimal}
		wantErrors := 1
		if v := e.a.ShortString; v != "" {
			change["status"] = v
			wantErrors++
		}
		if v := e.a.TextJSON; v != "" {
			change["metadata"] = v
		}
		create(invoice, q, change)
		create(line, asStored, nil)
		create(customer, q, nil)
		str := e.d.ColumnType(invoice, catalog.Column{Name: "x", Type: catalog.String}, s.o)
		ts := e.d.ColumnType(invoice, catalog.Column{Name: "x", Type: catalog.Timestamp}, s.o)
		status := "_transfer_status"
		if e.a.TransferStatusView {
			// The service keeps a view over __TABLES__ and a cache.
			status = "_transfer_status_cache"
		}
		run(fmt.Sprintf("CREATE TABLE %s.%s (%s %s, %s %s)%s", q(delivered), q(status), q("data_model_name"), str,
			q("transfer_last_updated_at"), ts, e.a.TableSuffix))
		if e.a.TransferStatusView {
			run(fmt.Sprintf("CREATE VIEW %s.%s AS SELECT data_model_name, transfer_last_updated_at FROM %s.%s", q(delivered), q("_transfer_status"), q(delivered), q(status)))
		}
		// invoice: its row says 09:00, its transfer 10:00 (the transfer wins).
		// line_item: no transfer recorded, newest updated_at 05:00.
		run(fmt.Sprintf("INSERT INTO %s.%s (%s, %s) VALUES ('invoice', %s)", q(delivered), q(status), q("data_model_name"), q("transfer_last_updated_at"),
			m.TimestampLiteral(at("2026-03-01T10:00:00Z"))))
		run(fmt.Sprintf("INSERT INTO %s.%s (%s, %s, %s) VALUES ('inv1', 'PRODUCTION', %s)", q(delivered), q("invoice"), q("id"), q("environment_type"), q("updated_at"),
			m.TimestampLiteral(at("2026-03-01T09:00:00Z"))))
		for _, u := range []string{"2026-03-01T05:00:00Z", "2026-02-28T05:00:00Z"} {
			run(fmt.Sprintf("INSERT INTO %s.%s (%s, %s, %s) VALUES ('li-%s', 'PRODUCTION', %s)", q(delivered), asStored("line_item"), asStored("id"),
				asStored("environment_type"), asStored("updated_at"), u[:10], m.TimestampLiteral(at(u))))
		}

		if e.embedded() {
			s.db.Close() // one process at a time holds a DuckDB file
		}
		dir := t.TempDir()
		writeFile := func(body string) {
			if err := os.WriteFile(filepath.Join(dir, "project.yaml"), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		writeFile(selection)
		// mtx runs the CLI as a user does: JSON on standard output, the
		// verdict as one line on standard error, and the exit status.
		mtx := func(v any, args ...string) (string, int) {
			t.Helper()
			cmd := exec.Command(bin, append(args, "--format", "json", "--dialect", e.name, "--dsn", e.dsn, "--schema", own)...)
			cmd.Dir = dir
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			err := cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
				if n := strings.Count(strings.TrimSpace(errOut.String()), "\n"); n > 0 || errOut.Len() == 0 {
					t.Errorf("mtx %s: the error is not one line:\n%s", strings.Join(args, " "), errOut.String())
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(out.Bytes(), v); err != nil {
				t.Fatalf("mtx %s: output is not JSON (%v):\n%s%s", strings.Join(args, " "), err, out.String(), errOut.String())
			}
			return out.String() + errOut.String(), code
		}
		check := func(args ...string) (*source.Report, int, string) {
			t.Helper()
			var r source.Report
			out, code := mtx(&r, append([]string{"source", "check"}, args...)...)
			return &r, code, out
		}
		fresh := func(now string, args ...string) (map[string]freshness.Table, int, string) {
			t.Helper()
			var r freshness.Report
			out, code := mtx(&r, append([]string{"freshness", "--now", now}, args...)...)
			byName := map[string]freshness.Table{}
			for _, x := range r.Tables {
				byName[x.Table] = x
			}
			return byName, code, out
		}
		findings := func(r *source.Report, table string) []source.Finding {
			for _, x := range r.Tables {
				if x.Table == table {
					return x.Findings
				}
			}
			t.Fatalf("no table %s in the report", table)
			return nil
		}
		// The emulator reports JSON columns as STRING, which reads as JSON
		// stored as text: a warning, never an error.
		jsonAsText := e.a.JSONIntrospectsAsText

		t.Run("source check, mtx's schema", func(t *testing.T) {
			r, code, out := check()
			if code != 0 || r.Errors != 0 || (r.Warnings != 0 && !jsonAsText) || r.Mode != "mtx" {
				t.Errorf("exit %d, %d errors, %d warnings, mode %s, want a clean pass:\n%s", code, r.Errors, r.Warnings, r.Mode, out)
			}
			for _, x := range r.Tables {
				if !x.Present {
					t.Errorf("%s reported missing", x.Table)
				}
			}
		})
		t.Run("source check, delivered", func(t *testing.T) {
			r, code, out := check("--source-schema", delivered)
			if code != 1 || r.Errors != wantErrors || r.Mode != "delivered" {
				t.Fatalf("exit %d with %d errors, want 1 and %d (the lossy decimal, a short string):\n%s", code, r.Errors, wantErrors, out)
			}
			got := map[string]source.Severity{}
			for _, f := range findings(r, "invoice") {
				got[f.Column] = f.Severity
			}
			for col, want := range map[string]source.Severity{"total": source.Error, "status": source.Error, "metadata": source.Warning} {
				if typ, ok := change[col]; ok && got[col] != want {
					t.Errorf("invoice.%s (%s) reported as %q, want %s:\n%s", col, typ, got[col], want, out)
				}
			}
			for _, f := range findings(r, "line_item") {
				if f.Severity != source.Warning || !jsonAsText {
					t.Errorf("line_item, delivered clean, has a finding: %+v", f)
				}
			}
			for _, x := range r.Tables {
				if x.Present != (x.Table != "draft_invoice") {
					t.Errorf("%s: present %v", x.Table, x.Present)
				}
			}
			if !strings.Contains(out, fmt.Sprintf("mtx: source check: %d problem", wantErrors)) || !strings.Contains(out, " in "+delivered) {
				t.Errorf("no one-line error naming the schema:\n%s", out)
			}
		})
		t.Run("freshness, mtx's schema", func(t *testing.T) {
			for _, tc := range []struct {
				now    string
				status freshness.Status
				code   int
			}{
				{"2026-03-01T11:00:00Z", freshness.StatusFresh, 0},
				{"2026-03-01T15:00:00Z", freshness.StatusWarn, 0},
				{"2026-03-01T19:00:00Z", freshness.StatusError, 1},
			} {
				got, code, out := fresh(tc.now)
				inv := got["invoice"]
				if code != tc.code || inv.Status != tc.status || inv.From != "_mtx_transferred_at" || got["line_item"].Status != freshness.StatusEmpty {
					t.Errorf("at %s: exit %d, invoice %s from %s, line_item %s; want exit %d, invoice %s:\n%s", tc.now, code, inv.Status, inv.From, got["line_item"].Status, tc.code, tc.status, out)
				}
			}
		})
		t.Run("freshness, delivered", func(t *testing.T) {
			for _, tc := range []struct {
				now             string
				invoice, lineIt freshness.Status
				code            int
			}{
				{"2026-03-01T11:00:00Z", freshness.StatusFresh, freshness.StatusWarn, 0},
				{"2026-03-01T14:30:00Z", freshness.StatusWarn, freshness.StatusError, 1},
			} {
				got, code, out := fresh(tc.now, "--source-schema", delivered)
				inv, li := got["invoice"], got["line_item"]
				if code != tc.code || inv.Status != tc.invoice || li.Status != tc.lineIt {
					t.Errorf("at %s: exit %d, invoice %s, line_item %s; want %d, %s, %s:\n%s", tc.now, code, inv.Status, li.Status, tc.code, tc.invoice, tc.lineIt, out)
				}
				if inv.From != "_transfer_status" || inv.LastDelivery == nil || !inv.LastDelivery.Equal(at("2026-03-01T10:00:00Z")) {
					t.Errorf("invoice dated %v from %s, want 10:00 from _transfer_status:\n%s", inv.LastDelivery, inv.From, out)
				}
				if li.From != "updated_at" || li.LastDelivery == nil || !li.LastDelivery.Equal(at("2026-03-01T05:00:00Z")) {
					t.Errorf("line_item dated %v from %s, want 05:00 from updated_at:\n%s", li.LastDelivery, li.From, out)
				}
				if got["customer"].Status != freshness.StatusEmpty || got["draft_invoice"].Status != freshness.StatusMissing {
					t.Errorf("customer %s, draft_invoice %s; want empty and missing", got["customer"].Status, got["draft_invoice"].Status)
				}
			}
			// project.yaml moves line_item's thresholds: 10h to warn, 20h to fail.
			writeFile(selection + "freshness:\n  tables:\n    line_item: {warn_after: {count: 10, period: hour}}\n")
			defer writeFile(selection)
			got, code, out := fresh("2026-03-01T14:30:00Z", "--source-schema", delivered)
			if code != 0 || got["line_item"].Status != freshness.StatusFresh || got["line_item"].ErrorAfterSeconds != 20*3600 {
				t.Errorf("with warn_after 10h: exit %d, line_item %+v:\n%s", code, got["line_item"], out)
			}
		})
	})
}
