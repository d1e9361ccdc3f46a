package pptx

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/render/scene"
)

func write(t testing.TB, s Size, charts ...Chart) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, s, charts...); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

// runs returns the text of every a:t of a part.
func runs(t testing.TB, name string, data []byte) []string {
	t.Helper()
	var out []string
	re := regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	for _, m := range re.FindAllSubmatch(data, -1) {
		out = append(out, unescape(string(m[1])))
	}
	return out
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#39;", "'", "&#34;", `"`).Replace(s)
}

func TestExecutiveDeck(t *testing.T) {
	doc := executive()
	data := write(t, Wide, Chart{Doc: doc})
	slides := checkDeck(t, data)
	if len(slides) != 1 {
		t.Fatalf("%d slides, want 1", len(slides))
	}
	d := unpack(t, data)
	if !bytes.Contains(d["ppt/presentation.xml"], []byte(`<p:sldSz cx="12192000" cy="6858000"/>`)) {
		t.Errorf("slide size is not 16:9 (12192000 x 6858000 EMU)")
	}
	slide := d[slides[0]]
	es := elements(t, slides[0], slide)
	text := runs(t, slides[0], slide)
	names := people(doc)
	if len(names) != 14 {
		t.Fatalf("the executive scene has %d people, want 14", len(names))
	}
	for _, n := range names {
		if !contains1(text, n) {
			t.Errorf("name %q is not a text run of the slide", n)
		}
	}
	if !bytes.Contains(slide, []byte(`<p:ph type="title"/>`)) || !contains1(text, "Executive team") {
		t.Errorf("the title is not in a title placeholder")
	}
	// Every reporting line is a connector glued at both ends.
	lines := 0
	for _, it := range doc.Pages[0].Items {
		if p, ok := it.(scene.Path); ok && strings.HasPrefix(p.ID, "line-") {
			lines++
		}
	}
	if got := count(es, "cxnSp"); got != lines+1 {
		t.Errorf("%d connectors, want %d (reporting lines and one dotted line)", got, lines+1)
	}
	// The dotted line ends a quarter along the cards' bottoms, off their
	// connection sites: it is glued to the bottom sites all the same, and
	// drawn as the U it is (a bentConnector3 bending beyond its ends).
	if st, end := count(es, "stCxn"), count(es, "endCxn"); st != lines+1 || end != lines+1 {
		t.Errorf("%d stCxn and %d endCxn, want %d each", st, end, lines+1)
	}
	if !regexp.MustCompile(`name="dotted-card-x-1"/><p:cNvCxnSpPr><a:stCxn id="\d+" idx="2"/><a:endCxn id="\d+" idx="2"/>.*?prst="bentConnector3"`).Match(slide) {
		t.Errorf("the dotted line is not a bentConnector3 glued to both cards' bottom sites")
	}
	if count(es, "custGeom") != 0 {
		t.Errorf("%d custom geometries, want every line a preset connector", count(es, "custGeom"))
	}
	if n := count(es, "roundRect") + strings.Count(string(slide), `prst="roundRect"`); n < 14 {
		t.Errorf("%d rounded rectangles, want a card per person (14)", n)
	}
	// The CEO's card and badge are one group; the dotted line is dashed
	// with an arrowhead.
	if count(es, "grpSp") != 1 {
		t.Errorf("%d groups, want 1 (the CEO's card with its badge)", count(es, "grpSp"))
	}
	if count(es, "custDash") != 1 || count(es, "tailEnd") != 1 {
		t.Errorf("%d dashed lines and %d arrowheads, want 1 each", count(es, "custDash"), count(es, "tailEnd"))
	}
	if !bytes.Contains(slide, []byte(`<a:latin typeface="Arial"/>`)) {
		t.Errorf("runs do not name Arial")
	}
}

