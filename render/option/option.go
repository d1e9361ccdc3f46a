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
)

// Formats lists the output formats the renderer draws.
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
	return nil
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
