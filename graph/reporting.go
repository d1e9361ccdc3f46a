package graph

// LineKind tells a solid line (line management) from a dotted one (matrix,
// advisory, functional).
type LineKind uint8

// The kinds of reporting line.
const (
	Solid LineKind = iota + 1
	Dotted
)

// String returns "solid" or "dotted".
func (k LineKind) String() string {
	if k == Dotted {
		return "dotted"
	}
	return "solid"
}

// Line is one resolved reporting line between two entries, by index into
// Org.People, pointing from the report (From) to the manager (To).
type Line struct {
	From, To int
	Kind     LineKind
	Type     string // dotted-line type as written ("advisory", ...), may be empty
	Pos      Pos    // where the line is written (the Ref's position)
}

// Graph is the reporting graph of an Org. It is read-only once built and safe
// for concurrent readers. Entries are addressed by their index in Org.People.
// References that do not resolve (ORG002) and entries whose id repeats an
// earlier one (ORG001; the first wins for lookups) are left out of the lines.
// Every query is at most linear in people plus lines.
type Graph struct {
	org *Org
	// implementation: see store.go / build.go
}

// Build builds the reporting graph of org.
func Build(org *Org) *Graph { panic("not implemented") }

// Org returns the chart the graph was built from.
func (g *Graph) Org() *Org { return g.org }

// Len returns the number of entries.
func (g *Graph) Len() int { return len(g.org.People) }

// Person returns entry i.
func (g *Graph) Person(i int) *Person { return g.org.People[i] }

// Lookup returns the index of the first entry whose Key equals Key(id).
func (g *Graph) Lookup(id string) (int, bool) { panic("not implemented") }

// Managers returns i's resolved solid lines (to its managers), in the order
// written.
func (g *Graph) Managers(i int) []Line { panic("not implemented") }

// Manager returns i's first resolved solid-line manager, or -1.
func (g *Graph) Manager(i int) int { panic("not implemented") }

// Reports returns the entries with a solid line to i, in file order.
func (g *Graph) Reports(i int) []int { panic("not implemented") }

// DottedFrom returns i's resolved dotted lines, in the order written.
func (g *Graph) DottedFrom(i int) []Line { panic("not implemented") }

// DottedTo returns the resolved dotted lines into i, in file order of their
// reports.
func (g *Graph) DottedTo(i int) []Line { panic("not implemented") }

// Chain returns i's chain of command: its first manager, that manager's first
// manager, and so on up to a top. It stops before an entry would repeat (a
// cycle), so it is always finite; it does not contain i.
func (g *Graph) Chain(i int) []int { panic("not implemented") }

// InChain reports whether a is in b's chain of command.
func (g *Graph) InChain(a, b int) bool { panic("not implemented") }

// Level returns the number of solid lines from i up to its top (0 for a top),
// following first managers; -1 when i is on or under a cycle.
func (g *Graph) Level(i int) int { panic("not implemented") }

// Tops returns the entries with no resolved solid-line manager, in file order.
func (g *Graph) Tops() []int { panic("not implemented") }

// Span returns the number of direct solid-line reports of i.
func (g *Graph) Span(i int) int { panic("not implemented") }

// TotalReports returns the number of entries below i (transitively, solid
// lines, following first managers), not counting i.
func (g *Graph) TotalReports(i int) int { panic("not implemented") }

// Subtree returns root and the entries below it down to depth levels (depth
// < 0: all levels; 0: root alone), in pre-order with children in file order.
func (g *Graph) Subtree(root, depth int) []int { panic("not implemented") }

// Cycles returns every cycle of solid lines (a strongly connected component of
// two or more entries, or a self-loop), each as the entries in line order
// starting from its lowest index, the list sorted by first index.
func (g *Graph) Cycles() [][]int { panic("not implemented") }
