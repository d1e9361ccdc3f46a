// Package render draws an org chart: it generates Graphviz DOT and Mermaid in
// pure Go (deterministic, golden-tested), lays the DOT out with go-graphviz
// (Graphviz 12 compiled to WebAssembly) into SVG, and converts that SVG to
// PNG, JPEG and PDF with github.com/tdewolff/canvas using fonts embedded in
// the binary.
//
// Invariants:
//   - No user text reaches Graphviz as raw DOT: node ids are "n<index>" (the
//     entry's index in Org.People) and every user string is escaped into an
//     HTML-like label (see escapeHTML).
//   - Output is deterministic: the same chart, findings and option.Options give the
//     same bytes.
//   - Edges are drawn from the manager to the report (the reverse of the
//     model's report → manager lines) so that managers sit above reports.
//   - Every go-graphviz call is serialised behind one package-level lock;
//     go-graphviz ignores context cancellation, so ctx is only checked before
//     and after a layout: real cancellation is the server's worker processes.
//   - render takes findings as plain data and never imports graph/check.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/option"
)

// Page is one page of a split render: its title and its bytes in the
// requested format. Note, when not empty, tells a person something about the
// page (a raster scaled down to fit MaxRasterPixels).
type Page struct {
	Title string
	Data  []byte // nil when Write is set
	// Write, when not nil, writes the page to w: an SVG page drawn with
	// option.Options.Stream, formatted straight into the file it goes to.
	// An error leaves w with part of the page.
	Write func(w io.Writer) error
	Note  string
	// DPI is the resolution a png or jpeg page was drawn at (below the
	// requested one when capped), 0 for other formats. Under LegibleDPI the
	// cards' text is too small to read.
	DPI float64
}

// Emit writes the page's bytes to w: Data, or what Write writes.
func (p Page) Emit(w io.Writer) error {
	if p.Write != nil {
		return p.Write(w)
	}
	_, err := w.Write(p.Data)
	return err
}

// LegibleDPI is the lowest raster resolution at which the cards' text (10 pt
// and smaller) stays readable; a chart capped below it is better split into
// pages (option.Options.Split).
const LegibleDPI = 48

// Pages draws the built chart g as pages with the engine opts.Engine()
// names. The dot engine draws one page when opts.Split is empty, else one page per top-level unit (see option.Options.Split), each titled.
// For pdf the result is a single Page holding one multi-page PDF; for other
// formats one Page per unit, in order. The org engine (render/draw) also
// splits a chart too large for its preset's page (see draw.Draw), and its
// dot format is the positioned DOT of each page (draw.WriteDOT). findings are drawn unless
// opts.NoFindings; suppressed ones never are. opts must have passed
// option.Options.Validate where they were parsed.
func Pages(ctx context.Context, g *graph.Graph, findings []diag.Diagnostic, opts option.Options) ([]Page, error) {
	if g == nil {
		return nil, fmt.Errorf("render: no chart")
	}
	if opts.OutputFormat() == "pptx" {
		data, notes, err := Deck(ctx, []DeckChart{{Graph: g, Findings: findings}}, opts, nil)
		if err != nil {
			return nil, err
		}
		return []Page{{Title: g.Org().Title, Data: data, Note: strings.Join(notes, "; ")}}, nil
	}
	if opts.Engine() == "org" {
		return orgPages(ctx, g, findings, opts)
	}
	c := newChart(g)
	if opts.OutputFormat() != "mermaid" {
		if err := c.checkLimits(opts.Limits); err != nil { // limits.go
			return nil, err
		}
	}
	units, err := c.units(opts)
	if err != nil {
		return nil, err
	}
	f := opts.OutputFormat()
	var pages []Page
	var svgs [][]byte
	for _, u := range units {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var data []byte
		switch f {
		case "mermaid":
			data = c.mermaid(u, findings, opts)
		default:
			data = c.dot(u, findings, opts)
		}
		if f == "dot" || f == "mermaid" {
			pages = append(pages, Page{Title: u.title, Data: data})
			continue
		}
		svg, err := layoutSVG(ctx, data)
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", unitName(u), err)
		}
		switch f {
		case "svg":
			pages = append(pages, Page{Title: u.title, Data: svgFontFallback(svg)})
		case "pdf":
			svgs = append(svgs, svg)
		default:
			img, dpi, note, err := rasterize(svg, f, opts)
			if err != nil {
				return nil, fmt.Errorf("render %s: %w", unitName(u), err)
			}
			pages = append(pages, Page{Title: u.title, Data: img, Note: note, DPI: dpi})
		}
	}
	if f == "pdf" {
		titles := make([]string, len(units))
		for i, u := range units {
			titles[i] = u.title
		}
		data, err := toPDF(svgs, titles, opts)
		if err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
		title := ""
		if len(units) > 0 {
			title = units[0].title
		}
		pages = []Page{{Title: title, Data: data}}
	}
	return pages, nil
}

func unitName(u *unit) string {
	if u.title == "" {
		return "chart"
	}
	return strconv.Quote(u.title)
}

// DOT returns the Graphviz DOT of the chart (option.Options.Split and Format are
// ignored). It is pure Go and deterministic.
func DOT(g *graph.Graph, findings []diag.Diagnostic, opts option.Options) ([]byte, error) {
	c, u, opts, err := whole(g, opts, "dot")
	if err != nil {
		return nil, err
	}
	return c.dot(u, findings, opts), nil
}

// Mermaid returns a Mermaid `flowchart` of the chart that GitHub and GitLab
// render in Markdown (option.Options.Split and Format are ignored).
func Mermaid(g *graph.Graph, findings []diag.Diagnostic, opts option.Options) ([]byte, error) {
	c, u, opts, err := whole(g, opts, "mermaid")
	if err != nil {
		return nil, err
	}
	return c.mermaid(u, findings, opts), nil
}

// whole returns the chart and its single unsplit unit in format, for the
// text formats that take no layout.
func whole(g *graph.Graph, opts option.Options, format string) (*chart, *unit, option.Options, error) {
	opts.Split, opts.Format = "", format
	if g == nil {
		return nil, nil, opts, fmt.Errorf("render: no chart")
	}
	c := newChart(g)
	units, err := c.units(opts)
	if err != nil {
		return nil, nil, opts, err
	}
	return c, units[0], opts, nil
}

// svgFontFamily is what Graphviz writes for fontName; svgFontStack is what
// an SVG viewer gets instead: the metric-compatible families in the order a
// viewer is likely to have them (Helvetica on macOS, Arial on Windows,
// Liberation Sans on Linux), so text keeps the widths Graphviz laid out and
// left-aligned legend entries do not run into each other. PNG, JPEG and PDF
// are drawn with the embedded Liberation Sans and do not depend on this.
const (
	svgFontFamily = `font-family="Helvetica,sans-Serif"`
	svgFontStack  = `font-family="Helvetica,Arial,'Liberation Sans',sans-serif"`
)

// svgFontFallback rewrites Graphviz's font-family attributes to svgFontStack.
func svgFontFallback(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte(svgFontFamily), []byte(svgFontStack))
}
