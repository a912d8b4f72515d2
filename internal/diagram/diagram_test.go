package diagram

import (
	"encoding/xml"
	"strings"
	"testing"
)

// parse checks the SVG is well-formed XML and returns the data-id of every
// node group and the number of edges.
func parse(t *testing.T, svg string) (map[string]bool, int) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	nodes := map[string]bool{}
	edges := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if se.Name.Local == "g" && a.Name.Local == "data-id" {
					nodes[a.Value] = true
				}
				if se.Name.Local == "path" && a.Name.Local == "class" && a.Value == "edge" {
					edges++
				}
			}
		}
	}
	return nodes, edges
}

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		name  string
		g     Graph
		nodes int
		edges int
	}{
		{"empty", Graph{}, 0, 0},
		{"chain", Graph{
			Nodes: []Node{{ID: "customer", Lines: []string{"PK id"}}, {ID: "contract", Href: "t/contract.html"}, {ID: "commit <&\"'>", Fill: "#eef"}},
			Edges: []Edge{{From: "customer", To: "contract"}, {From: "contract", To: "commit <&\"'>", Tooltip: "a < b"}},
		}, 3, 2},
		{"cycle and self edge", Graph{
			Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}},
			Edges: []Edge{{From: "a", To: "b"}, {From: "b", To: "c"}, {From: "c", To: "a"}, {From: "b", To: "b"}},
		}, 3, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.g.Nodes {
				if tc.g.Nodes[i].Title == "" {
					tc.g.Nodes[i].Title = tc.g.Nodes[i].ID
				}
			}
			svg, err := Render(tc.g, "d", "a <diagram>")
			if err != nil {
				t.Fatal(err)
			}
			nodes, edges := parse(t, svg)
			if len(nodes) != tc.nodes || edges != tc.edges {
				t.Errorf("%d nodes and %d edges, want %d and %d", len(nodes), edges, tc.nodes, tc.edges)
			}
			for _, n := range tc.g.Nodes {
				if !nodes[n.ID] {
					t.Errorf("node %q not drawn", n.ID)
				}
			}
		})
	}
}

func TestLayoutPutsChildrenRightOfParentsWithoutOverlap(t *testing.T) {
	g := Graph{
		Nodes: []Node{{ID: "invoice", Title: "invoice"}, {ID: "line_item", Title: "line_item"}, {ID: "breakdowns", Title: "breakdowns_line_items", Lines: []string{"FK line_item_id", "FK invoice_breakdown_id"}},
			{ID: "customer", Title: "customer"}, {ID: "x", Title: "x"}},
		Edges: []Edge{{From: "customer", To: "invoice"}, {From: "invoice", To: "line_item"}, {From: "line_item", To: "breakdowns"}, {From: "invoice", To: "breakdowns"}},
	}
	boxes, w, h, err := Layout(g)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		if boxes[e.From].X+boxes[e.From].W >= boxes[e.To].X {
			t.Errorf("%s (%v) is not left of %s (%v)", e.From, boxes[e.From], e.To, boxes[e.To])
		}
	}
	if got := boxes["breakdowns"].Layer; got != 3 {
		t.Errorf("breakdowns in layer %d, want 3 (longest path)", got)
	}
	for a, ba := range boxes {
		if ba.X < 0 || ba.Y < 0 || ba.X+ba.W > w || ba.Y+ba.H > h {
			t.Errorf("%s %v outside %vx%v", a, ba, w, h)
		}
		for b, bb := range boxes {
			if a < b && ba.X < bb.X+bb.W && bb.X < ba.X+ba.W && ba.Y < bb.Y+bb.H && bb.Y < ba.Y+ba.H {
				t.Errorf("%s %v overlaps %s %v", a, ba, b, bb)
			}
		}
	}
}

func TestLayoutRejectsBadGraphs(t *testing.T) {
	for _, g := range []Graph{
		{Nodes: []Node{{ID: "a"}, {ID: "a"}}},
		{Nodes: []Node{{ID: "a"}}, Edges: []Edge{{From: "a", To: "b"}}},
	} {
		if _, _, _, err := Layout(g); err == nil {
			t.Errorf("%+v: no error", g)
		}
	}
}