func contains1(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCompanyDeckLinks(t *testing.T) {
	doc := company(4, 3)
	data := write(t, Wide, Chart{Doc: doc})
	slides := checkDeck(t, data)
	if len(slides) != 5 {
		t.Fatalf("%d slides, want 5 (overview and 4 units)", len(slides))
	}
	d := unpack(t, data)
	over := string(d[slides[0]])
	if n := strings.Count(over, `action="ppaction://hlinksldjump"`); n < 4 {
		t.Errorf("overview has %d slide jumps, want one per stub (4)", n)
	}
	rels := d.relsOf(t, slides[0])
	for i := 2; i <= 5; i++ {
		found := false
		for _, r := range rels {
			found = found || r[0] == fmt.Sprintf("ppt/slides/slide%d.xml", i)
		}
		if !found {
			t.Errorf("overview does not link to slide %d", i)
		}
	}
	for _, s := range slides[1:] {
		if !bytes.Contains(d[s], []byte(backText)) {
			t.Errorf("%s has no back-to-overview link", s)
		}
		if rels := d.relsOf(t, s); !hasTarget(rels, "ppt/slides/slide1.xml") {
			t.Errorf("%s does not link back to slide 1", s)
		}
	}
	if bytes.Contains([]byte(over), []byte(backText)) {
		t.Errorf("the overview links back to itself")
	}
}

func hasTarget(rels map[string][2]string, target string) bool {
	for _, r := range rels {
		if r[0] == target {
			return true
		}
	}
	return false
}

func TestSeveralChartsAppend(t *testing.T) {
	data := write(t, Standard, Chart{Doc: executive()}, Chart{Doc: company(2, 2)})
	slides := checkDeck(t, data)
	if len(slides) != 4 {
		t.Fatalf("%d slides, want 1 + 3", len(slides))
	}
	d := unpack(t, data)
	if !bytes.Contains(d["ppt/presentation.xml"], []byte(`<p:sldSz cx="9144000" cy="6858000"/>`)) {
		t.Errorf("slide size is not 4:3")
	}
	// The second chart's overview is slide 2; its links are offset.
	if !hasTarget(d.relsOf(t, slides[1]), "ppt/slides/slide3.xml") || !hasTarget(d.relsOf(t, slides[2]), "ppt/slides/slide2.xml") {
		t.Errorf("the second chart's links do not lead to its own slides")
	}
	if hasTarget(d.relsOf(t, slides[2]), "ppt/slides/slide1.xml") {
		t.Errorf("the second chart's unit slide links to the first chart")
	}
}

func TestNotes(t *testing.T) {
	notes := [][]Note{{{Code: "SEC002", Message: `ciso "dana" reports to cio "erin" & <friends>`, URL: "https://example.com/docs/rules/SEC002.md"}}}
	data := write(t, Wide, Chart{Doc: executive(), Notes: notes})
	checkDeck(t, data)
	d := unpack(t, data)
	n := d["ppt/notesSlides/notesSlide1.xml"]
	text := strings.Join(runs(t, "notes", n), "")
	want := `SEC002: ciso "dana" reports to cio "erin" & <friends> https://example.com/docs/rules/SEC002.md`
	if text != want {
		t.Errorf("notes = %q, want %q", text, want)
	}
	if !hasTarget(d.relsOf(t, "ppt/notesSlides/notesSlide1.xml"), "https://example.com/docs/rules/SEC002.md") {
		t.Errorf("the rule link is not a hyperlink of the notes")
	}
}

func TestDeterministic(t *testing.T) {
	a := write(t, Wide, Chart{Doc: company(3, 3)})
	b := write(t, Wide, Chart{Doc: company(3, 3)})
	if !bytes.Equal(a, b) {
		t.Errorf("two writes of the same chart differ")
	}
}

func TestWriteRejects(t *testing.T) {
	bad := executive()
	bad.Pages[0].Items = append(bad.Pages[0].Items, scene.Path{ID: "x", From: "nobody", Points: []scene.Point{{X: 0, Y: 0}, {X: 1, Y: 1}}})
	for _, tc := range []struct {
		name   string
		size   Size
		charts []Chart
		want   string
	}{
		{"no charts", Wide, nil, "no pages"},
		{"nil document", Wide, []Chart{{}}, "no document"},
		{"invalid scene", Wide, []Chart{{Doc: bad}}, "nobody"},
		{"zero size", Size{}, []Chart{{Doc: executive()}}, "not positive"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Write(&b, tc.size, tc.charts...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Write = %v, want an error containing %q", err, tc.want)
			}
			if b.Len() != 0 {
				t.Errorf("Write wrote %d bytes on error", b.Len())
			}
		})
	}
}

