// Command benchcharts writes, for scripts/bench-org.sh, the references the
// org engine is measured against, from the synthetic chart of n people
// (internal/synth, as orgsynth writes it):
//
//	-dot FILE   the plain DOT a user would write for it: a box per person
//	            with name and title, one edge per reporting line
//	-tree FILE  its reporting tree (first managers) as {"parent": [...],
//	            "size": [[w, h], ...]} for scripts/layout-flextree.mjs,
//	            cards 150x60 points
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of people")
	seed := flag.Uint64("seed", 1, "generator seed (orgsynth's default is 1)")
	dot := flag.String("dot", "", "write the plain DOT here")
	tree := flag.String("tree", "", "write the flextree JSON here")
	flag.Parse()
	g := graph.Build(synth.Generate(*n, *seed))
	if *dot != "" {
		if err := write(*dot, func(w *bufio.Writer) { plainDOT(w, g) }); err != nil {
			fail(err)
		}
	}
	if *tree != "" {
		if err := write(*tree, func(w *bufio.Writer) { treeJSON(w, g) }); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchcharts:", err)
	os.Exit(1)
}

func write(name string, fn func(*bufio.Writer)) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fn(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func plainDOT(w *bufio.Writer, g *graph.Graph) {
	w.WriteString("digraph org {\n\tnode [shape=box, fontname=\"Helvetica\"]\n")
	for i := range g.Len() {
		p := g.Person(i)
		fmt.Fprintf(w, "\tn%d [label=%s]\n", i, quote(p.Name+"\n"+p.Title))
	}
	for i := range g.Len() {
		for _, l := range g.Managers(i) {
			fmt.Fprintf(w, "\tn%d -> n%d\n", l.To, i)
		}
	}
	w.WriteString("}\n")
}

func treeJSON(w *bufio.Writer, g *graph.Graph) {
	w.WriteString(`{"parent":[`)
	for i := range g.Len() {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(strconv.Itoa(g.Manager(i)))
	}
	w.WriteString(`],"size":[`)
	for i := range g.Len() {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("[150,60]")
	}
	w.WriteString("]}\n")
}
