package draw

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// drawnCard is a card or stub of a page: its group and rectangle.
type drawnCard struct {
	g scene.Group
	r scene.Rect
}

// cardsOf returns the card and stub groups of a page by ID.
func cardsOf(p scene.Page) map[string]drawnCard {
	out := map[string]drawnCard{}
	for _, it := range p.Items {
		if g, ok := it.(scene.Group); ok && (g.Kind == "card" || g.Kind == "stub") {
			out[g.ID] = drawnCard{g, g.Items[0].(scene.Box).Rect}
		}
	}
	return out
}

func overlap(a, b scene.Rect) bool {
	const e = 0.01
	return a.X < b.X+b.W-e && b.X < a.X+a.W-e && a.Y < b.Y+b.H-e && b.Y < a.Y+a.H-e
}

// onEdge reports whether q lies on r's outline.
func onEdge(q scene.Point, r scene.Rect) bool {
	const e = 0.01
	in := q.X >= r.X-e && q.X <= r.X+r.W+e && q.Y >= r.Y-e && q.Y <= r.Y+r.H+e
	return in && (math.Abs(q.X-r.X) < e || math.Abs(q.X-r.X-r.W) < e || math.Abs(q.Y-r.Y) < e || math.Abs(q.Y-r.Y-r.H) < e)
}

// crosses reports whether segment p-q passes through r's interior.
func crosses(p, q scene.Point, r scene.Rect) bool {
	const e = 0.01
	x0, x1 := min(p.X, q.X), max(p.X, q.X)
	y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
	return x0 < r.X+r.W-e && x1 > r.X+e && y0 < r.Y+r.H-e && y1 > r.Y+e
}

type propCase struct {
	name string
	n    int
	opts option.Options
	org  func() *graph.Org // the chart; nil: synth.Generate(n, 1)
}

func propCases() []propCase {
	var out []propCase
	for _, n := range []int{10, 14, 55, 400} {
		out = append(out,
			propCase{fmt.Sprintf("%d/poster", n), n, option.Options{Compact: true}, nil},
			propCase{fmt.Sprintf("%d/slide-16x9", n), n, option.Options{Compact: true, Preset: "slide-16x9"}, nil},
			propCase{fmt.Sprintf("%d/a4", n), n, option.Options{Compact: true, Preset: "a4"}, nil})
	}
	// A team too large for one page, with no unit to cut off: continued
	// over pages (continued.go).
	for _, preset := range []string{"slide-16x9", "a4"} {
		out = append(out, propCase{"flat300/" + preset, 306, option.Options{Compact: true, Preset: preset}, func() *graph.Org { return flatOrg(300) }})
	}
	return out
}

// flatOrg is a CEO with a VP of n reports without reports of their own,
// and a CFO with three.
func flatOrg(n int) *graph.Org {
	org := &graph.Org{Title: "Flat Co", People: []*graph.Person{
		{ID: "ceo", Name: "Dana Kim", Title: "Chief Executive Officer"},
		{ID: "vpe", Name: "Ravi Shah", Title: "VP Engineering", Department: "Engineering", ReportsTo: []graph.Ref{{ID: "ceo"}}},
		{ID: "cfo", Name: "Lena Berg", Title: "Chief Financial Officer", Department: "Finance", ReportsTo: []graph.Ref{{ID: "ceo"}}},
	}}
	for i := range 3 {
		org.People = append(org.People, &graph.Person{ID: fmt.Sprintf("fin%d", i), Name: fmt.Sprintf("Accountant %d", i), Title: "Accountant", Department: "Finance", ReportsTo: []graph.Ref{{ID: "cfo"}}})
	}
	for i := range n {
		org.People = append(org.People, &graph.Person{ID: fmt.Sprintf("eng%d", i), Name: fmt.Sprintf("Engineer %d", i), Title: "Software Engineer", Department: "Engineering", ReportsTo: []graph.Ref{{ID: "vpe"}}})
	}
	for i, p := range org.People {
		p.Index, p.Kind = i, graph.KindPerson
	}
	return org
}

// TestProperties checks, for synthetic charts of 10 to 400 people drawn as
// posters and fitted to pages: everyone is on exactly one page, no two
// cards overlap, every solid line runs from its manager's card edge to its
// report's, no dotted line crosses a card, stub cards lead to the page that
// starts with their unit's head, fitted names are at least
// option.MinNamePoints, and drawing is deterministic.
func TestProperties(t *testing.T) {
	for _, tc := range propCases() {
		t.Run(tc.name, func(t *testing.T) {
			org := synth.Generate(tc.n, 1)
			if tc.org != nil {
				org = tc.org()
			}
			g := graph.Build(org)
			res, err := Draw(g, nil, tc.opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := res.Doc.Validate(); err != nil {
				t.Fatal(err)
			}
			seen := map[string]int{}
			for k, p := range res.Doc.Pages {
				cards := cardsOf(p)
				ids := make([]string, 0, len(cards))
				for id, c := range cards {
					ids = append(ids, id)
					if c.g.Kind == "card" {
						if prev, ok := seen[id]; ok {
							t.Errorf("%s on pages %d and %d", id, prev, k+1)
						}
						seen[id] = k + 1
					} else {
						head := "c" + strings.TrimPrefix(id, "s")
						dst := c.g.Link.Page
						if dst < 1 || dst > len(res.Doc.Pages) {
							t.Fatalf("page %d: stub %s links to page %d", k+1, id, dst)
						}
						if _, ok := cardsOf(res.Doc.Pages[dst-1])[head]; !ok {
							t.Errorf("page %d: stub %s links to page %d, which lacks %s", k+1, id, dst, head)
						}
					}
				}
				for a := range ids {
					for b := a + 1; b < len(ids); b++ {
						if overlap(cards[ids[a]].r, cards[ids[b]].r) {
							t.Errorf("page %d: %s %v overlaps %s %v", k+1, ids[a], cards[ids[a]].r, ids[b], cards[ids[b]].r)
						}
					}
				}
				for _, it := range p.Items {
					path, ok := it.(scene.Path)
					if !ok || path.From == "" {
						continue
					}
					from, ok1 := cards[path.From]
					to, ok2 := cards[path.To]
					if !ok1 || !ok2 {
						t.Fatalf("page %d: line %s joins %q and %q, not cards of the page", k+1, path.ID, path.From, path.To)
					}
					first, last := path.Points[0], path.Points[len(path.Points)-1]
					if !onEdge(first, from.r) || !onEdge(last, to.r) {
						t.Errorf("page %d: line %s from %v to %v does not join %s %v and %s %v", k+1, path.ID, first, last, path.From, from.r, path.To, to.r)
					}
					if strings.HasPrefix(path.ID, "x") {
						for s := 1; s < len(path.Points); s++ {
							for id, c := range cards {
								if id == path.From || id == path.To {
									continue
								}
								if crosses(path.Points[s-1], path.Points[s], c.r) {
									t.Errorf("page %d: dotted line %s crosses %s", k+1, path.ID, id)
								}
							}
						}
					}
				}
			}
			if len(seen) != g.Len() {
				t.Errorf("%d of %d people drawn", len(seen), g.Len())
			}
			if tc.opts.Preset != "" {
				for k, nm := range res.Names {
					if nm < option.MinNamePoints-1e-9 {
						t.Errorf("page %d: names %.2f pt, want >= %g", k+1, nm, option.MinNamePoints)
					}
				}
			}
			again, err := Draw(g, nil, tc.opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			if dump(again.Doc) != dump(res.Doc) {
				t.Error("two drawings of the same chart differ")
			}
		})
	}
}
