package pipeline

import (
	"bytes"
	"fmt"

	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
	"github.com/orgchart/orgchart/stats"
)

// StatsFormats lists the formats DrawStats writes.
var StatsFormats = []string{"svg", "png", "jpeg", "pdf"}

// DrawStats draws s as a small chart (the span-of-control histogram and the
// people per department, stats.Draw) in format, one of StatsFormats, with
// the theme named themeName ("" for light). PNG and JPEG are drawn at
// option.DefaultDPI (a 1920×1080 image).
func DrawStats(s *stats.Stats, format, themeName string) ([]byte, error) {
	doc := stats.Draw(s, themeName)
	var b bytes.Buffer
	var err error
	ro := scene.RasterOptions{Scale: option.DefaultDPI / 72.0}
	switch format {
	case "svg", "":
		err = scene.WriteSVG(&b, doc, 1, scene.SVGOptions{})
	case "png":
		_, err = scene.WritePNG(&b, doc, 1, ro)
	case "jpeg":
		_, err = scene.WriteJPEG(&b, doc, 1, ro)
	case "pdf":
		err = scene.WritePDF(&b, doc)
	default:
		return nil, fmt.Errorf("draw stats: unknown format %q: want svg, png, jpeg or pdf", format)
	}
	if err != nil {
		return nil, &Error{Stage: StageRender, Name: s.File, Err: fmt.Errorf("draw stats: %w", err)}
	}
	return b.Bytes(), nil
}
