package tests

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/exitcode"
)

// TestRunInterrupted sends the real CLI a Ctrl-C (SIGINT) while a model
// builds: it exits 130 with one line, records what ran, and the next run
// starts at once (the run lock was released) and builds.
func TestRunInterrupted(t *testing.T) {
	bin := mtxBinary(t)
	forEachEngine(t, func(t *testing.T, e engine) {
		body := e.a.SlowModel
		if body == "" {
			t.Skip("interrupting a run is engine-neutral: covered on duckdb and postgres")
		}
		schema := "metronome"
		if !e.embedded() {
			schema = freshSchema(t, e, e.open(t))
		}
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "models"), 0o755)
		os.WriteFile(filepath.Join(dir, "project.yaml"), []byte("tables: {include: [invoice]}\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "models", "slow.sql"), []byte(body), 0o644)
		mtx := func(args ...string) *exec.Cmd {
			cmd := exec.Command(bin, append(args, "--dialect", e.name, "--dsn", e.dsn, "--schema", schema)...)
			cmd.Dir = dir
			return cmd
		}
		if out, err := mtx("migrate", "up").CombinedOutput(); err != nil {
			t.Fatalf("migrate up: %v\n%s", err, out)
		}
		cmd := mtx("run", "--exclude", "cookbook_*")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// current_invoice builds first (slow sorts after it): wait for its line.
		deadline := time.Now().Add(30 * time.Second)
		for !strings.Contains(stderr.String(), "current_invoice") && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(500 * time.Millisecond)
		start := time.Now()
		cmd.Process.Signal(syscall.SIGINT)
		cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != exitcode.Interrupted {
			t.Fatalf("exit %d after SIGINT, want %d\n%s%s", code, exitcode.Interrupted, stdout.String(), stderr.String())
		}
		if d := time.Since(start); d > 15*time.Second {
			t.Errorf("took %s to stop after SIGINT", d)
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if last := lines[len(lines)-1]; !strings.HasPrefix(last, "mtx: interrupted") {
			t.Errorf("last line %q, want mtx: interrupted…", last)
		}
		data, err := os.ReadFile(filepath.Join(dir, "target", "run_results.json"))
		if err != nil || !strings.Contains(string(data), `"model.mtx.current_invoice"`) {
			t.Errorf("run_results.json after the interrupt: %v\n%s", err, data)
		}
		// The next run is not blocked by a lock the interrupted one held.
		out, err := mtx("run", "--select", "current_invoice", "--lock-timeout", "5s").CombinedOutput()
		if err != nil || !strings.Contains(string(out), "built 1 model") {
			t.Errorf("run after the interrupt: %v\n%s", err, out)
		}
	})
}
