package pipeline

import (
	"context"
	"strings"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render"
	"github.com/orgchart/orgchart/render/option"
)

// Drawing is a chart drawn: the checked chart and its pages.
type Drawing struct {
	Chart *Chart
	Pages []render.Page
	// SuggestSplit, when not empty, is the option.Options.Split to suggest
	// because an unsplit raster page came out below render.LegibleDPI.
	SuggestSplit string
}

// Render checks src (the rules run once, whatever ropts.NoFindings says, so
// a caller can still report them) and draws it with ropts, which must have
// passed option.Options.Validate where they were parsed.
func Render(ctx context.Context, src Source, copts CheckOptions, ropts option.Options) (*Drawing, error) {
	c, err := Check(ctx, src, copts)
	if err != nil {
		return nil, err
	}
	return Draw(ctx, c, ropts)
}

// Draw draws a checked chart with ropts (see Render).
func Draw(ctx context.Context, c *Chart, ropts option.Options) (*Drawing, error) {
	if ropts.OutputFormat() == "pptx" {
		dd, err := drawDeck(ctx, []*Chart{c}, ropts)
		if err != nil {
			return nil, err
		}
		return &Drawing{Chart: c, Pages: []render.Page{{Title: c.Org.Title, Data: dd.Data, Note: strings.Join(dd.Notes, "; ")}}}, nil
	}
	var findings []diag.Diagnostic
	if !ropts.NoFindings {
		findings = c.Result.Active()
	}
	return drawPages(ctx, c, findings, ropts)
}

// drawPages draws c with findings (Draw's and DrawDiff's common part).
func drawPages(ctx context.Context, c *Chart, findings []diag.Diagnostic, ropts option.Options) (*Drawing, error) {
	pages, err := render.Pages(ctx, c.Graph, findings, ropts)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &Error{Stage: StageRender, Name: c.Org.File, Err: err}
	}
	d := &Drawing{Chart: c, Pages: pages}
	if ropts.Split == "" {
		for _, p := range pages {
			if p.DPI > 0 && p.DPI < render.LegibleDPI {
				d.SuggestSplit = render.SuggestSplit(c.Graph, ropts)
			}
		}
	}
	return d, nil
}
