package layout

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/render/layout/internal/orgtree"
)

const eps = 1e-6

// check verifies the layout's invariants; it is quadratic in the number of
// cards for the overlap and crossing checks, so keep trees small.
func check(t Tree, opt Options, r *Result) error {
	n := len(t.Parent)
	if len(r.Boxes) != n {
		return fmt.Errorf("%d boxes for %d nodes", len(r.Boxes), n)
	}
	if err := checkBounds(r); err != nil {
		return err
	}
	for i, b := range r.Boxes {
		if b.W != t.Width[i] || b.H < t.Height[i] {
			return fmt.Errorf("card %d is %vx%v, want width %v and height >= %v", i, b.W, b.H, t.Width[i], t.Height[i])
		}
		for j := i + 1; j < n; j++ {
			if overlap(b, r.Boxes[j]) {
				return fmt.Errorf("cards %d %+v and %d %+v overlap", i, b, j, r.Boxes[j])
			}
		}
	}
	for c, p := range t.Parent {
		line := r.Connector(c)
		if p < 0 {
			if line != nil {
				return fmt.Errorf("root %d has a connector", c)
			}
			continue
		}
		if err := checkLine(line, r.Boxes[p], r.Boxes[c]); err != nil {
			return fmt.Errorf("line %d→%d %v: %v", p, c, line, err)
		}
		for k := 1; k < len(line); k++ {
			for j, b := range r.Boxes {
				if crosses(line[k-1], line[k], b) {
					return fmt.Errorf("line %d→%d %v crosses card %d %+v", p, c, line, j, b)
				}
			}
		}
	}
	return checkRows(t, opt, r)
}

func checkBounds(r *Result) error {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), 0.0, 0.0
	for _, b := range r.Boxes {
		minX, minY = min(minX, b.X), min(minY, b.Y)
		maxX, maxY = max(maxX, b.X+b.W), max(maxY, b.Y+b.H)
	}
	if len(r.Boxes) > 0 && (math.Abs(minX) > eps || math.Abs(minY) > eps || maxX != r.Width || maxY != r.Height) {
		return fmt.Errorf("cards span %v,%v-%v,%v, bounding box 0,0-%v,%v", minX, minY, maxX, maxY, r.Width, r.Height)
	}
	return nil
}

// checkRows: reports in a row share top and height (the row's tallest), and
// their manager's spine is centred over the bus.
func checkRows(t Tree, opt Options, r *Result) error {
	rows := map[int][]int{}
	for c, p := range t.Parent {
		if p >= 0 && r.hang[c] == hangRow {
			rows[p] = append(rows[p], c)
		}
	}
	for p, kids := range rows {
		first, last := r.Boxes[kids[0]], r.Boxes[kids[len(kids)-1]]
		tallest := 0.0
		for _, c := range kids {
			tallest = max(tallest, t.Height[c])
		}
		for _, c := range kids {
			if b := r.Boxes[c]; b.Y != first.Y || b.H != tallest {
				return fmt.Errorf("row of %d: card %d %+v, want top %v and height %v", p, c, b, first.Y, tallest)
			}
		}
		mid := (first.X + first.W/2 + last.X + last.W/2) / 2
		if spine := r.Connector(kids[0])[0].X; math.Abs(spine-mid) > eps {
			return fmt.Errorf("manager %d: spine at %v, want centred over its row at %v", p, spine, mid)
		}
		if pb := r.Boxes[p]; first.Y < pb.Y+pb.H+opt.LevelGap-eps {
			return fmt.Errorf("row of %d at %v, want at least %v below its manager's bottom %v", p, first.Y, opt.LevelGap, pb.Y+pb.H)
		}
	}
	return nil
}

func overlap(a, b Box) bool {
	return a.X < b.X+b.W-eps && b.X < a.X+a.W-eps && a.Y < b.Y+b.H-eps && b.Y < a.Y+a.H-eps
}

// crosses reports whether the axis-parallel segment p-q enters the inside of b.
func crosses(p, q Point, b Box) bool {
	lo, hi := Point{min(p.X, q.X), min(p.Y, q.Y)}, Point{max(p.X, q.X), max(p.Y, q.Y)}
	return lo.X < b.X+b.W-eps && hi.X > b.X+eps && lo.Y < b.Y+b.H-eps && hi.Y > b.Y+eps
}

func onEdge(p Point, b Box) bool {
	in := p.X >= b.X-eps && p.X <= b.X+b.W+eps && p.Y >= b.Y-eps && p.Y <= b.Y+b.H+eps
	edge := math.Abs(p.X-b.X) < eps || math.Abs(p.X-b.X-b.W) < eps || math.Abs(p.Y-b.Y) < eps || math.Abs(p.Y-b.Y-b.H) < eps
	return in && edge
}

