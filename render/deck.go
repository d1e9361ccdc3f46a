package render

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/draw"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/pptx"
	"github.com/orgchart/orgchart/render/scene"
)

// DeckChart is one chart of a slide deck: the built graph and the findings
// to draw (already filtered as for Pages).
type DeckChart struct {
	Graph    *graph.Graph
	Findings []diag.Diagnostic
}

// Deck draws each chart with the org engine, fitted and split for opts'
// slide preset (slide-16x9 when none is set), and writes them as one
// PowerPoint deck, their slides in order. Each slide's speaker notes list
// the findings drawn on it, with ruleURL(code) as their link when ruleURL
// is not nil; with opts.Redact they name the rule instead of quoting the
// message, which names entries. notes are what the drawing stage tells a
// person (splits, small names), prefixed with the chart's number when there
// are several.
func Deck(ctx context.Context, charts []DeckChart, opts option.Options, ruleURL func(code string) string) (data []byte, notes []string, err error) {
	if opts.Preset == "" {
		opts.Preset = "slide-16x9"
	}
	size := pptx.Wide
	if opts.Preset == "slide-4x3" {
		size = pptx.Standard
	}
	var in []pptx.Chart
	for k, c := range charts {
		if c.Graph == nil {
			return nil, nil, fmt.Errorf("render: no chart")
		}
		units, err := orgUnits(c.Graph, opts)
		if err != nil {
			return nil, nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		res, err := draw.Draw(c.Graph, c.Findings, opts, units)
		if err != nil {
			return nil, nil, fmt.Errorf("render: %w", err)
		}
		for _, n := range res.Notes {
			if len(charts) > 1 {
				n = "chart " + strconv.Itoa(k+1) + ": " + n
			}
			notes = append(notes, n)
		}
		in = append(in, pptx.Chart{Doc: res.Doc, Notes: slideNotes(c.Graph, res.Doc, c.Findings, opts.Redact, ruleURL)})
	}
	var b bytes.Buffer
	if err := pptx.Write(&b, size, in...); err != nil {
		return nil, nil, fmt.Errorf("render: %w", err)
	}
	return b.Bytes(), notes, nil
}

// slideNotes returns, for each page of doc, the findings drawn on it: those
// whose subject's card is on the page, or both ends of one of whose lines
// are; a finding about no entry goes on the first page.
func slideNotes(g *graph.Graph, doc *scene.Document, findings []diag.Diagnostic, redact bool, ruleURL func(string) string) [][]pptx.Note {
	on := make([]map[int]bool, len(doc.Pages))
	for k, pg := range doc.Pages {
		on[k] = map[int]bool{}
		var walk func([]scene.Item)
		walk = func(items []scene.Item) {
			for _, it := range items {
				if gr, ok := it.(scene.Group); ok {
					// Cards are groups of kind "card" with ID "c<index>" (see render/draw).
					if n, ok := strings.CutPrefix(gr.ID, "c"); ok && gr.Kind == "card" {
						if i, err := strconv.Atoi(n); err == nil {
							on[k][i] = true
						}
					}
					walk(gr.Items)
				}
			}
		}
		walk(pg.Items)
	}
	drawn := func(k int, id string) bool {
		i, ok := g.Lookup(id)
		return ok && on[k][i]
	}
	notes := make([][]pptx.Note, len(doc.Pages))
	for _, f := range findings {
		if f.Suppressed {
			continue
		}
		n := pptx.Note{Code: f.Code, Message: f.Message}
		if redact {
			n.Message = f.Rule + " (details hidden: the deck is redacted)"
		}
		if ruleURL != nil {
			n.URL = ruleURL(f.Code)
		}
		for k := range doc.Pages {
			here := f.Subject == "" && len(f.Lines) == 0 && k == 0
			here = here || (f.Subject != "" && drawn(k, f.Subject))
			for _, l := range f.Lines {
				here = here || (drawn(k, l.From) && drawn(k, l.To))
			}
			if here {
				notes[k] = append(notes[k], n)
			}
		}
	}
	return notes
}
