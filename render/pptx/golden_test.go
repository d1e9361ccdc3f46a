package pptx

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/render/scene"
)

var update = flag.Bool("update", false, "rewrite golden files")

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
		path := filepath.Join("testdata", "golden", file)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./render/pptx -run TestGoldenDeck -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", part, path, lineDiff(string(want), string(got)))
		}
	}
}

// lineDiff lists the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			b.WriteString("line " + itoa(i+1) + ":\n- " + a + "\n+ " + c + "\n")
			shown++
		}
	}
	return b.String()
}
