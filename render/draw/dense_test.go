package draw

import (
	"fmt"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// TestDenseDottedOnAPage: a team whose every member has a dotted line to
// every other (380 lines, far past what the gaps carry) on a slide: the page
// is drawable (no zero-sized text), the footnotes are capped with a count of
// the rest, and every backend accepts it.
func TestDenseDottedOnAPage(t *testing.T) {
	const n = 20
	org := &graph.Org{Title: "Dense"}
	for i := range n {
		p := &graph.Person{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Person %d", i), Title: "Staff", Index: i}
		if i > 0 {
			p.ReportsTo = []graph.Ref{{ID: "p0"}}
		}
		for j := range n {
			if j != i {
				p.Dotted = append(p.Dotted, graph.Ref{ID: fmt.Sprintf("p%d", j)})
			}
		}
		org.People = append(org.People, p)
	}
	res, err := Draw(graph.Build(org), nil, option.Options{Preset: "slide-16x9", Compact: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Doc.Validate(); err != nil {
		t.Fatalf("the page is not drawable: %.300v", err)
	}
	foot, more := 0, false
	for _, pg := range res.Doc.Pages {
		for _, it := range pg.Items {
			if tx, ok := it.(scene.Text); ok {
				if strings.Contains(tx.S, " — dotted line → ") {
					foot++
				}
				more = more || strings.Contains(tx.S, "more lines neither drawn nor listed")
			}
		}
	}
	if foot > maxFootnotes*len(res.Doc.Pages) || !more {
		t.Errorf("%d footnotes on %d page(s), count of the rest shown: %v; want at most %d a page and a count", foot, len(res.Doc.Pages), more, maxFootnotes)
	}
}
