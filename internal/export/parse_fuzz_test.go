package export

import (
	"strings"
	"testing"
	"time"
)

// FuzzParse: Parse never panics, and what it accepts is a path of the
// layout whose parts it reports faithfully (go test -fuzz FuzzParse
// ./internal/export; the seeds run with every go test).
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"invoice/dt=2025-01-02/0_20250102030405.parquet",
		"line_item/dt=2024-12-31/part-0001_abc_20241231235959.parquet",
		"invoice/dt=2025-02-30/0_20250102030405.parquet",
		"invoice/dt=2025-01-02/0_20251302030405.parquet",
		"invoice/dt=2025-01-02/_20250102030405.parquet",
		"invoice/dt=2025-01-02/0_20250102030405.parquet/x",
		"/dt=2025-01-02/0_20250102030405.parquet",
		"invoice//0_20250102030405.parquet",
		"invoice/dt=2025-01-02/0_20250102030405.PARQUET",
		"invoice/dt=2025-01-02/0_2025010203040５.parquet",
		"in'vo\"ice/dt=2025-01-02/a\\b_20250102030405.parquet",
		"invoice/dt=0000-01-01/0_00000101000000.parquet",
		"../dt=2025-01-02/0_20250102030405.parquet",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, rel string) {
		file, err := Parse(rel)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("Parse(%q): an empty error", rel)
			}
			return
		}
		parts := strings.Split(rel, "/")
		if len(parts) != 3 || file.Path != rel || file.Table != parts[0] {
			t.Fatalf("Parse(%q) = %+v: path or table differs from the input", rel, file)
		}
		if got := "dt=" + file.Date.Format("2006-01-02"); got != parts[1] {
			t.Fatalf("Parse(%q): date %s, folder %s", rel, got, parts[1])
		}
		if got := file.Part + "_" + file.TransferredAt.Format("20060102150405") + ".parquet"; got != parts[2] {
			t.Fatalf("Parse(%q): part and stamp give %s, file %s", rel, got, parts[2])
		}
		if file.TransferredAt.Location() != time.UTC || file.Part == "" {
			t.Fatalf("Parse(%q) = %+v: stamp not UTC or empty part", rel, file)
		}
	})
}
