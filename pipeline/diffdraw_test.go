package pipeline

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/render/option"
)

// TestDiffMarks checks the marks DrawDiff composes for the example pair:
// the two joiners, the CISO moved from Sam Reyes, Pete Lund's leaver line
// with his old manager, and the note on ORG005 (in both versions, so not
// drawn); redacted, titles stand for names.
func TestDiffMarks(t *testing.T) {
	r, err := Diff(context.Background(), exampleSource(t, "old.yaml"), exampleSource(t, "new.yaml"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []option.Mark{
		{Kind: option.MarkJoined, ID: "nina"},
		{Kind: option.MarkJoined, ID: "omar"},
		{Kind: option.MarkLeft, ID: "pete", Note: "Pete Lund, Software Engineer — reported to Ada Brandt"},
		{Kind: option.MarkMoved, ID: "ciso", Note: "moved from Sam Reyes"},
		{Kind: option.MarkNote, Note: "1 finding (ORG005) in both versions is not drawn; this change resolves none"},
	}
	if d := cmp.Diff(want, diffMarks(r, false)); d != "" {
		t.Errorf("diffMarks (-want +got):\n%s", d)
	}
	red := diffMarks(r, true)
	if red[2].Note != "Software Engineer — reported to Chief Technology Officer" || red[3].Note != "moved from Chief Executive Officer" {
		t.Errorf("redacted marks = %q, %q; want titles for names", red[2].Note, red[3].Note)
	}
	// The reverse change resolves SEC002 and nobody persists but ORG005.
	r, err = Diff(context.Background(), exampleSource(t, "new.yaml"), exampleSource(t, "old.yaml"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ms := diffMarks(r, false)
	if n := ms[len(ms)-1].Note; n != "1 finding (ORG005) in both versions is not drawn; this change resolves 1 finding (SEC002)" {
		t.Errorf("reverse note = %q", n)
	}
}

// TestDrawDiff draws the example pair as SVG and PNG: the marks and the
// introduced SEC002 are on the page, the persisting ORG005 is not, the
// bytes are the same twice, and the PNG decodes.
func TestDrawDiff(t *testing.T) {
	ctx := context.Background()
	r, err := Diff(ctx, exampleSource(t, "old.yaml"), exampleSource(t, "new.yaml"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := DrawDiff(ctx, r, option.Options{Format: "svg", Compact: true})
	if err != nil {
		t.Fatal(err)
	}
	svg := string(d.Pages[0].Data)
	for _, w := range []string{"moved from Sam Reyes", ">JOINED<", ">MOVED<", "Pete Lund, Software Engineer", ">SEC002<", "Left (1):"} {
		if !strings.Contains(svg, w) {
			t.Errorf("diff SVG lacks %q", w)
		}
	}
	if strings.Contains(svg, ">ORG005<") {
		t.Error("diff SVG draws ORG005, present in both versions")
	}
	again, err := DrawDiff(ctx, r, option.Options{Format: "svg", Compact: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Pages[0].Data, d.Pages[0].Data) {
		t.Error("DrawDiff gave different bytes for the same diff")
	}
	p, err := DrawDiff(ctx, r, option.Options{Format: "png", Preset: "slide-16x9"})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(p.Pages[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
		t.Errorf("slide PNG is %v, want 1920x1080", b)
	}
	if _, err := DrawDiff(ctx, r, option.Options{Format: "svg", Layout: "dot"}); err == nil {
		t.Error("DrawDiff with the dot layout = nil error, want one (only the org engine draws marks)")
	}
}
