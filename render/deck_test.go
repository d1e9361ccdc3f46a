package render

import (
	"bytes"
	"context"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/draw"
	"github.com/orgchart/orgchart/render/option"
)

// TestDeckNotes checks that the seed chart's findings go in the notes of
// the slide that draws them, and that a redacted deck quotes no message.
func TestDeckNotes(t *testing.T) {
	org, findings := seedOrg()
	g := graph.Build(org)
	url := func(code string) string { return "https://example.com/rules/" + code }
	for _, redact := range []bool{false, true} {
		data, _, err := Deck(context.Background(), []DeckChart{{Graph: g, Findings: findings}}, option.Options{Format: "pptx", Redact: redact}, url)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			t.Fatalf("Deck did not write a zip")
		}
		res, err := draw.Draw(g, findings, option.Options{Format: "pptx", Preset: "slide-16x9", Redact: redact}, nil)
		if err != nil {
			t.Fatal(err)
		}
		notes := slideNotes(g, res.Doc, findings, redact, url)
		n := 0
		for _, page := range notes {
			for _, note := range page {
				n++
				if note.URL != url(note.Code) {
					t.Errorf("note %s links to %q", note.Code, note.URL)
				}
				for _, f := range findings {
					if redact && note.Message == f.Message {
						t.Errorf("redacted note quotes %q", f.Message)
					}
				}
			}
		}
		active := 0
		for _, f := range findings {
			if !f.Suppressed {
				active++
			}
		}
		if n != active {
			t.Errorf("redact=%v: %d notes for %d active findings (each drawn on one slide)", redact, n, active)
		}
	}
}

// BenchmarkDeck400 draws a 400-person chart for a 16:9 slide as a deck
// and, for comparison in the same run, as a PDF (issue 11: the deck takes
// under 3x the PDF's time).
func BenchmarkDeck400(b *testing.B) {
	org := synth.Generate(400, 1)
	g := graph.Build(org)
	ctx := context.Background()
	b.Run("pptx", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := Deck(ctx, []DeckChart{{Graph: g}}, option.Options{Format: "pptx", Preset: "slide-16x9"}, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			if _, err := Pages(ctx, g, nil, option.Options{Format: "pdf", Preset: "slide-16x9"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
