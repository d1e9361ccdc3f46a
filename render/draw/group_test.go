package draw

import (
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// TestSplitGroupsSiblings: split slides put small sibling units together
// (TestProperties checks that everyone is still on exactly one page and
// that stubs lead to their unit's page). Before grouping, the 55- and
// 400-person charts took 7 and 51 slides, a slide per team.
func TestSplitGroupsSiblings(t *testing.T) {
	for _, tc := range []struct{ n, maxPages int }{{55, 4}, {400, 20}} {
		g := graph.Build(synth.Generate(tc.n, 1))
		res, err := Draw(g, nil, option.Options{Compact: true, Preset: "slide-16x9"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		pages := res.Doc.Pages
		if len(pages) < 2 || len(pages) > tc.maxPages {
			t.Errorf("%d people: %d slides, want 2 to %d", tc.n, len(pages), tc.maxPages)
		}
		shared := 0
		for k, p := range pages[1:] {
			if heads := unitHeads(p); heads > 1 {
				shared++
				if !strings.Contains(p.Title, " and ") && !strings.Contains(p.Title, " units)") {
					t.Errorf("%d people: slide %d draws %d units but is titled %q", tc.n, k+2, heads, p.Title)
				}
			}
		}
		if shared == 0 {
			t.Errorf("%d people: no slide draws more than one unit", tc.n)
		}
	}
}

// unitHeads counts the cards of p no solid line leads to: the heads of the
// units drawn on it.
func unitHeads(p scene.Page) int {
	to := map[string]bool{}
	for _, it := range p.Items {
		if path, ok := it.(scene.Path); ok && path.To != "" && !strings.HasPrefix(path.ID, "x") {
			to[path.To] = true
		}
	}
	n := 0
	for id, c := range cardsOf(p) {
		if c.g.Kind == "card" && !to[id] {
			n++
		}
	}
	return n
}

func TestJoinNames(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"Legal"}, "Legal"},
		{[]string{"Legal", "Risk"}, "Legal and Risk"},
		{[]string{"Audit", "Legal", "Risk"}, "Audit, Legal and Risk"},
	} {
		if got := joinNames(tc.in); got != tc.want {
			t.Errorf("joinNames(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
