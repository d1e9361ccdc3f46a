package layout

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/orgchart/orgchart/internal/golden"
)

// TestGolden lays out the small hand-made charts of testdata/golden.txtar:
// each NAME.in section is a chart, one node a line,
//
//	parent width height [assistant] [auto|row|column|columns2]
//
// (parent "-" for a root, nodes numbered from 0 in order) or a dotted line
// "dotted FROM TO", and NAME.out is the layout with DefaultOptions: every
// card, every connector, then every dotted line routed with lanes 6 apart.
func TestGolden(t *testing.T) {
	const file = "testdata/golden.txtar"
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	changed := false
	for i := 0; i < len(ar.Files); i++ {
		in := ar.Files[i]
		name, ok := strings.CutSuffix(in.Name, ".in")
		if !ok {
			continue
		}
		t.Run(name, func(t *testing.T) {
			tree, dotted, err := parseTree(string(in.Data))
			if err != nil {
				t.Fatalf("%s: %v", in.Name, err)
			}
			r, err := Layout(tree, DefaultOptions())
			if err != nil {
				t.Fatalf("Layout: %v", err)
			}
			if err := check(tree, DefaultOptions(), r); err != nil {
				t.Errorf("properties: %v", err)
			}
			got := dump(r)
			if len(dotted) > 0 {
				routes, legible, err := r.RouteDotted(dotted, 6, 10)
				if err != nil {
					t.Fatalf("RouteDotted: %v", err)
				}
				if err := checkDotted(r, dotted, routes, 6); err != nil {
					t.Errorf("dotted: %v", err)
				}
				got += dumpRoutes(dotted, routes, legible)
			}
			if i+1 < len(ar.Files) && ar.Files[i+1].Name == name+".out" {
				want := string(ar.Files[i+1].Data)
				if golden.Update() {
					ar.Files[i+1].Data = []byte(got)
					changed = changed || got != want
				} else if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("layout mismatch (-want +got), rerun with -update to accept:\n%s", diff)
				}
				return
			}
			if !golden.Update() {
				t.Fatalf("no %s.out section; run with -update", name)
			}
			out := txtar.File{Name: name + ".out", Data: []byte(got)}
			ar.Files = append(ar.Files[:i+1], append([]txtar.File{out}, ar.Files[i+1:]...)...)
			changed = true
		})
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func parseTree(s string) (Tree, []Dotted, error) {
	var t Tree
	var dotted []Dotted
	sc := bufio.NewScanner(strings.NewReader(s))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if f[0] == "dotted" && len(f) == 3 {
			a, err1 := strconv.Atoi(f[1])
			b, err2 := strconv.Atoi(f[2])
			if err1 != nil || err2 != nil {
				return t, nil, fmt.Errorf("line %d: want dotted FROM TO", line)
			}
			dotted = append(dotted, Dotted{a, b})
			continue
		}
		if len(f) < 3 {
			return t, nil, fmt.Errorf("line %d: want parent width height", line)
		}
		p := -1
		if f[0] != "-" {
			v, err := strconv.Atoi(f[0])
			if err != nil {
				return t, nil, fmt.Errorf("line %d: %v", line, err)
			}
			p = v
		}
		w, err1 := strconv.ParseFloat(f[1], 64)
		h, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			return t, nil, fmt.Errorf("line %d: bad size", line)
		}
		asst, arr := false, Auto
		for _, word := range f[3:] {
			switch word {
			case "assistant":
				asst = true
			case "auto":
				arr = Auto
			case "row":
				arr = Row
			case "column":
				arr = Column
			case "columns2":
				arr = Columns2
			default:
				return t, nil, fmt.Errorf("line %d: unknown word %q", line, word)
			}
		}
		t.Parent = append(t.Parent, p)
		t.Width = append(t.Width, w)
		t.Height = append(t.Height, h)
		t.Assistant = append(t.Assistant, asst)
		t.Arrangement = append(t.Arrangement, arr)
	}
	return t, dotted, sc.Err()
}

// dump writes a layout as text: the bounding box, each card, each connector.
func dump(r *Result) string {
	var b strings.Builder
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	fmt.Fprintf(&b, "bbox %s x %s\n", num(r.Width), num(r.Height))
	for i, bx := range r.Boxes {
		fmt.Fprintf(&b, "card %d at %s,%s size %sx%s\n", i, num(bx.X), num(bx.Y), num(bx.W), num(bx.H))
	}
	for i := range r.Boxes {
		c := r.Connector(i)
		if c == nil {
			continue
		}
		fmt.Fprintf(&b, "line to %d:", i)
		for _, p := range c {
			fmt.Fprintf(&b, " %s,%s", num(p.X), num(p.Y))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func dumpRoutes(dotted []Dotted, routes []Route, legible bool) string {
	var b strings.Builder
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	fmt.Fprintf(&b, "dotted legible %v\n", legible)
	for i, rt := range routes {
		fmt.Fprintf(&b, "dotted %d to %d:", dotted[i].From, dotted[i].To)
		for _, p := range rt.Points {
			fmt.Fprintf(&b, " %s,%s", num(p.X), num(p.Y))
		}
		fmt.Fprintf(&b, " label %s,%s\n", num(rt.Label.X), num(rt.Label.Y))
	}
	return b.String()
}
