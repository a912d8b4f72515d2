package databricks

import (
	"errors"
	"testing"
)

func TestExplainSparkError(t *testing.T) {
	cause := errors.New("databricks: execution error: failed to execute query: Error running query: [TABLE_OR_VIEW_NOT_FOUND] " +
		"org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `nosuch`.`t` cannot be found. Verify the spelling.\n" +
		"If you did not qualify the name with a schema, verify the current_schema() output.\n'Project [*]\n+- 'UnresolvedRelation [nosuch, t], [], false")
	got := explain(cause)
	if want := "databricks: [TABLE_OR_VIEW_NOT_FOUND] The table or view `nosuch`.`t` cannot be found. Verify the spelling."; got.Error() != want {
		t.Errorf("explain: %q, want %q", got, want)
	}
	if !errors.Is(got, cause) {
		t.Error("the driver's error is no longer wrapped")
	}
	// A workspace's error (no Spark prefix) stays as the driver says it.
	ws := errors.New("databricks: execution error: failed to execute query: [PARSE_SYNTAX_ERROR] Syntax error at or near 'x'")
	if got := explain(ws); got != ws {
		t.Errorf("a workspace error changed: %v", got)
	}
	if explain(nil) != nil {
		t.Error("explain(nil) is not nil")
	}
}
