package server

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"
)

// wideChart is a CEO with 12 executives of 10 reports each: too many names
// for one legible 16:9 slide.
func wideChart() string {
	var b strings.Builder
	b.WriteString("org: Wide\npeople:\n  - id: ceo\n    name: Chief Person\n    title: Chief Executive Officer\n")
	for e := range 12 {
		fmt.Fprintf(&b, "  - id: e%d\n    name: Exec %d\n    title: Vice President\n    department: Unit %d\n    reports_to: ceo\n", e, e, e)
		for r := range 10 {
			fmt.Fprintf(&b, "  - id: p%d%d\n    name: Person %d-%d\n    title: Engineer\n    department: Unit %d\n    reports_to: e%d\n", e, r, e, r, e, e)
		}
	}
	return b.String()
}

// TestPresetPages: with a preset the service fits and splits as the CLI
// does; an SVG, PNG or JPEG request gets one page (the overview unless the
// page option says otherwise), whose stub cards link to the other pages
// with the same options; no-split keeps everyone on one page.
func TestPresetPages(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	base := "/orgchart/svg/" + Encode([]byte(wideChart())) + "?preset=slide-16x9"
	overview := do(s, "GET", base, "")
	if overview.Code != 200 {
		t.Fatalf("overview: %d %s", overview.Code, overview.Body)
	}
	ov := overview.Body.String()
	if !strings.Contains(ov, "people, page 2") || !strings.Contains(ov, `xlink:href="?page=2&amp;preset=slide-16x9"`) {
		t.Errorf("the overview has no stub linking to page 2 with its options:\n%.2000s", ov)
	}
	if strings.Contains(ov, "Person 0-0") {
		t.Error("the overview draws a team member; want stubs for the teams")
	}
	p2 := do(s, "GET", base+"&page=2", "")
	if p2.Code != 200 || !strings.Contains(p2.Body.String(), "Person 0-0") {
		t.Errorf("page 2: %d, want 200 with the first team on it", p2.Code)
	}
	if bad := do(s, "GET", base+"&page=99", ""); bad.Code != 400 || !strings.Contains(bad.Body.String(), "page") {
		t.Errorf("page 99: %d %s, want 400 naming the page", bad.Code, bad.Body)
	}
	one := do(s, "GET", base+"&no-split=true", "").Body.String()
	if strings.Contains(one, "people, page") || !strings.Contains(one, "Person 11-9") || !strings.Contains(one, "Person 0-0") {
		t.Error("no-split: want everyone on one page and no stubs")
	}
	pngPage := do(s, "POST", "/orgchart/png?preset=slide-16x9&page=2", wideChart())
	img, err := png.Decode(bytes.NewReader(pngPage.Body.Bytes()))
	if err != nil {
		t.Fatalf("png page 2: %d: %v", pngPage.Code, err)
	}
	if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
		t.Errorf("png page 2 is %v, want a 1920x1080 slide", b)
	}
}