func TestPresetConnectors(t *testing.T) {
	// Each polyline must come out as the preset named, and the preset's
	// geometry must reproduce every point.
	for _, tc := range []struct {
		name string
		ps   []pt
		prst string
	}{
		{"straight down", []pt{{100, 100}, {100, 500}}, "straightConnector1"},
		{"straight up-left", []pt{{500, 500}, {100, 300}}, "straightConnector1"},
		{"bus down-right", []pt{{100, 100}, {100, 300}, {900, 300}, {900, 500}}, "bentConnector3"},
		{"bus down-left", []pt{{900, 100}, {900, 300}, {100, 300}, {100, 500}}, "bentConnector3"},
		{"bus up-right", []pt{{100, 500}, {100, 200}, {900, 200}, {900, 100}}, "bentConnector3"},
		{"across-down-across", []pt{{100, 100}, {400, 100}, {400, 500}, {900, 500}}, "bentConnector3"},
		{"bend beyond the end", []pt{{100, 100}, {100, 700}, {900, 700}, {900, 500}}, "bentConnector3"},
		{"spine", []pt{{100, 100}, {100, 500}, {300, 500}}, "bentConnector2"},
		{"spine left", []pt{{500, 100}, {500, 500}, {300, 500}}, "bentConnector2"},
		{"across then up", []pt{{100, 500}, {600, 500}, {600, 100}}, "bentConnector2"},
		{"U turn under", []pt{{100, 100}, {100, 300}, {500, 300}, {500, 150}}, "bentConnector3"},
		{"U turn over", []pt{{500, 400}, {500, 50}, {100, 50}, {100, 300}}, "bentConnector3"},
		{"U sideways", []pt{{100, 100}, {50, 100}, {50, 900}, {300, 900}}, "bentConnector3"},
		{"four segments", []pt{{0, 0}, {0, 50}, {40, 50}, {40, 20}, {90, 20}}, "bentConnector4"},
		{"five segments", []pt{{0, 0}, {0, 10}, {10, 10}, {10, 20}, {20, 20}, {20, 30}}, "bentConnector5"},
		{"six segments", []pt{{0, 0}, {0, 10}, {10, 10}, {10, 20}, {20, 20}, {20, 30}, {30, 30}}, ""},
		{"diagonal elbow", []pt{{0, 0}, {10, 10}, {20, 0}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.ps { // to EMU sizes, well above minExtent
				tc.ps[i] = pt{tc.ps[i].x * 1000, tc.ps[i].y * 1000}
			}
			g, ok := preset(tc.ps)
			if tc.prst == "" {
				if ok {
					t.Errorf("preset(%v) = %s, want a custom polyline", tc.ps, g.prst)
				}
				return
			}
			if !ok || g.prst != tc.prst {
				t.Fatalf("preset(%v) = %v, %v, want %s", tc.ps, g.prst, ok, tc.prst)
			}
			for i, q := range g.template() {
				p := g.apply(q.x, q.y)
				if math.Abs(p.x-tc.ps[i].x) > 3 || math.Abs(p.y-tc.ps[i].y) > 3 {
					t.Errorf("point %d at %v, want %v (geometry %+v)", i, p, tc.ps[i], g)
				}
			}
		})
	}
}

