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
//   - Output is deterministic: the same chart, findings and Options give the
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
	"slices"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// Formats lists the output formats Render accepts.
var Formats = []string{"svg", "png", "jpeg", "pdf", "dot", "mermaid"}

// Directions lists the accepted values of Options.Direction ("" means TB).
var Directions = []string{"TB", "LR"}

// Themes lists the accepted values of Options.Theme ("" means light).
var Themes = []string{"light", "dark", "print"}

// Options chooses what is drawn and how. The zero value draws the whole chart
// as SVG, top to bottom, light theme, findings shown.
type Options struct {
	Format      string  // one of Formats; "" means svg
	Root        string  // draw only this entry's subtree (id)
	Depth       int     // levels below the root (or the tops) to draw; 0 = all
	Highlight   string  // id whose chain of command is emphasised
	Redact      bool    // hide names and e-mail addresses; titles and roles stay
	Direction   string  // TB (default) or LR
	Theme       string  // light (default), dark or print (greyscale-friendly)
	Transparent bool    // no background fill (svg, png, pdf)
	Compact     bool    // stack teams of leaves in columns
	Preset      string  // page preset, one of PresetNames, or ""
	DPI         float64 // raster resolution for png/jpeg; 0 = DefaultDPI
	NoFindings  bool    // draw no findings
	Split       string  // "", "department" or "depth:N": one page per unit
}

// DefaultDPI is the raster resolution used when Options.DPI is 0.
const DefaultDPI = 144

// MaxDPI is the largest accepted Options.DPI.
const MaxDPI = 1200

// Validate reports an error naming the valid values when an option is
// unknown or out of range.
func (o Options) Validate() error {
	if o.Format != "" && !slices.Contains(Formats, o.Format) {
		return fmt.Errorf("unknown format %q: want one of %s", o.Format, strings.Join(Formats, ", "))
	}
	if o.Depth < 0 {
		return fmt.Errorf("depth %d is negative: want 0 (all levels) or more", o.Depth)
	}
	if o.Direction != "" && !slices.Contains(Directions, o.Direction) {
		return fmt.Errorf("unknown direction %q: want one of %s", o.Direction, strings.Join(Directions, ", "))
	}
	if o.Theme != "" && !slices.Contains(Themes, o.Theme) {
		return fmt.Errorf("unknown theme %q: want one of %s", o.Theme, strings.Join(Themes, ", "))
	}
	if o.Preset != "" {
		if _, ok := presets[o.Preset]; !ok {
			return fmt.Errorf("unknown preset %q: want one of %s", o.Preset, strings.Join(PresetNames, ", "))
		}
	}
	if o.DPI < 0 || o.DPI > MaxDPI {
		return fmt.Errorf("dpi %g out of range: want 1 to %d (0 = %d)", o.DPI, MaxDPI, DefaultDPI)
	}
	if _, _, err := parseSplit(o.Split); err != nil {
		return err
	}
	return nil
}

func (o Options) format() string {
	if o.Format == "" {
		return "svg"
	}
	return o.Format
}

// parseSplit parses Options.Split: "" (no split), "department" or
// "depth:N" with N ≥ 1.
func parseSplit(s string) (kind string, depth int, err error) {
	switch {
	case s == "":
		return "", 0, nil
	case s == "department":
		return "department", 0, nil
	case strings.HasPrefix(s, "depth:"):
		n, err := strconv.Atoi(strings.TrimPrefix(s, "depth:"))
		if err != nil || n < 1 {
			return "", 0, fmt.Errorf("bad split %q: want depth:N with N a whole number of at least 1", s)
		}
		return "depth", n, nil
	}
	return "", 0, fmt.Errorf("unknown split %q: want department or depth:N", s)
}

// Page is one page of a split render: its title and its bytes in the
// requested format. Note, when not empty, tells a person something about the
// page (a raster scaled down to fit MaxRasterPixels).
type Page struct {
	Title string
	Data  []byte
	Note  string
	// DPI is the resolution a png or jpeg page was drawn at (below the
	// requested one when capped), 0 for other formats. Under LegibleDPI the
	// cards' text is too small to read.
	DPI float64
}

// LegibleDPI is the lowest raster resolution at which the cards' text (10 pt
// and smaller) stays readable; a chart capped below it is better split into
// pages (Options.Split).
const LegibleDPI = 48

// Render draws the chart in opts.Format (svg, png, jpeg, pdf, dot or
// mermaid). findings are drawn unless opts.NoFindings; suppressed ones never
// are. Options.Split is ignored: use RenderPages for pages.
func Render(ctx context.Context, org *graph.Org, findings []diag.Diagnostic, opts Options) ([]byte, error) {
	opts.Split = ""
	pages, err := RenderPages(ctx, org, findings, opts)
	if err != nil {
		return nil, err
	}
	return pages[0].Data, nil
}

// RenderPages draws the chart as pages: one page when opts.Split is empty,
// else one page per top-level unit (see Options.Split), each titled. For pdf
// the result is a single Page holding one multi-page PDF; for other formats
// one Page per unit, in order.
func RenderPages(ctx context.Context, org *graph.Org, findings []diag.Diagnostic, opts Options) ([]Page, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if org == nil {
		return nil, fmt.Errorf("render: no chart")
	}
	c := newChart(org)
	if opts.format() != "mermaid" {
		if err := c.checkLimits(); err != nil { // limits.go
			return nil, err
		}
	}
	units, err := c.units(opts)
	if err != nil {
		return nil, err
	}
	f := opts.format()
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

// DOT returns the Graphviz DOT of the chart (Options.Split and Format are
// ignored). It is pure Go and deterministic.
func DOT(org *graph.Org, findings []diag.Diagnostic, opts Options) ([]byte, error) {
	c, u, opts, err := whole(org, opts, "dot")
	if err != nil {
		return nil, err
	}
	return c.dot(u, findings, opts), nil
}

// Mermaid returns a Mermaid `flowchart` of the chart that GitHub and GitLab
// render in Markdown (Options.Split and Format are ignored).
func Mermaid(org *graph.Org, findings []diag.Diagnostic, opts Options) ([]byte, error) {
	c, u, opts, err := whole(org, opts, "mermaid")
	if err != nil {
		return nil, err
	}
	return c.mermaid(u, findings, opts), nil
}

// whole validates opts for one unsplit page in format and returns the chart
// and its single unit, for the text formats that take no layout.
func whole(org *graph.Org, opts Options, format string) (*chart, *unit, Options, error) {
	opts.Split, opts.Format = "", format
	if err := opts.Validate(); err != nil {
		return nil, nil, opts, err
	}
	if org == nil {
		return nil, nil, opts, fmt.Errorf("render: no chart")
	}
	c := newChart(org)
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
