package layout

import (
	"fmt"
	"math"
)

// Arrangement is how a manager's reports are placed.
type Arrangement uint8

const (
	// Auto stacks as Columns2 when the manager has at least AutoStackMin
	// reports and all of them are leaves; it uses a Row otherwise.
	Auto Arrangement = iota
	// Row places reports side by side under a horizontal bus.
	Row
	// Column stacks leaf reports in one column right of a spine.
	Column
	// Columns2 stacks leaf reports alternating left and right of a spine.
	Columns2
)

// AutoStackMin is the least number of leaf reports that Auto stacks.
const AutoStackMin = 4

func (a Arrangement) String() string {
	switch a {
	case Auto:
		return "auto"
	case Row:
		return "row"
	case Column:
		return "column"
	case Columns2:
		return "columns2"
	}
	return fmt.Sprintf("Arrangement(%d)", uint8(a))
}

// Tree is the input of Layout: n nodes addressed 0..n-1. Parent, Width and
// Height must have length n; Assistant and Arrangement may be nil (no
// assistants; Auto everywhere) or have length n.
type Tree struct {
	// Parent[i] is the manager of node i, or -1 for a root. The parents
	// must form a forest (no cycles). Children are ordered by index.
	Parent []int
	// Width and Height are the card sizes in points, finite and >= 0.
	Width, Height []float64
	// Assistant[i] places node i beside its manager instead of among its
	// reports. It is ignored for roots and for nodes with reports.
	Assistant []bool
	// Arrangement[i] is how node i's reports (not its assistants) are placed.
	Arrangement []Arrangement
}

// Options are the gaps of a layout, in points. The zero value packs cards
// edge to edge; start from DefaultOptions.
type Options struct {
	SiblingGap  float64 // horizontal gap between cards with the same manager
	SubtreeGap  float64 // horizontal gap between cards of different managers, and between roots
	LevelGap    float64 // vertical gap below a manager (or its assistants); the bus runs at its middle
	StackGap    float64 // vertical gap between stacked cards and between assistants
	SpineOffset float64 // length of the connector from a spine to a stacked card or assistant
}

// DefaultOptions returns gaps that suit cards of about 150x60 points.
func DefaultOptions() Options {
	return Options{SiblingGap: 20, SubtreeGap: 40, LevelGap: 40, StackGap: 12, SpineOffset: 16}
}

// Box is a card's rectangle: top-left corner and size.
type Box struct{ X, Y, W, H float64 }

// Point is a position in points.
type Point struct{ X, Y float64 }

// Result is a laid-out chart.
type Result struct {
	// Boxes[i] is node i's card; H is after row heights are equalised.
	Boxes []Box
	// Width and Height are the size of the bounding box, whose top-left
	// corner is (0, 0).
	Width, Height float64

	points []Point // all connectors, back to back
	hang   []uint8 // how each node hangs from its manager (hangRow, ...)
	start  []int32 // node i's connector is points[start[i]:start[i+1]]
}

// Connector returns the orthogonal polyline from node i's manager to node i:
// the first point is on the manager's card edge, the last on node i's card
// edge. It is nil for a root. The slice is shared; do not modify it.
func (r *Result) Connector(i int) []Point {
	s, e := r.start[i], r.start[i+1]
	if s == e {
		return nil
	}
	return r.points[s:e:e]
}

// Layout positions every node of t. It returns an error, naming the node,
// when t is not a forest or a size or gap is negative or not finite. It runs
// in time and memory linear in the number of nodes and never recurses.
func Layout(t Tree, opt Options) (*Result, error) {
	if err := t.validate(); err != nil {
		return nil, err
	}
	if err := opt.validate(); err != nil {
		return nil, err
	}
	b := newBuilder(t, opt)
	b.build()
	b.tidy.layout()
	return b.place(), nil
}

func (o Options) validate() error {
	for _, g := range []struct {
		name string
		v    float64
	}{{"SiblingGap", o.SiblingGap}, {"SubtreeGap", o.SubtreeGap}, {"LevelGap", o.LevelGap},
		{"StackGap", o.StackGap}, {"SpineOffset", o.SpineOffset}} {
		if !(g.v >= 0) || math.IsInf(g.v, 1) {
			return fmt.Errorf("layout: option %s is %v, want a finite number >= 0", g.name, g.v)
		}
	}
	return nil
}

// validate checks lengths, sizes and that Parent is a forest, in linear
// time without recursion.
func (t Tree) validate() error {
	n := len(t.Parent)
	if n > math.MaxInt32/4 {
		return fmt.Errorf("layout: %d nodes, at most %d supported", n, math.MaxInt32/4)
	}
	if len(t.Width) != n || len(t.Height) != n {
		return fmt.Errorf("layout: %d parents but %d widths and %d heights, want the same length", n, len(t.Width), len(t.Height))
	}
	if t.Assistant != nil && len(t.Assistant) != n {
		return fmt.Errorf("layout: %d nodes but %d assistant flags, want %d or none", n, len(t.Assistant), n)
	}
	if t.Arrangement != nil && len(t.Arrangement) != n {
		return fmt.Errorf("layout: %d nodes but %d arrangements, want %d or none", n, len(t.Arrangement), n)
	}
	for i, p := range t.Parent {
		if p < -1 || p >= n || p == i {
			return fmt.Errorf("layout: node %d: parent %d, want -1 or another node in [0, %d)", i, p, n)
		}
		if w, h := t.Width[i], t.Height[i]; !(w >= 0 && h >= 0) || math.IsInf(w, 1) || math.IsInf(h, 1) {
			return fmt.Errorf("layout: node %d: size %vx%v, want finite sizes >= 0", i, w, h)
		}
		if t.Arrangement != nil && t.Arrangement[i] > Columns2 {
			return fmt.Errorf("layout: node %d: unknown arrangement %d", i, t.Arrangement[i])
		}
	}
	// A node is on a cycle (or below one) iff walking up never reaches a
	// root. Mark nodes known to reach a root; each walk stops at the first
	// marked node, so every node is walked at most twice in total.
	const (
		unknown = iota
		onPath
		ok
	)
	state := make([]uint8, n)
	for i := range n {
		v := i
		for v >= 0 && state[v] == unknown {
			state[v] = onPath
			v = t.Parent[v]
		}
		if v >= 0 && state[v] == onPath {
			return fmt.Errorf("layout: node %d: manager chain loops back to node %d, want a forest", i, v)
		}
		for v = i; v >= 0 && state[v] == onPath; v = t.Parent[v] {
			state[v] = ok
		}
	}
	return nil
}
