package layout

import (
	"testing"
)

// FuzzLayout builds a chart from bytes (four per node: parent, width,
// height, flags) and checks that Layout returns an error or a layout with
// every property, and never panics.
func FuzzLayout(f *testing.F) {
	f.Add([]byte{0, 100, 40, 0, 1, 80, 30, 0, 1, 80, 30, 0})
	f.Add([]byte{0, 100, 40, 2, 1, 80, 30, 0, 1, 80, 30, 0, 1, 80, 30, 0, 1, 80, 30, 0})
	f.Add([]byte{0, 100, 40, 1, 1, 80, 30, 4, 1, 80, 30, 0, 0, 9, 9, 0, 3, 0, 0, 3})
	f.Add([]byte{5, 1, 1, 8, 0, 1, 1, 8})
	f.Fuzz(func(t *testing.T, data []byte) {
		n := min(len(data)/4, 80)
		tree := Tree{Parent: make([]int, n), Width: make([]float64, n), Height: make([]float64, n),
			Assistant: make([]bool, n), Arrangement: make([]Arrangement, n)}
		for i := range n {
			b := data[4*i : 4*i+4]
			if b[3]&8 != 0 { // any parent at all: may be a cycle or out of range
				tree.Parent[i] = int(b[0]) - 1
			} else { // an earlier node or a root
				tree.Parent[i] = int(b[0])%(i+1) - 1
			}
			tree.Width[i], tree.Height[i] = float64(b[1]), float64(b[2])/2
			tree.Assistant[i] = b[3]&4 != 0
			tree.Arrangement[i] = Arrangement(b[3] & 3)
		}
		opt := DefaultOptions()
		if len(data)%4 != 0 {
			opt = Options{SiblingGap: float64(data[len(data)-1] % 7), SubtreeGap: 3, LevelGap: float64(data[0] % 5), StackGap: 1, SpineOffset: 2}
		}
		r, err := Layout(tree, opt)
		if err != nil {
			return
		}
		if err := check(tree, opt, r); err != nil {
			t.Fatalf("%v\ntree %+v\nlayout %s", err, tree, dump(r))
		}
	})
}

// FuzzRouteDotted lays out a chart from bytes (three per node: parent,
// width, height) with dotted lines between the nodes the remaining bytes
// name, and checks that RouteDotted never panics and that every line it
// routes is orthogonal, joins its two cards' edges, crosses no card and runs
// along no other line.
func FuzzRouteDotted(f *testing.F) {
	f.Add([]byte{0, 100, 40, 1, 80, 30, 1, 80, 30, 2, 60, 30, 3, 60, 30}, []byte{3, 4, 4, 1, 0, 4})
	f.Add([]byte{0, 90, 40, 1, 80, 30, 1, 80, 30, 1, 80, 30, 2, 70, 30, 2, 70, 30, 4, 50, 20}, []byte{6, 3, 5, 1, 3, 6})
	f.Add([]byte{0, 10, 10, 0, 10, 10}, []byte{0, 1, 1, 0})
	f.Fuzz(func(t *testing.T, nodes, lines []byte) {
		n := min(len(nodes)/3, 60)
		if n < 2 {
			return
		}
		tree := Tree{Parent: make([]int, n), Width: make([]float64, n), Height: make([]float64, n),
			Assistant: make([]bool, n), Arrangement: make([]Arrangement, n)}
		for i := range n {
			b := nodes[3*i : 3*i+3]
			tree.Parent[i] = int(b[0])%(i+1) - 1
			tree.Width[i], tree.Height[i] = float64(b[1]), float64(b[2])/2
			tree.Arrangement[i] = Arrangement(b[0] / 64)
		}
		r, err := Layout(tree, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		var dotted []Dotted
		for k := 0; k+1 < len(lines) && len(dotted) < 20; k += 2 {
			if a, b := int(lines[k])%n, int(lines[k+1])%n; a != b {
				dotted = append(dotted, Dotted{a, b})
			}
		}
		const lane = 6
		routes, _, err := r.RouteDotted(dotted, lane, 20)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkDotted(r, dotted, routes, lane); err != nil {
			t.Fatalf("%v\ntree %+v\nlayout %s", err, tree, dump(r))
		}
	})
}
