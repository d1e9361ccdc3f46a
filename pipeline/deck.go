package pipeline

import (
	"context"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render"
	"github.com/orgchart/orgchart/render/option"
)

// DeckDrawing is several charts drawn into one PowerPoint deck.
type DeckDrawing struct {
	Charts []*Chart
	Data   []byte   // the .pptx
	Notes  []string // what the drawing stage tells a person (splits, small names)
}

// Deck checks each source and draws them all, in order, into one
// PowerPoint deck (a board pack); ropts.Format must be "pptx". Each slide's
// notes list the findings drawn on it with a link to the rule's page.
func Deck(ctx context.Context, srcs []Source, copts CheckOptions, ropts option.Options) (*DeckDrawing, error) {
	var charts []*Chart
	for _, src := range srcs {
		c, err := Check(ctx, src, copts)
		if err != nil {
			return nil, err
		}
		charts = append(charts, c)
	}
	return drawDeck(ctx, charts, ropts)
}

// drawDeck draws checked charts into one deck.
func drawDeck(ctx context.Context, charts []*Chart, ropts option.Options) (*DeckDrawing, error) {
	in := make([]render.DeckChart, len(charts))
	for i, c := range charts {
		var findings []diag.Diagnostic
		if !ropts.NoFindings {
			findings = c.Result.Active()
		}
		in[i] = render.DeckChart{Graph: c.Graph, Findings: findings}
	}
	data, notes, err := render.Deck(ctx, in, ropts, check.DocURL)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		name := ""
		if len(charts) > 0 {
			name = charts[0].Org.File
		}
		return nil, &Error{Stage: StageRender, Name: name, Err: err}
	}
	return &DeckDrawing{Charts: charts, Data: data, Notes: notes}, nil
}