func TestPresetUBetweenEqualEnds(t *testing.T) {
	// A U between two cards' bottoms at the same height has no height for
	// adj to scale: the end moves minExtent along its last segment, and
	// every other point is drawn where it was.
	ps := []pt{{100000, 500000}, {100000, 600000}, {900000, 600000}, {900000, 500000}}
	g, ok := preset(ps)
	if !ok || g.prst != "bentConnector3" {
		t.Fatalf("preset(%v) = %v, %v, want bentConnector3", ps, g.prst, ok)
	}
	want := append([]pt(nil), ps...)
	want[3].y -= minExtent
	for i, q := range g.template() {
		if p := g.apply(q.x, q.y); math.Abs(p.x-want[i].x) > 3 || math.Abs(p.y-want[i].y) > 3 {
			t.Errorf("point %d at %v, want %v (geometry %+v)", i, p, want[i], g)
		}
	}
}

func TestElbowNearest(t *testing.T) {
	// A glued route no preset draws becomes the elbow that leaves the start
	// as the route does and ends where it ends.
	ps := []pt{{0, 0}, {0, 10}, {10, 10}, {10, 20}, {20, 20}, {20, 30}, {30, 30}, {30, 40}}
	got := elbow(ps, siteBottom)
	want := []pt{{0, 0}, {0, 10}, {30, 10}, {30, 40}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("elbow = %v, want %v", got, want)
	}
	if g, ok := preset(got); !ok || g.prst != "bentConnector3" {
		t.Errorf("preset(elbow) = %v, %v, want bentConnector3", g.prst, ok)
	}
	if got := elbow([]pt{{0, 0}, {-5, 0}, {-5, 20}, {10, 20}, {10, 30}}, siteLeft); fmt.Sprint(got) != fmt.Sprint([]pt{{0, 0}, {-5, 0}, {-5, 30}, {10, 30}}) {
		t.Errorf("elbow from the left side = %v", got)
	}
}

func TestSite(t *testing.T) {
	r := scene.Rect{X: 100, Y: 100, W: 100, H: 40} // points
	e := func(x, y float64) pt { return pt{float64(emu(x)), float64(emu(y))} }
	for _, tc := range []struct {
		p    pt
		site int
		on   bool
	}{
		{e(150, 100), siteTop, true},
		{e(125, 140), siteBottom, true}, // a quarter along the bottom
		{e(175, 140.5), siteBottom, true},
		{e(100, 130), siteLeft, true},
		{e(200, 110), siteRight, true},
		{e(150, 160), 0, false},
		{e(150, 120), 0, false}, // inside, far from every edge
	} {
		if s, on := site(r, tc.p); on != tc.on || (on && s != tc.site) {
			t.Errorf("site(%v, %v) = %d, %v, want %d, %v", r, tc.p, s, on, tc.site, tc.on)
		}
	}
}

func TestSimplify(t *testing.T) {
	got := simplify([]pt{{0, 0}, {0, 0}, {0, 100}, {0, 200}, {100, 200}, {101, 200}})
	want := []pt{{0, 0}, {0, 200}, {100, 200}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("simplify = %v, want %v", got, want)
	}
	// A line that turns back is not collinear.
	if got := simplify([]pt{{0, 0}, {0, 100}, {0, 50}}); len(got) != 3 {
		t.Errorf("simplify dropped the turn of %v", got)
	}
}

func TestTextFrameKeepsLines(t *testing.T) {
	// A card's lines are paragraphs in order, centred, with the sizes scaled
	// by the slide's scale, and a line the box cannot hold is not wrapped.
	doc := executive()
	data := write(t, Wide, Chart{Doc: doc})
	slide := string(unpack(t, data)["ppt/slides/slide1.xml"])
	i := strings.Index(slide, "Dana Whitfield")
	j := strings.Index(slide, "Chief Executive Officer")
	k := strings.Index(slide, ">Board<")
	if !(i > 0 && i < j && j < k) {
		t.Errorf("the CEO's lines are not in order: name %d, title %d, department %d", i, j, k)
	}
	if strings.Count(slide, `wrap="none" lIns="0" tIns=`) != 0 {
		t.Errorf("a card's text frame does not wrap although its lines fit")
	}
}
