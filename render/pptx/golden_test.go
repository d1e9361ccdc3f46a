package pptx

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/internal/golden"
	"github.com/orgchart/orgchart/render/scene"
)

// small is a hand-made 5-person chart: a CEO with a badge, two vice
// presidents and a report under each, and a dotted line from the second VP
// to the first (a U under both), with one finding in the notes.
func small() Chart {
	root := team("g", "Dana Whitfield", 2, 1)
	pg := treePage("Leadership", root, nil)
	dotted(&pg, "card-g-1", "card-g-0")
	doc := scene0(pg)
	return Chart{Doc: doc, Notes: [][]Note{{{Code: "SEC002", Message: `ciso "g-1" reports to "g-0"`, URL: "https://example.com/docs/rules/SEC002.md"}}}}
}

func scene0(pg scene.Page) *scene.Document {
	return &scene.Document{Title: "Leadership", Pages: []scene.Page{pg}}
}

// TestGoldenDeck compares the parts of the small chart's deck that carry
// its structure with files under testdata/golden, one element per line so a
// diff reads like code. Run with -update to rewrite them, then read them.
func TestGoldenDeck(t *testing.T) {
	d := unpack(t, write(t, Wide, small()))
	for part, file := range map[string]string{
		"ppt/slides/slide1.xml": "slide1.xml",
		"ppt/presentation.xml":  "presentation.xml",
		"[Content_Types].xml":   "content_types.xml",
	} {
		got := []byte(strings.ReplaceAll(string(d[part]), "><", ">\n<") + "\n")
		golden.Check(t, filepath.Join("testdata", "golden", file), got)
	}
}
