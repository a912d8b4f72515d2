package docsite

import (
	"bytes"
	"encoding/json"
	"strings"
)

// searchItem is one entry of the client-side search index. Short keys keep
// the index small: it holds every column of every table.
type searchItem struct {
	Title string `json:"t"`
	Kind  string `json:"k"`
	URL   string `json:"u"` // relative to the site's root
	Text  string `json:"d,omitempty"`
}

// searchIndex is a script defining the index as a global: a page opened
// from file:// may not fetch() a JSON file, but it may load a script.
func searchIndex(v *view) ([]byte, error) {
	var items []searchItem
	for _, t := range v.Tables {
		items = append(items, searchItem{t.Name, "table", t.URL, t.Group + ", " + t.Kind + "; key " + strings.Join(t.Key, ", ") + ". " + t.Note})
		for _, c := range t.Columns {
			items = append(items, searchItem{t.Name + "." + c.Name, "column", t.URL + "#col-" + c.Name, c.Type + ". " + c.Description + " " + c.Note})
		}
	}
	for _, m := range v.Models {
		items = append(items, searchItem{m.Name, "model", m.URL, m.Kind + ". " + m.Description})
	}
	for _, e := range v.Entries {
		items = append(items, searchItem{e.Name, "cookbook", e.URL, e.Description})
	}
	for i := range items {
		items[i].Text = strings.Join(strings.Fields(items[i].Text), " ")
	}
	var b bytes.Buffer
	b.WriteString("// The search index of the mtx data dictionary (generated).\nwindow.MTX_SEARCH_INDEX = ")
	enc := json.NewEncoder(&b) // escapes <, > and & so the script cannot close early
	if err := enc.Encode(items); err != nil {
		return nil, err
	}
	b.WriteString(";\n")
	return b.Bytes(), nil
}
