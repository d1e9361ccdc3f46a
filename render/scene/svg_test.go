package scene

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/internal/golden"
)

func pageURL(n int) string { return fmt.Sprintf("chart-%d.svg", n) }

func svgOf(t testing.TB, d *Document, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSVG(&b, d, n, SVGOptions{PageURL: pageURL}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSVGGolden(t *testing.T) {
	d := testDoc()
	for n := 1; n <= len(d.Pages); n++ {
		got := svgOf(t, d, n)
		golden.Check(t, filepath.Join("testdata", fmt.Sprintf("page-%d.svg", n)), got)
		if again := svgOf(t, d, n); !bytes.Equal(got, again) {
			t.Errorf("WriteSVG page %d is not deterministic", n)
		}
	}
}

// svgElem is the parts of a decoded SVG element the tests look at.
type svgElem struct {
	Name  string
	Attr  map[string]string
	Text  string
	Depth int
}

// parseSVG decodes b with encoding/xml, failing on any well-formedness
// error, and returns its elements in document order.
func parseSVG(t testing.TB, b []byte) []svgElem {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var out []svgElem
	var stack []int
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := svgElem{Name: tok.Name.Local, Attr: map[string]string{}, Depth: len(stack)}
			for _, a := range tok.Attr {
				e.Attr[a.Name.Local] = a.Value
			}
			out = append(out, e)
			stack = append(stack, len(out)-1)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				out[stack[len(stack)-1]].Text += string(tok)
			}
		}
	}
	if len(stack) != 0 {
		t.Fatalf("SVG has %d unclosed elements", len(stack))
	}
	return out
}

func TestSVGStructure(t *testing.T) {
	d := testDoc()
	els := parseSVG(t, svgOf(t, d, 1))
	root := els[0]
	if root.Name != "svg" || root.Attr["width"] != "400pt" || root.Attr["height"] != "250pt" || root.Attr["viewBox"] != "0 0 400 250" || root.Attr["version"] != "1.1" {
		t.Errorf("root = %v, want svg 1.1 of 400pt x 250pt, viewBox 0 0 400 250", root)
	}
	var texts, hrefs, markers []string
	ends := 0
	for _, e := range els {
		switch e.Name {
		case "text":
			texts = append(texts, e.Text)
		case "a":
			hrefs = append(hrefs, e.Attr["href"])
		case "marker":
			markers = append(markers, e.Attr["id"])
		case "polyline":
			if e.Attr["marker-end"] != "" {
				ends++
			}
		case "foreignObject":
			t.Errorf("SVG holds a foreignObject")
		}
	}
	wantTexts := []string{"Dana Whitfield", "Chief Executive Officer", "SEC", "Ravi Raman", "Chief Financial Officer", "Engineering", "42 people, page 2", "Docs & help", "Page 1 of 2 — draft"}
	if strings.Join(texts, "|") != strings.Join(wantTexts, "|") {
		t.Errorf("texts = %q, want %q", texts, wantTexts)
	}
	if want := []string{"chart-2.svg", "https://example.com/org?a=1&b=2"}; strings.Join(hrefs, " ") != strings.Join(want, " ") {
		t.Errorf("links = %q, want %q", hrefs, want)
	}
	// Grey end, red start, red end.
	if len(markers) != 3 || ends != 3 {
		t.Errorf("markers %q and %d marker-ends, want 3 and 3", markers, ends)
	}
	// Page 2 has no background rect: the first drawn element is the card.
	els2 := parseSVG(t, svgOf(t, d, 2))
	for _, e := range els2 {
		if e.Name == "rect" {
			if e.Attr["width"] == "300" && e.Attr["height"] == "160" {
				t.Errorf("transparent page 2 has a background rect")
			}
			break
		}
	}
	if a := els2[len(els2)-4]; a.Name != "a" || a.Attr["href"] != "chart-1.svg" {
		t.Errorf("group link = %v, want <a> to chart-1.svg", a)
	}
}

func TestSVGPageLinksDroppedWithoutPageURL(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSVG(&b, testDoc(), 1, SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "chart-2") || !strings.Contains(b.String(), "https://example.com") {
		t.Errorf("without PageURL, want page links dropped and URL links kept:\n%s", b.String())
	}
}

const hostile = "<script>alert(\"x\" + 'y')</script> & ]]> \x00\x07\x1b[31m\u0085\ufffe end"

func hostileDoc(s string) *Document {
	return &Document{Pages: []Page{{
		Width: 100, Height: 50, Title: s,
		Items: []Item{Group{ID: s, Kind: s, Items: []Item{
			Box{ID: "b", Rect: Rect{0, 0, 10, 10}, Fill: Black, Link: Link{URL: "https://e.com/?q=\"><script>&x=" + url0(s)}},
			Text{X: 1, Y: 20, Size: 10, Color: Black, S: s},
		}}},
	}}}
}

// url0 keeps s valid in a URL for the validator (it rejects control
// characters): the escaping under test is the SVG writer's.
func url0(s string) string {
	return strings.Map(func(r rune) rune { return map[bool]rune{true: -1, false: r}[r < 0x20 || r == 0x7f] }, s)
}

func TestSVGEscapesHostileText(t *testing.T) {
	b := svgOf(t, hostileDoc(hostile), 1)
	for _, bad := range []string{"<script", "\x00", "\x07", "\x1b", "\u0085", "\ufffe"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("SVG contains %q:\n%s", bad, b)
		}
	}
	els := parseSVG(t, b)
	want := Clean(hostile)
	found := map[string]bool{}
	for _, e := range els {
		switch e.Name {
		case "script":
			t.Errorf("SVG has a script element")
		case "title", "text":
			if e.Text != want {
				t.Errorf("<%s> = %q, want %q", e.Name, e.Text, want)
			}
			found[e.Name] = true
		case "g":
			if e.Attr["id"] != want || e.Attr["class"] != want {
				t.Errorf("<g> id %q class %q, want %q", e.Attr["id"], e.Attr["class"], want)
			}
			found["g"] = true
		}
	}
	if len(found) != 3 {
		t.Errorf("found %v, want title, text and g", found)
	}
}

func FuzzSVGText(f *testing.F) {
	f.Add(hostile)
	f.Add("Zoë & <Ångström>")
	f.Add("\xff\xfe\x00]]>")
	f.Fuzz(func(t *testing.T, s string) {
		d := &Document{Pages: []Page{{Width: 100, Height: 50, Title: s, Items: []Item{
			Group{ID: s, Kind: s, Items: []Item{Text{X: 1, Y: 20, Size: 10, Color: Black, S: s}}},
		}}}}
		var b bytes.Buffer
		if err := WriteSVG(&b, d, 1, SVGOptions{}); err != nil {
			t.Fatal(err)
		}
		want := Clean(s)
		for _, e := range parseSVG(t, b.Bytes()) {
			if (e.Name == "text" || e.Name == "title") && e.Text != want {
				t.Fatalf("<%s> = %q, want %q", e.Name, e.Text, want)
			}
			if e.Name == "g" && e.Attr["id"] != want {
				t.Fatalf("<g id> = %q, want %q", e.Attr["id"], want)
			}
		}
	})
}
