// Package diagram draws directed graphs as standalone SVG: a layered
// left-to-right layout (longest-path layers, barycenter ordering) with
// boxes, links and curved edges. It is what the data dictionary's
// entity-relationship diagram and lineage graphs are drawn with; no
// JavaScript and no fonts beyond the browser's monospace are needed.
package diagram

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strings"
)

// Node is one box: a title line and optional detail lines.
type Node struct {
	ID    string
	Title string
	Lines []string
	// Href makes the box a link.
	Href string
	// Fill is the box's background colour (CSS colour; default white).
	Fill string
	// Tooltip is shown on hover.
	Tooltip string
}

// Edge goes From -> To (node IDs); To is laid out right of From.
type Edge struct {
	From, To string
	Tooltip  string
}

// Graph is what Render draws.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// Geometry of the drawing, in SVG user units (px).
const (
	charWidth  = 7.3 // 12px monospace
	lineHeight = 16
	padX       = 8
	titleH     = 22
	layerGap   = 90
	nodeGap    = 14
	margin     = 12
)

// Box is a node's place in the drawing.
type Box struct {
	X, Y, W, H float64
	Layer      int
}

// Layout places every node; unknown edge ends are an error. Self edges
// and edges closing a cycle do not affect the layers.
func Layout(g Graph) (map[string]Box, float64, float64, error) {
	index := map[string]int{}
	for i, n := range g.Nodes {
		if _, dup := index[n.ID]; dup {
			return nil, 0, 0, fmt.Errorf("diagram: node %q twice", n.ID)
		}
		index[n.ID] = i
	}
	preds := make([][]int, len(g.Nodes))
	succs := make([][]int, len(g.Nodes))
	for _, e := range g.Edges {
		f, ok1 := index[e.From]
		t, ok2 := index[e.To]
		if !ok1 || !ok2 {
			return nil, 0, 0, fmt.Errorf("diagram: edge %s -> %s names an unknown node", e.From, e.To)
		}
		if f != t {
			preds[t] = append(preds[t], f)
			succs[f] = append(succs[f], t)
		}
	}
	// Layers: longest path from a node without predecessors; a DFS ignores
	// back edges so a cycle cannot loop.
	layer := make([]int, len(g.Nodes))
	state := make([]int, len(g.Nodes)) // 0 new, 1 on stack, 2 done
	var visit func(int)
	visit = func(n int) {
		state[n] = 1
		for _, p := range preds[n] {
			if state[p] == 1 {
				continue
			}
			if state[p] == 0 {
				visit(p)
			}
			if layer[p]+1 > layer[n] {
				layer[n] = layer[p] + 1
			}
		}
		state[n] = 2
	}
	for i := range g.Nodes {
		if state[i] == 0 {
			visit(i)
		}
	}
	nLayers := 0
	for _, l := range layer {
		nLayers = max(nLayers, l+1)
	}
	rows := make([][]int, nLayers)
	for i := range g.Nodes {
		rows[layer[i]] = append(rows[layer[i]], i)
	}
	// Order within layers: by ID first, then a few barycenter sweeps down
	// and up, which untangles most crossings.
	pos := make([]float64, len(g.Nodes))
	for _, r := range rows {
		sort.Slice(r, func(a, b int) bool { return g.Nodes[r[a]].ID < g.Nodes[r[b]].ID })
		for k, n := range r {
			pos[n] = float64(k)
		}
	}
	sweep := func(r []int, nbrs [][]int) {
		bary := map[int]float64{}
		for _, n := range r {
			if len(nbrs[n]) == 0 {
				bary[n] = pos[n]
				continue
			}
			s := 0.0
			for _, m := range nbrs[n] {
				s += pos[m]
			}
			bary[n] = s / float64(len(nbrs[n]))
		}
		sort.SliceStable(r, func(a, b int) bool { return bary[r[a]] < bary[r[b]] })
		for k, n := range r {
			pos[n] = float64(k)
		}
	}
	for range 4 {
		for l := 1; l < nLayers; l++ {
			sweep(rows[l], preds)
		}
		for l := nLayers - 2; l >= 0; l-- {
			sweep(rows[l], succs)
		}
	}
	// Sizes and coordinates: each layer a column as wide as its widest box;
	// in the layer's order, each box as close to the middle of its
	// predecessors as the box above it allows, so a chain reads straight
	// across and a child sits beside its parents.
	size := func(n Node) (float64, float64) {
		w := float64(len([]rune(n.Title)))
		for _, l := range n.Lines {
			w = math.Max(w, float64(len([]rune(l))))
		}
		return math.Ceil(w*charWidth) + 2*padX, float64(titleH + lineHeight*len(n.Lines) + 4*min(len(n.Lines), 1))
	}
	boxes := map[string]Box{}
	placed := make([]Box, len(g.Nodes))
	x := float64(margin)
	bottom := float64(margin)
	for l, r := range rows {
		width := 0.0
		for _, n := range r {
			w, _ := size(g.Nodes[n])
			width = math.Max(width, w)
		}
		y := float64(margin)
		for _, n := range r {
			w, h := size(g.Nodes[n])
			want := y
			var sum float64
			var k int
			for _, p := range preds[n] {
				if layer[p] < l {
					sum += placed[p].Y + placed[p].H/2
					k++
				}
			}
			if k > 0 {
				want = math.Max(y, sum/float64(k)-h/2)
			}
			placed[n] = Box{X: x, Y: want, W: w, H: h, Layer: l}
			boxes[g.Nodes[n].ID] = placed[n]
			y = want + h + nodeGap
			bottom = math.Max(bottom, want+h)
		}
		x += width + layerGap
	}
	total := bottom - margin
	width := x - layerGap + margin
	if nLayers == 0 {
		width = 2 * margin
	}
	return boxes, width, total + 2*margin, nil
}

