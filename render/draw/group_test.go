package draw

import (
	"fmt"
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

// TestContinuedTeam: a team too large for one slide, with no unit to cut
// off, is continued over slides under a stub of its head that leads back
// to the slide it starts on (TestProperties checks everyone is drawn once
// and every name is legible).
func TestContinuedTeam(t *testing.T) {
	g := graph.Build(flatOrg(300))
	res, err := Draw(g, nil, option.Options{Compact: true, Preset: "slide-16x9"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var parts []int
	for k, p := range res.Doc.Pages {
		if strings.Contains(p.Title, "Engineering (") {
			parts = append(parts, k+1)
		}
	}
	if len(parts) < 3 {
		t.Fatalf("the 300-person team is on pages %v, want at least 3 parts", parts)
	}
	first := res.Doc.Pages[parts[0]-1]
	if !strings.HasSuffix(first.Title, fmt.Sprintf("(1 of %d)", len(parts))) {
		t.Errorf("page %d is titled %q, want the first of %d parts", parts[0], first.Title, len(parts))
	}
	for _, k := range parts[1:] {
		stubs := 0
		for id, c := range cardsOf(res.Doc.Pages[k-1]) {
			if c.g.Kind == "stub" {
				stubs++
				if id != "s1" || c.g.Link.Page != parts[0] {
					t.Errorf("page %d: stub %s leads to page %d, want s1 (the head's) leading to page %d", k, id, c.g.Link.Page, parts[0])
				}
			}
		}
		if stubs != 1 {
			t.Errorf("page %d: %d stubs, want the team head's", k, stubs)
		}
	}
	noted := false
	for _, n := range res.Notes {
		noted = noted || strings.Contains(n, "the 300 reports of Ravi Shah")
	}
	if !noted {
		t.Errorf("notes %q do not say the team was continued", res.Notes)
	}
}