func checkLine(line []Point, from, to Box) error {
	if len(line) < 2 {
		return fmt.Errorf("%d points", len(line))
	}
	if !onEdge(line[0], from) {
		return fmt.Errorf("starts off the manager's card %+v", from)
	}
	if !onEdge(line[len(line)-1], to) {
		return fmt.Errorf("ends off the report's card %+v", to)
	}
	for k := 1; k < len(line); k++ {
		if line[k-1].X != line[k].X && line[k-1].Y != line[k].Y {
			return fmt.Errorf("segment %d is not orthogonal", k)
		}
	}
	return nil
}

// randomTree returns a realistic random org with random assistants and
// arrangements.
func randomTree(rng *rand.Rand, n int) Tree {
	g := orgtree.Random(rng.Uint64(), n)
	t := Tree{Parent: g.Parent, Width: g.Width, Height: g.Height,
		Assistant: make([]bool, n), Arrangement: make([]Arrangement, n)}
	for i := range n {
		t.Assistant[i] = rng.IntN(10) == 0
		t.Arrangement[i] = Arrangement(rng.IntN(4))
		if rng.IntN(8) == 0 { // some odd sizes, zero included
			t.Width[i], t.Height[i] = float64(rng.IntN(400)), float64(rng.IntN(300))
		}
	}
	return t
}

func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	opts := []Options{DefaultOptions(), {}, {SiblingGap: 3, SubtreeGap: 50, LevelGap: 7, StackGap: 1, SpineOffset: 30}}
	for _, n := range []int{0, 1, 2, 3, 5, 8, 13, 30, 60, 120, 250, 600} {
		for rep := range 6 {
			tree := randomTree(rng, n)
			opt := opts[rep%len(opts)]
			r, err := Layout(tree, opt)
			if err != nil {
				t.Fatalf("n=%d rep=%d: Layout: %v", n, rep, err)
			}
			if err := check(tree, opt, r); err != nil {
				t.Fatalf("n=%d rep=%d opt=%+v: %v\nparents %v", n, rep, opt, err, tree.Parent)
			}
			again, _ := Layout(tree, opt)
			if diff := cmp.Diff(dump(r), dump(again)); diff != "" {
				t.Fatalf("n=%d rep=%d: not deterministic:\n%s", n, rep, diff)
			}
		}
	}
}

// TestChainMillion: a million-deep chain lays out without overflowing the
// stack; each card sits LevelGap below its manager, centred on it.
func TestChainMillion(t *testing.T) {
	g := orgtree.Chain(1_000_000)
	opt := DefaultOptions()
	r, err := Layout(Tree{Parent: g.Parent, Width: g.Width, Height: g.Height}, opt)
	if err != nil {
		t.Fatal(err)
	}
	last := r.Boxes[len(r.Boxes)-1]
	if want := float64(999_999) * (60 + opt.LevelGap); last.Y != want || last.X != 0 || r.Width != 150 {
		t.Errorf("last card %+v, bbox width %v; want Y %v, X 0, width 150", last, r.Width, want)
	}
	if c := r.Connector(1); !slices.Equal(c, []Point{{75, 60}, {75, 100}}) {
		t.Errorf("Connector(1) = %v, want a straight drop", c)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		tree Tree
		opt  Options
	}{
		{"lengths", Tree{Parent: []int{-1}, Width: []float64{1}}, Options{}},
		{"range", Tree{Parent: []int{5}, Width: []float64{1}, Height: []float64{1}}, Options{}},
		{"self", Tree{Parent: []int{0}, Width: []float64{1}, Height: []float64{1}}, Options{}},
		{"cycle", Tree{Parent: []int{-1, 2, 1}, Width: []float64{1, 1, 1}, Height: []float64{1, 1, 1}}, Options{}},
		{"nan", Tree{Parent: []int{-1}, Width: []float64{math.NaN()}, Height: []float64{1}}, Options{}},
		{"negative", Tree{Parent: []int{-1}, Width: []float64{1}, Height: []float64{-1}}, Options{}},
		{"inf", Tree{Parent: []int{-1}, Width: []float64{math.Inf(1)}, Height: []float64{1}}, Options{}},
		{"arrangement", Tree{Parent: []int{-1}, Width: []float64{1}, Height: []float64{1}, Arrangement: []Arrangement{9}}, Options{}},
		{"assistants", Tree{Parent: []int{-1}, Width: []float64{1}, Height: []float64{1}, Assistant: []bool{}}, Options{}},
		{"gap", Tree{}, Options{LevelGap: -1}},
	} {
		if r, err := Layout(tc.tree, tc.opt); err == nil {
			t.Errorf("%s: Layout(%+v) = %v, want an error", tc.name, tc.tree, r)
		}
	}
}