// Render draws g as an <svg> element (with its namespace, so the markup is
// also a well-formed standalone SVG document). id becomes the element's id.
func Render(g Graph, id, title string) (string, error) {
	boxes, w, h, err := Layout(g)
	if err != nil {
		return "", err
	}
	esc := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="diagram" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="12">`, esc(id), w, h, w, h)
	fmt.Fprintf(&b, `<title>%s</title>`, esc(title))
	fmt.Fprintf(&b, `<defs><marker id="%s-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b6b82"/></marker></defs>`, esc(id))
	b.WriteString(`<g class="edges" fill="none" stroke="#5b6b82" stroke-width="1.2" stroke-opacity="0.7">`)
	for _, e := range g.Edges {
		f, t := boxes[e.From], boxes[e.To]
		fmt.Fprintf(&b, `<path class="edge" data-from="%s" data-to="%s" `, esc(e.From), esc(e.To))
		if e.From == e.To {
			// A self reference: a small loop on the box's right edge.
			x, y := f.X+f.W, f.Y+titleH/2
			fmt.Fprintf(&b, `d="M%.1f,%.1f c30,-18 30,24 0,12" marker-end="url(#%s-arrow)">`, x, y, esc(id))
		} else {
			x1, y1 := f.X+f.W, f.Y+f.H/2
			x2, y2 := t.X, t.Y+t.H/2
			if t.X <= f.X { // an edge closing a cycle runs right to left
				x1, x2 = f.X, t.X+t.W
			}
			dx := math.Max(math.Abs(x2-x1)/2, 30)
			if x2 < x1 {
				dx = -dx
			}
			fmt.Fprintf(&b, `d="M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" marker-end="url(#%s-arrow)">`, x1, y1, x1+dx, y1, x2-dx, y2, x2, y2, esc(id))
		}
		if e.Tooltip != "" {
			fmt.Fprintf(&b, `<title>%s</title>`, esc(e.Tooltip))
		}
		b.WriteString(`</path>`)
	}
	b.WriteString(`</g><g class="nodes">`)
	for _, n := range g.Nodes {
		box := boxes[n.ID]
		fill := n.Fill
		if fill == "" {
			fill = "#ffffff"
		}
		if n.Href != "" {
			fmt.Fprintf(&b, `<a href="%s">`, esc(n.Href))
		}
		fmt.Fprintf(&b, `<g class="node" data-id="%s">`, esc(n.ID))
		tip := n.Tooltip
		if tip == "" {
			tip = n.Title
		}
		fmt.Fprintf(&b, `<title>%s</title>`, esc(tip))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="4" fill="%s" stroke="#33415c" stroke-width="1.2"/>`, box.X, box.Y, box.W, box.H, esc(fill))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-weight="bold" fill="#111827">%s</text>`, box.X+padX, box.Y+15, esc(n.Title))
		if len(n.Lines) > 0 {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#33415c" stroke-width="0.8"/>`, box.X, box.Y+titleH, box.X+box.W, box.Y+titleH)
		}
		for i, l := range n.Lines {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#1f2937">%s</text>`, box.X+padX, box.Y+titleH+14+float64(i*lineHeight), esc(l))
		}
		b.WriteString(`</g>`)
		if n.Href != "" {
			b.WriteString(`</a>`)
		}
	}
	b.WriteString(`</g></svg>`)
	return b.String(), nil
}
