package render

import (
	"context"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/option"
)

var (
	titleRe  = regexp.MustCompile(`<title>([^<]*)</title>`)
	numPairs = regexp.MustCompile(`(-?[\d.]+),(-?[\d.]+)`)
	pathDRe  = regexp.MustCompile(` (?:d|points)="([^"]+)"`)
)

// svgShapes returns, from Graphviz's SVG, the bounding box of every card
// (node n<i> or t<i>: its outline, the first path or polygon) and the points of every
// edge's path, keyed by title ("n4->j4").
func svgShapes(t *testing.T, svg string) (boxes map[string][4]float64, edges map[string][][2]float64) {
	t.Helper()
	boxes, edges = map[string][4]float64{}, map[string][][2]float64{}
	for _, g := range strings.Split(svg, "<g id=")[1:] {
		tm := titleRe.FindStringSubmatch(g)
		d := pathDRe.FindStringSubmatch(g)
		if tm == nil || d == nil {
			continue
		}
		title := strings.NewReplacer("&#45;", "-", "&gt;", ">").Replace(tm[1])
		var pts [][2]float64
		for _, m := range numPairs.FindAllStringSubmatch(d[1], -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			pts = append(pts, [2]float64{x, y})
		}
		switch {
		case strings.Contains(g[:min(len(g), 60)], `class="edge"`):
			edges[title] = pts
		case strings.Contains(g[:min(len(g), 60)], `class="node"`) && (title[0] == 'n' || title[0] == 't'):
			b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
			for _, p := range pts {
				b[0], b[1] = min(b[0], p[0]), min(b[1], p[1])
				b[2], b[3] = max(b[2], p[0]), max(b[3], p[1])
			}
			boxes[title] = b
		}
	}
	return boxes, edges
}

// straight reports whether pts all share x (axis 0) or y (axis 1), within
// tol, and returns that coordinate.
func straight(pts [][2]float64, axis int, tol float64) (float64, bool) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		lo, hi = min(lo, p[axis]), max(hi, p[axis])
	}
	return (lo + hi) / 2, hi-lo <= tol
}

// TestBusGeometry lays charts out and checks the bus in Graphviz's output:
// every drop is a straight line into the centre of its report's card, every
// stem a straight line out of the centre of its manager's card, and every
// bar segment straight across, in both directions and with either splines
// setting.
func TestBusGeometry(t *testing.T) {
	seed, findings := seedOrg()
	hr, err := load.File("../examples/hr-export.csv", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	big := synth.Generate(400, 1) // above orthoMax cards: polylines
	cases := []struct {
		name     string
		org      *graph.Org
		findings []diag.Diagnostic
		opts     option.Options
	}{
		{"seed", seed, findings, option.Options{}},
		{"seed-lr", seed, findings, option.Options{Direction: "LR", Highlight: "sec1"}},
		{"seed-compact", seed, findings, option.Options{Compact: true}},
		{"hr-export", hr, nil, option.Options{Compact: true}},
		{"hr-export-wide", hr, nil, option.Options{}},
		{"synth-400", big, nil, option.Options{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dot, err := DOT(graph.Build(tc.org), tc.findings, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			svg, err := layoutSVG(context.Background(), dot)
			if err != nil {
				t.Fatal(err)
			}
			boxes, edges := svgShapes(t, string(svg))
			// along is the axis of the hierarchy (y for TB), across the other.
			along, across := 1, 0
			if tc.opts.Direction == "LR" {
				along, across = 0, 1
			}
			centre := func(b [4]float64) float64 { return (b[across] + b[across+2]) / 2 }
			var drops, stems, bars int
			for title, pts := range edges {
				from, to, _ := strings.Cut(title, "->")
				isPoint := func(id string) bool { return id[0] == 'j' || id[0] == 'b' }
				switch {
				case isPoint(from) && !isPoint(to):
					drops++
					x, ok := straight(pts, across, 0.5)
					if !ok {
						t.Errorf("drop %s is not straight: %v", title, pts)
					} else if c := centre(boxes[to]); math.Abs(x-c) > 1 {
						t.Errorf("drop %s meets its card at %.1f, off its centre %.1f", title, x, c)
					}
				case !isPoint(from) && isPoint(to) && strings.TrimPrefix(to, "j") == strings.TrimPrefix(from, "n"):
					stems++
					x, ok := straight(pts, across, 0.5)
					if !ok {
						t.Errorf("stem %s is not straight: %v", title, pts)
					} else if c := centre(boxes[from]); math.Abs(x-c) > 1 {
						t.Errorf("stem %s leaves its card at %.1f, off its centre %.1f", title, x, c)
					}
				case isPoint(from) && isPoint(to):
					bars++
					if _, ok := straight(pts, along, 0.5); !ok {
						t.Errorf("bar segment %s is not straight: %v", title, pts)
					}
				}
			}
			if drops < 5 || stems < 3 {
				t.Errorf("found %d drops, %d stems, %d bar segments: the chart has no bus", drops, stems, bars)
			}
		})
	}
}

// TestBusCycle checks that a cycle of solid lines does not become a cycle of
// buses: the member written first is drawn on top, and its own line to its
// manager is drawn directly, without constraining the layout.
func TestBusCycle(t *testing.T) {
	org := newOrg("", p("a", "A", "", "", "b"), p("b", "B", "", "", "a"), p("c", "C", "", "", "a"))
	got, err := DOT(graph.Build(org), nil, option.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := string(got)
	for _, want := range []string{
		"n0 -> j0\n", "{rank=same; bn1; j0; bn2}", "n1 -> n0 [constraint=false]",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("DOT lacks %q:\n%s", want, d)
		}
	}
	if strings.Contains(d, "n1 -> j1") {
		t.Error("the cycle's closing line is drawn as a bus")
	}
}

// TestSuggestSplit checks that the suggested split is the shallowest whose
// unit pages are at most SplitPageSlots cards wide.
func TestSuggestSplit(t *testing.T) {
	org := synth.Generate(5000, 1)
	opts := option.Options{Compact: true}
	got := SuggestSplit(graph.Build(org), opts)
	n, err := strconv.Atoi(strings.TrimPrefix(got, "depth:"))
	if err != nil || n < 2 {
		t.Fatalf("SuggestSplit = %q, want depth:N with N ≥ 2 for 5,000 people", got)
	}
	c := newChart(graph.Build(org))
	widest := func(depth int) int {
		o := opts
		o.Split = "depth:" + strconv.Itoa(depth)
		units, err := c.units(o)
		if err != nil {
			t.Fatal(err)
		}
		w := 0
		for _, u := range units[1:] {
			w = max(w, c.slots(u, true))
		}
		return w
	}
	if w := widest(n); w > SplitPageSlots {
		t.Errorf("%s: widest page is %d cards, want at most %d", got, w, SplitPageSlots)
	}
	if w := widest(n - 1); w <= SplitPageSlots {
		t.Errorf("depth:%d already fits (%d cards), but %s was suggested", n-1, w, got)
	}
}
