package cookbook

import (
	"fmt"
	"text/template"
	"text/template/parse"
)

// Open says how RenderOpen leaves an entry's parameters to be filled later
// by another template language (the dbt export's Jinja), and how it names
// the relations the entry reads.
type Open struct {
	// Ref names the current-state model of a table (current_invoice).
	Ref func(model string) string
	// Source names a raw export table.
	Source func(table string) string
	// Value is the text standing where the literal of p's value goes
	// ({{ param "p" }}).
	Value func(p Param) string
	// Int is the number standing for an integer parameter's value where
	// the entry computes with it (int_param): the caller finds the
	// numbers the macros made of it in the output and replaces them.
	Int func(p Param) int
	// If is the text around a block shown only when p is set
	// ({{ if set "p" }} … {{ else }} … {{ end }}).
	If func(p Param) (begin, otherwise, end string)
}

// RenderOpen renders e for r's dialect with its parameters left open as o
// says; the dialect's macros render everything else. Only `{{ if set "p" }}`
// may branch on a parameter: any other condition would need the value.
func (r *Renderer) RenderOpen(e *Entry, o Open) (*Rendered, error) {
	values, err := e.Values(nil)
	if err != nil {
		return nil, err
	}
	tables, reads := map[string]bool{}, map[string]bool{}
	funcs := r.funcs(values, tables, reads)
	param := func(name string) (Param, error) {
		p, ok := e.Param(name)
		if !ok {
			return Param{}, fmt.Errorf("parameter %q is not declared in the header", name)
		}
		return p, nil
	}
	funcs["current"] = func(name string) (string, error) {
		if _, ok := r.catalog.Table(name); !ok {
			return "", fmt.Errorf("unknown export table %q", name)
		}
		tables[name], reads[CurrentPrefix+name] = true, true
		return o.Ref(CurrentPrefix + name), nil
	}
	funcs["raw"] = func(name string) (string, error) {
		if _, ok := r.catalog.Table(name); !ok {
			return "", fmt.Errorf("unknown export table %q", name)
		}
		tables[name], reads[name] = true, true
		return o.Source(name), nil
	}
	funcs["param"] = func(name string) (string, error) {
		p, err := param(name)
		if err != nil {
			return "", err
		}
		return o.Value(p), nil
	}
	funcs["int_param"] = func(name string) (int, error) {
		p, err := param(name)
		if err != nil {
			return 0, err
		}
		if p.Type != IntegerParam {
			return 0, fmt.Errorf("parameter %s is not an integer", name)
		}
		return o.Int(p), nil
	}
	funcs["set"] = func(name string) (bool, error) {
		return false, fmt.Errorf("set %q outside {{ if set %q }} cannot be left open", name, name)
	}
	t, err := template.New(e.Name).Option("missingkey=error").Funcs(funcs).Parse(e.Body)
	if err != nil {
		return nil, fmt.Errorf("cookbook entry %s: %w", e.Name, err)
	}
	if err := openIfs(t.Tree, t.Root, e, o); err != nil {
		return nil, fmt.Errorf("cookbook entry %s: %w", e.Name, err)
	}
	return r.execute(t, e, values, tables, reads)
}

// openIfs replaces every {{ if set "p" }} block of list by its branches
// between o.If's texts, so both branches reach the output.
func openIfs(tree *parse.Tree, list *parse.ListNode, e *Entry, o Open) error {
	if list == nil {
		return nil
	}
	var nodes []parse.Node
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.IfNode:
			name, ok := setCondition(n.Pipe)
			if !ok {
				return fmt.Errorf("%s: only {{ if set \"param\" }} can be left open, not {{ if %s }}", where(tree, n), n.Pipe)
			}
			p, ok := e.Param(name)
			if !ok {
				return fmt.Errorf("parameter %q is not declared in the header", name)
			}
			if err := openIfs(tree, n.List, e, o); err != nil {
				return err
			}
			if err := openIfs(tree, n.ElseList, e, o); err != nil {
				return err
			}
			begin, otherwise, end := o.If(p)
			nodes = append(nodes, text(tree, begin))
			nodes = append(nodes, n.List.Nodes...)
			if n.ElseList != nil {
				nodes = append(nodes, text(tree, otherwise))
				nodes = append(nodes, n.ElseList.Nodes...)
			}
			nodes = append(nodes, text(tree, end))
		case *parse.RangeNode:
			if err := openIfs(tree, n.List, e, o); err != nil {
				return err
			}
			if err := openIfs(tree, n.ElseList, e, o); err != nil {
				return err
			}
			nodes = append(nodes, n)
		case *parse.WithNode:
			if err := openIfs(tree, n.List, e, o); err != nil {
				return err
			}
			if err := openIfs(tree, n.ElseList, e, o); err != nil {
				return err
			}
			nodes = append(nodes, n)
		default:
			nodes = append(nodes, n)
		}
	}
	list.Nodes = nodes
	return nil
}

// setCondition returns p when pipe is exactly `set "p"`.
func setCondition(pipe *parse.PipeNode) (string, bool) {
	if pipe == nil || len(pipe.Decl) > 0 || len(pipe.Cmds) != 1 || len(pipe.Cmds[0].Args) != 2 {
		return "", false
	}
	fn, ok := pipe.Cmds[0].Args[0].(*parse.IdentifierNode)
	if !ok || fn.Ident != "set" {
		return "", false
	}
	s, ok := pipe.Cmds[0].Args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return s.Text, true
}

// text is a node printing s as it is.
func text(_ *parse.Tree, s string) parse.Node {
	return &parse.TextNode{NodeType: parse.NodeText, Text: []byte(s)}
}

// where is n's position in the entry, "name:line:column".
func where(tree *parse.Tree, n parse.Node) string {
	loc, _ := tree.ErrorContext(n)
	return loc
}
