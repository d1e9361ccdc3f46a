package layout

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// checkDotted: every routed line is orthogonal, runs from From's card edge
// to To's card edge, never enters a card, has its label on one of its
// segments, and runs along no solid connector or other dotted line closer
// than lane/2.
func checkDotted(r *Result, dotted []Dotted, routes []Route, lane float64) error {
	var segs []Box // every solid and dotted segment so far
	for i := range r.Boxes {
		line := r.Connector(i)
		for k := 1; k < len(line); k++ {
			segs = append(segs, segBox(line[k-1], line[k]))
		}
	}
	for i, rt := range routes {
		if rt.Points == nil {
			continue
		}
		d := dotted[i]
		if err := checkLine(rt.Points, r.Boxes[d.From], r.Boxes[d.To]); err != nil {
			return fmt.Errorf("dotted %d→%d %v: %v", d.From, d.To, rt.Points, err)
		}
		onLine := false
		var mine []Box
		for k := 1; k < len(rt.Points); k++ {
			p, q := rt.Points[k-1], rt.Points[k]
			for j, b := range r.Boxes {
				if crosses(p, q, b) {
					return fmt.Errorf("dotted %d→%d %v crosses card %d %+v", d.From, d.To, rt.Points, j, b)
				}
			}
			s := segBox(p, q)
			onLine = onLine || (rt.Label.X >= s.X && rt.Label.X <= s.X+s.W && rt.Label.Y >= s.Y && rt.Label.Y <= s.Y+s.H)
			for _, o := range segs {
				if (o.W == 0) == (s.W == 0) && (o.W > 0 || o.H > 0) &&
					meets(o, Box{s.X - lane/2 + eps, s.Y - lane/2 + eps, s.W + lane - 2*eps, s.H + lane - 2*eps}) {
					return fmt.Errorf("dotted %d→%d segment %+v runs along %+v", d.From, d.To, s, o)
				}
			}
			mine = append(mine, s)
		}
		if !onLine {
			return fmt.Errorf("dotted %d→%d label %v off the line %v", d.From, d.To, rt.Label, rt.Points)
		}
		segs = append(segs, mine...)
	}
	return nil
}

func TestDottedProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	routed, total := 0, 0
	for _, n := range []int{2, 5, 10, 30, 80, 200} {
		for rep := range 5 {
			tree := randomTree(rng, n)
			r, err := Layout(tree, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			var dotted []Dotted
			for range 1 + n/8 {
				a, b := rng.IntN(n), rng.IntN(n)
				if a != b {
					dotted = append(dotted, Dotted{a, b})
				}
			}
			routes, legible, err := r.RouteDotted(dotted, 6, 100)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkDotted(r, dotted, routes, 6); err != nil {
				t.Fatalf("n=%d rep=%d: %v", n, rep, err)
			}
			ok := 0
			for _, rt := range routes {
				if rt.Points != nil {
					ok++
				}
			}
			if legible != (ok == len(dotted)) {
				t.Errorf("n=%d rep=%d: legible %v with %d of %d routed", n, rep, legible, ok, len(dotted))
			}
			routed, total = routed+ok, total+len(dotted)
		}
	}
	t.Logf("routed %d of %d random dotted lines", routed, total)
	// Random pairs in random charts are harder than real dotted lines,
	// which mostly join nearby units. Three-segment routes alone found 179
	// of 219; with five-segment routes through the channels between
	// subtrees and ways out of stacked cards' sides, 206.
	if routed*100 < total*90 {
		t.Errorf("routed %d of %d random dotted lines, want at least 90%%", routed, total)
	}
}

func TestDottedLimitAndErrors(t *testing.T) {
	r, err := Layout(Tree{Parent: []int{-1, 0, 0}, Width: []float64{10, 10, 10}, Height: []float64{10, 10, 10}}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if routes, legible, err := r.RouteDotted([]Dotted{{1, 2}, {2, 1}}, 6, 1); err != nil || legible || routes != nil {
		t.Errorf("RouteDotted over the limit = %v, %v, %v; want nil, false, nil", routes, legible, err)
	}
	for _, d := range []Dotted{{1, 1}, {-1, 0}, {0, 3}} {
		if _, _, err := r.RouteDotted([]Dotted{d}, 6, 10); err == nil {
			t.Errorf("RouteDotted(%v) = nil error, want one", d)
		}
	}
	if _, _, err := r.RouteDotted(nil, 0, 10); err == nil {
		t.Errorf("RouteDotted with lane 0 = nil error, want one")
	}
}
