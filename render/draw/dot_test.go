package draw

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// TestDOTBadges: in the positioned DOT, every badge of the scene is a
// rounded cell filled with its pill's colour around its text in the text's
// colour, as in the SVG, and its text appears nowhere else (it used to be a
// plain line of white text on the white card).
func TestDOTBadges(t *testing.T) {
	g := graph.Build(synth.Generate(14, 1))
	res, err := Draw(g, nil, option.Options{Compact: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := &res.Doc.Pages[0]
	var b bytes.Buffer
	if err := WriteDOT(&b, p); err != nil {
		t.Fatal(err)
	}
	dot := b.String()
	type want struct{ fill, color, text string }
	var badges []want
	var walk func([]scene.Item, bool)
	walk = func(items []scene.Item, card bool) {
		for k, it := range items {
			switch v := it.(type) {
			case scene.Group:
				walk(v.Items, card || v.Kind == "card" || v.Kind == "stub")
			case scene.Box:
				if !card {
					continue
				}
				if k == 0 || k+1 >= len(items) {
					continue
				}
				if tx, ok := items[k+1].(scene.Text); ok && inside(tx, v) {
					badges = append(badges, want{v.Fill.Hex(), tx.Color.Hex(), tx.S})
				}
			}
		}
	}
	walk(p.Items, false)
	if len(badges) == 0 {
		t.Fatal("the 14-person chart draws no badges")
	}
	count := map[string]int{}
	for _, bg := range badges {
		count[bg.text]++
		cell := fmt.Sprintf(`<TD BGCOLOR="%s" STYLE="rounded"`, bg.fill)
		text := fmt.Sprintf(`COLOR="%s"><B>%s</B></FONT></TD>`, bg.color, bg.text)
		if !strings.Contains(dot, cell) || !strings.Contains(dot, text) {
			t.Errorf("badge %q (%s on %s) is not a filled cell in the DOT", bg.text, bg.color, bg.fill)
		}
	}
	for text, n := range count {
		if got := strings.Count(dot, ">"+text+"<"); got != n {
			t.Errorf("badge text %q appears %d times in the DOT, want %d (one per badge)", text, got, n)
		}
	}
}
