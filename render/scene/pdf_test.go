package scene

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
)

func pdfOf(t testing.TB, d *Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WritePDF(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPDFStructure(t *testing.T) {
	b := pdfOf(t, testDoc())
	s := string(b)
	if !strings.HasPrefix(s, "%PDF-") {
		t.Errorf("PDF starts with %q, want %%PDF-", s[:min(8, len(s))])
	}
	if !strings.HasSuffix(strings.TrimSpace(s), "%%EOF") {
		t.Errorf("PDF does not end with %%%%EOF")
	}
	if n := len(regexp.MustCompile(`/Type /Page\n`).FindAllString(s, -1)); n != 2 {
		t.Errorf("PDF has %d pages, want 2", n)
	}
	if !strings.Contains(s, "/MediaBox [0 0 400.00 250.00]") {
		t.Errorf("no 400x250 MediaBox on page 1")
	}
	if !strings.Contains(s, "/MediaBox [0 0 300.00 160.00]") {
		t.Errorf("no 300x160 MediaBox on page 2")
	}
	// Regular, bold and italic are used; each is embedded as TrueType.
	if n := strings.Count(s, "/FontFile2"); n < 3 {
		t.Errorf("PDF embeds %d TrueType fonts, want at least 3", n)
	}
	if !strings.Contains(s, "/BaseFont /utf8liberationsansB") || !strings.Contains(s, "/BaseFont /utf8liberationsansI") {
		t.Errorf("bold or italic Liberation Sans missing")
	}
	// Page 1's stub card links to page 2 (object 5) at its top (y 160);
	// page 2's back button to page 1 (object 3) at its top (y 250).
	for _, want := range []string{
		"/Subtype /Link /Rect [250.00 120.00 370.00 74.00] /Border [0 0 0] /Dest [5 0 R /XYZ 0 160.00 null]",
		"/Dest [3 0 R /XYZ 0 250.00 null]",
		"/URI (https://example.com/org?a=1&b=2)",
		"/Type /Outlines",
		"/PageMode /UseOutlines",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// The outline lists both pages' titles (UTF-16), each at its page's top.
	titles := regexp.MustCompile(`(?s)<</Title \(..([^)]*)\)\n/Parent \d+ 0 R.*?/Dest \[(\d+) 0 R /XYZ 0 ([\d.]+) null\]`).FindAllStringSubmatch(s, -1)
	var got []string
	for _, m := range titles {
		got = append(got, strings.ReplaceAll(m[1], "\x00", "")+"@"+m[2]+"@"+m[3])
	}
	if want := "Overview@3@250.00 Engineering@5@160.00"; strings.Join(got, " ") != want {
		t.Errorf("outline = %q, want %q", got, want)
	}
	for _, bad := range []string{"CreationDate", "ModDate", "D:2000"} {
		if strings.Contains(s, bad) {
			t.Errorf("PDF contains %q: a timestamp", bad)
		}
	}
}

func TestPDFOutlineLevels(t *testing.T) {
	d := testDoc()
	d.Outline = []OutlineEntry{{Title: "Acme", Page: 1}, {Title: "Engineering", Page: 2, Level: 3}}
	s := string(pdfOf(t, d))
	// Level 3 under level 0 is clamped to 1: a child of "Acme".
	acme := regexp.MustCompile(`(\d+) 0 obj\n<</Title \(..\x00A\x00c\x00m\x00e\)`).FindStringSubmatch(s)
	eng := regexp.MustCompile(`<</Title \(..\x00E\x00n\x00g[^)]*\)\n/Parent (\d+) 0 R`).FindStringSubmatch(s)
	if acme == nil || eng == nil || acme[1] != eng[1] {
		t.Errorf("outline: Acme %q, Engineering's parent %q; want Engineering nested under Acme", acme, eng)
	}
}

func TestPDFDeterministic(t *testing.T) {
	a := pdfOf(t, testDoc())
	// Cross a second boundary: a timestamp would change the bytes.
	now := time.Now()
	time.Sleep(now.Truncate(time.Second).Add(time.Second + 50*time.Millisecond).Sub(now))
	b := pdfOf(t, testDoc())
	if !bytes.Equal(a, b) {
		t.Errorf("two renderings of one document differ (%d and %d bytes)", len(a), len(b))
	}
	// Many glyphs in the font subsets, many links and paths.
	if a, b := pdfOf(t, bigDoc(200)), pdfOf(t, bigDoc(200)); !bytes.Equal(a, b) {
		t.Errorf("two renderings of a 200-card document differ (%d and %d bytes)", len(a), len(b))
	}
}

func TestPDFInvalid(t *testing.T) {
	var b bytes.Buffer
	d := &Document{Pages: []Page{{Width: -1, Height: 10}}}
	if err := WritePDF(&b, d); err == nil || b.Len() != 0 {
		t.Errorf("WritePDF(invalid) = %v with %d bytes, want an error and nothing written", err, b.Len())
	}
	if err := WritePDF(&b, &Document{}); err == nil {
		t.Errorf("WritePDF(no pages) = nil, want an error")
	}
}
