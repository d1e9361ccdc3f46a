// Package option is what a caller may ask of the renderer: the output
// format, the part of the chart, the page preset, theme and split, and
// their validation. The CLI and the service parse flags and requests into
// Options and validate them once, there, without importing the renderer.
package option

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Formats lists the output formats the renderer draws.
var Formats = []string{"svg", "png", "jpeg", "pdf", "dot", "mermaid", "pptx"}

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
	// Layout is the engine: "org" (the default, render/draw on
	// render/layout) or "dot" (Graphviz). "" means org, except that
	// Direction LR, which only Graphviz draws, means dot.
	Layout string
	// NoSplit keeps a preset's chart on one page even when its names come
	// out smaller than MinNamePoints (org engine).
	NoSplit bool
	// Title replaces the chart's own title (a CSV chart has none).
	Title string
	// PageFile, when not empty, is the file name pattern of numbered SVG
	// pages ("out-%d.svg"), so that a stub card links to its page's file.
	PageFile string
	// Limits bound the charts drawn through Graphviz (zero fields: the
	// defaults); see Limits.
	Limits Limits
	// Created, when not zero, is written into PDFs as their creation date
	// (from SOURCE_DATE_EPOCH); zero writes no date, so the same chart
	// always gives the same bytes.
	Created time.Time
	// Stream, set by a caller that writes the pages to files, leaves an SVG
	// page drawn by the org engine unwritten: render.Page.Write formats it
	// into the file, without holding it in memory (a 100,000-person poster
	// is 65 MB, and writing it while it is formatted is a fifth of the
	// whole render). Never parsed from a flag or request.
	Stream bool
	// Marks are changes to draw (org engine): joiners and movers marked on
	// their cards, leavers and notes in a panel under the chart. Set by the
	// pipeline (orgchart diff -o), never parsed from a flag or request.
	Marks []Mark
}

// Layouts lists the accepted values of Options.Layout ("" means org).
var Layouts = []string{"org", "dot"}

// MinNamePoints is the smallest name a page may carry, in points on the
// page, for the org engine's fitting: 7 pt on paper, and on a slide shown
// 1920x1080 pixels large (2 pixels a point for the 16:9 and 4:3 presets)
// 14 pixels.
const MinNamePoints = 7.0

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
		if _, ok := Presets[o.Preset]; !ok {
			return fmt.Errorf("unknown preset %q: want one of %s", o.Preset, strings.Join(PresetNames, ", "))
		}
	}
	if o.DPI < 0 || o.DPI > MaxDPI {
		return fmt.Errorf("dpi %g out of range: want 1 to %d (0 = %d)", o.DPI, MaxDPI, DefaultDPI)
	}
	if _, _, err := ParseSplit(o.Split); err != nil {
		return err
	}
	if o.Layout != "" && !slices.Contains(Layouts, o.Layout) {
		return fmt.Errorf("unknown layout %q: want one of %s", o.Layout, strings.Join(Layouts, ", "))
	}
	if o.OutputFormat() == "pptx" {
		if o.Engine() != "org" {
			return fmt.Errorf("pptx is drawn by the org layout only: drop the dot layout and the LR direction")
		}
		if o.Preset != "" && !strings.HasPrefix(o.Preset, "slide-") {
			return fmt.Errorf("preset %q is a paper size: pptx slides are slide-16x9 (the default) or slide-4x3", o.Preset)
		}
	}
	if o.Layout == "org" && o.Direction == "LR" {
		return fmt.Errorf("direction LR is drawn by the dot layout only: drop the direction or choose layout dot")
	}
	return nil
}

// Engine returns the layout engine that draws o: "org" or "dot" (see
// Options.Layout). Mermaid output takes no layout and reports "dot".
func (o Options) Engine() string {
	switch {
	case o.Layout == "dot", o.OutputFormat() == "mermaid":
		return "dot"
	case o.Layout == "" && o.Direction == "LR":
		return "dot"
	}
	return "org"
}

// OutputFormat returns o.Format, or "svg" when it is empty.
func (o Options) OutputFormat() string {
	if o.Format == "" {
		return "svg"
	}
	return o.Format
}

// ParseSplit parses Options.Split: "" (no split), "department" or
// "depth:N" with N ≥ 1.
func ParseSplit(s string) (kind string, depth int, err error) {
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

// Preset is a page: its size in inches, its margin, and the base font size
// that stays legible when the chart is scaled to the page.
type Preset struct {
	W, H, Margin float64 // inches
	Font         float64 // base font size, points
}

// PresetNames lists the accepted values of Options.Preset.
var PresetNames = []string{"a4", "letter", "slide-16x9", "slide-4x3"}

// Presets maps each name of PresetNames to its page.
var Presets = map[string]Preset{
	"slide-16x9": {W: 13.333, H: 7.5, Margin: 0.35, Font: 12},
	"slide-4x3":  {W: 10, H: 7.5, Margin: 0.35, Font: 12},
	"a4":         {W: 11.693, H: 8.268, Margin: 0.4, Font: 10}, // landscape
	"letter":     {W: 11, H: 8.5, Margin: 0.4, Font: 10},       // landscape
}
