// Command layouttree writes the random org that BenchmarkLayout lays out
// as JSON ({"parent": [...], "size": [[w, h], ...]}) for
// scripts/layout-flextree.mjs, so d3-flextree lays out the same tree.
//
//	go run ./render/layout/internal/layouttree -n 100000 -o tree.json
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/orgchart/orgchart/render/layout/internal/orgtree"
)

func main() {
	n := flag.Int("n", 100_000, "number of people")
	seed := flag.Uint64("seed", 1, "generator seed (BenchmarkLayout uses 1)")
	out := flag.String("o", "", "output file (required)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: layouttree -n N -o FILE")
		os.Exit(2)
	}
	if err := write(*out, orgtree.Random(*seed, *n)); err != nil {
		fmt.Fprintln(os.Stderr, "layouttree:", err)
		os.Exit(1)
	}
}

func write(name string, t orgtree.Tree) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := orgtree.WriteJSON(w, t); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
