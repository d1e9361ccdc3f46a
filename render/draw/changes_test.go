package draw

import (
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// TestGoldenChanges draws the charts of testdata/changes.txtar with the
// marks of their "# mark: KIND ID [NOTE]" lines (ID - for a note) (options and findings as in
// TestGolden) and compares each scene with its golden section. Rewrite
// with: go test ./render/draw -run TestGoldenChanges -update
func TestGoldenChanges(t *testing.T) { goldenScenes(t, "changes.txtar") }

// marksOf reads the "# mark: KIND ID [NOTE]" lines of a test chart.
func marksOf(data string) []option.Mark {
	var out []option.Mark
	for _, l := range strings.Split(data, "\n") {
		if m, ok := strings.CutPrefix(l, "# mark:"); ok {
			fs := strings.SplitN(strings.TrimSpace(m), " ", 3)
			mk := option.Mark{Kind: option.MarkKind(fs[0]), ID: fs[1]}
			if len(fs) > 2 {
				mk.Note = fs[2]
			}
			out = append(out, mk)
		}
	}
	return out
}

// TestChangeMarks checks what the marks put on the page, independently of
// the golden bytes: a joiner's and a mover's card carry their badge and an
// outline in their kind's colour (dashed for a mover) outside the border, a
// finding's border on a moved card stays, the mover's note is on its card,
// the legend names both kinds, and the leavers are listed once, capped at
// maxLeavers with a count of the rest.
func TestChangeMarks(t *testing.T) {
	data := `people:
  - {id: ceo, name: Sam Reyes, title: CEO}
  - {id: cio, name: Kit Olsen, title: CIO, reports_to: ceo}
  - {id: ciso, name: Jo Dunn, title: CISO, reports_to: cio}
  - {id: new, name: Nina Park, title: Engineer, reports_to: cio}
# finding: SEC002 warning ciso
`
	g, findings, opts := chart(t, "c.yaml", []byte(data))
	opts.Marks = []option.Mark{
		{Kind: option.MarkJoined, ID: "new"},
		{Kind: option.MarkMoved, ID: "ciso", Note: "moved from Sam Reyes"},
		{Kind: option.MarkNote, Note: "1 finding (ORG005) in both versions is not drawn"},
	}
	for k := range maxLeavers + 3 {
		opts.Marks = append(opts.Marks, option.Mark{Kind: option.MarkLeft, ID: "x", Note: "Leaver " + string(rune('A'+k))})
	}
	res, err := Draw(g, findings, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	pg := res.Doc.Pages[0]
	st := newStyle(g.Org(), opts)
	cards := map[string]scene.Group{}
	var texts []string
	var walk func([]scene.Item)
	walk = func(items []scene.Item) {
		for _, it := range items {
			switch v := it.(type) {
			case scene.Group:
				if v.Kind == "card" {
					cards[v.ID] = v
				}
				walk(v.Items)
			case scene.Text:
				texts = append(texts, v.S)
			}
		}
	}
	walk(pg.Items)
	for _, tc := range []struct {
		id, badge string
		col       scene.Color
		dashed    bool
	}{{"c3", "JOINED", st.changeColor(option.MarkJoined), false}, {"c2", "MOVED", st.changeColor(option.MarkMoved), true}} {
		c := cards[tc.id]
		halo, ok := c.Items[len(c.Items)-1].(scene.Box)
		if !ok || halo.Stroke != tc.col || (halo.Dash != nil) != tc.dashed {
			t.Errorf("%s: last item %+v, want an outline in %v, dashed %v", tc.id, c.Items[len(c.Items)-1], tc.col, tc.dashed)
			continue
		}
		border := c.Items[len(c.Items)-2].(scene.Box)
		if !(halo.X < border.X && halo.Y < border.Y && halo.X+halo.W > border.X+border.W && halo.Y+halo.H > border.Y+border.H) {
			t.Errorf("%s: outline %+v not outside the border %+v", tc.id, halo.Rect, border.Rect)
		}
		if tc.id == "c2" && border.Stroke != st.sev[diag.SeverityWarning] {
			t.Errorf("c2: border %v, want the finding's colour", border.Stroke)
		}
		if !hasText(c.Items, tc.badge) {
			t.Errorf("%s: no %s badge", tc.id, tc.badge)
		}
	}
	if !hasText(cards["c2"].Items, "moved from Sam Reyes") {
		t.Error("the mover's card does not say from whom")
	}
	if hasText(cards["c1"].Items, "JOINED") || hasText(cards["c1"].Items, "MOVED") {
		t.Error("an unchanged card is marked")
	}
	all := strings.Join(texts, "\n")
	for _, w := range []string{"joined the chart", "moved to another manager", "Left (15):", "× Leaver A", "× Leaver L", "and 3 more (see the diff report)", "1 finding (ORG005) in both versions is not drawn"} {
		if !strings.Contains(all, w) {
			t.Errorf("page lacks %q", w)
		}
	}
	if strings.Contains(all, "Leaver M") {
		t.Error("the panel lists more than maxLeavers leavers")
	}
}

func hasText(items []scene.Item, s string) bool {
	for _, it := range items {
		switch v := it.(type) {
		case scene.Text:
			if v.S == s {
				return true
			}
		case scene.Group:
			if hasText(v.Items, s) {
				return true
			}
		}
	}
	return false
}
