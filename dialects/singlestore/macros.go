package singlestore

import (
	"fmt"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/mysql"
)

// Macros are SingleStore's spellings of the neutral SQL macros: MySQL's,
// but for JSON.
type Macros struct{ mysql.Macros }

var _ dialects.SQLMacros = Macros{}

// Macros returns SingleStore's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// JSONText: SingleStore's JSON_EXTRACT_STRING takes the key itself (no
// "$." path) and returns the text of a string value unquoted.
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("JSON_EXTRACT_STRING(%s, '%s')", expr, key)
}
