package pptx

import (
	"fmt"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/render/draw"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// Charts drawn by the org engine (render/draw), as the CLI draws them for
// --preset slide-16x9: a 14-person executive team and a 400-person company.

func entry(id, name, title, dept, boss string) *graph.Person {
	p := &graph.Person{ID: id, Name: name, Title: title, Department: dept}
	if boss != "" {
		p.ReportsTo = []graph.Ref{{ID: boss}}
	}
	return p
}

// executiveOrg is a CEO, 8 executives and 5 reports under two of them,
// with one dotted line: 14 people.
func executiveOrg() *graph.Org {
	o := &graph.Org{Title: "Executive team"}
	o.People = append(o.People, entry("ceo", "Dana Reyes", "Chief Executive Officer", "Executive", ""))
	execs := []string{"Finance", "Operations", "Technology", "People", "Legal", "Sales", "Marketing", "Security"}
	for i, d := range execs {
		o.People = append(o.People, entry(fmt.Sprintf("e%d", i), fmt.Sprintf("Exec %s Lead", d), "Chief "+d+" Officer", d, "ceo"))
	}
	for i := 0; i < 5; i++ {
		boss := fmt.Sprintf("e%d", 2+i%2)
		o.People = append(o.People, entry(fmt.Sprintf("r%d", i), fmt.Sprintf("Report Person%d", i), "Director", execs[2+i%2], boss))
	}
	o.People[13].Dotted = []graph.Ref{{ID: "e7", Type: "matrix"}}
	return o
}

// companyOrg is 400 people: a CEO, 8 division heads, each with 4
// managers of 12 people (the last division cut at 400).
func companyOrg() *graph.Org {
	o := &graph.Org{Title: "Northwind Group"}
	o.People = append(o.People, entry("ceo", "Morgan Hale", "Chief Executive Officer", "Executive", ""))
	for d := 0; d < 8 && len(o.People) < 400; d++ {
		dept := fmt.Sprintf("Division %c", 'A'+d)
		head := fmt.Sprintf("d%d", d)
		o.People = append(o.People, entry(head, fmt.Sprintf("Head %c Person", 'A'+d), "Division Head", dept, "ceo"))
		for m := 0; m < 4 && len(o.People) < 400; m++ {
			mgr := fmt.Sprintf("d%dm%d", d, m)
			o.People = append(o.People, entry(mgr, fmt.Sprintf("Manager %c%d Smith", 'A'+d, m), "Engineering Manager", dept, head))
			for k := 0; k < 12 && len(o.People) < 400; k++ {
				o.People = append(o.People, entry(fmt.Sprintf("d%dm%dp%d", d, m, k), fmt.Sprintf("Person %c%d-%d Jones", 'A'+d, m, k), "Engineer", dept, mgr))
			}
		}
	}
	return o
}

// drawOrg draws o for a slide preset as the render stage does.
func drawOrg(t testing.TB, o *graph.Org, preset string) (*graph.Graph, *draw.Result) {
	t.Helper()
	g := graph.Build(o)
	res, err := draw.Draw(g, nil, option.Options{Format: "pptx", Preset: preset}, nil)
	if err != nil {
		t.Fatalf("draw: %v", err)
	}
	return g, res
}

// cardNames returns the name on each card of each page (its name lines
// joined), by page.
func cardNames(d *scene.Document) [][]string {
	out := make([][]string, len(d.Pages))
	for k, pg := range d.Pages {
		var walk func([]scene.Item)
		walk = func(items []scene.Item) {
			for _, it := range items {
				g, ok := it.(scene.Group)
				if !ok {
					continue
				}
				if g.Kind == "card" {
					for _, c := range g.Items {
						if n, ok := c.(scene.Group); ok && n.Kind == "name" {
							s := ""
							for _, t := range n.Items {
								if s != "" {
									s += " "
								}
								s += t.(scene.Text).S
							}
							out[k] = append(out[k], s)
						}
					}
				}
				walk(g.Items)
			}
		}
		walk(pg.Items)
	}
	return out
}

func TestOrgDecks(t *testing.T) {
	_, ex := drawOrg(t, executiveOrg(), "slide-16x9")
	_, co := drawOrg(t, companyOrg(), "slide-16x9")
	if len(ex.Doc.Pages) != 1 {
		t.Errorf("the executive chart is %d pages, want 1", len(ex.Doc.Pages))
	}
	if len(co.Doc.Pages) < 2 {
		t.Fatalf("the 400-person company is %d page, want an overview and unit pages", len(co.Doc.Pages))
	}
	for _, tc := range []struct {
		name   string
		doc    *scene.Document
		people int
	}{{"executive", ex.Doc, 14}, {"company", co.Doc, 400}} {
		t.Run(tc.name, func(t *testing.T) {
			data := write(t, Wide, Chart{Doc: tc.doc})
			slides := checkDeck(t, data)
			d := unpack(t, data)
			seen := map[string]bool{}
			for k, names := range cardNames(tc.doc) {
				text := runs(t, slides[k], d[slides[k]])
				es := elements(t, slides[k], d[slides[k]])
				for _, n := range names {
					seen[n] = true
					if !contains1(text, n) {
						t.Errorf("slide %d: name %q is not a text run", k+1, n)
					}
				}
				// Every line between two cards, solid or dotted, is a preset
				// connector glued at both ends.
				lines := 0
				for _, it := range tc.doc.Pages[k].Items {
					if p, ok := it.(scene.Path); ok && p.From != "" && p.To != "" {
						lines++
					}
				}
				if st, end := count(es, "stCxn"), count(es, "endCxn"); st != lines || end != lines {
					t.Errorf("slide %d: %d stCxn and %d endCxn for %d lines between cards", k+1, st, end, lines)
				}
				if n := count(es, "custGeom"); n != 0 {
					t.Errorf("slide %d: %d custom geometries, want preset connectors only", k+1, n)
				}
			}
			if len(seen) != tc.people {
				t.Errorf("%d people on the slides, want %d", len(seen), tc.people)
			}
		})
	}
}
