package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/graph/diag"

	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/render/option"
)

func init() { subcommands = append(subcommands, newRenderCmd) }

// splitExample is the -o to suggest with --split: out, or chart.png when
// writing to standard output (--split needs a file name).
func splitExample(out string) string {
	if out == "" || out == "-" {
		return "chart.png"
	}
	return out
}

// extFormats maps an output file extension to a render format.
var extFormats = map[string]string{
	".svg": "svg", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".pdf": "pdf",
	".dot": "dot", ".gv": "dot", ".mmd": "mermaid", ".mermaid": "mermaid",
	".pptx": "pptx",
}

func newRenderCmd(e *env) *cobra.Command {
	var (
		out    string
		opts   option.Options
		split  string
		failOn string
	)
	cmd := &cobra.Command{
		Use:   "render [flags] FILE...",
		Short: "Draw a chart as SVG, PNG, JPEG, PDF, DOT, Mermaid or PowerPoint, findings highlighted",
		Long: `Draw a chart as SVG, PNG, JPEG, PDF, DOT, Mermaid or a PowerPoint deck.

The format comes from --format, else from the -o extension (.svg .png .jpg
.jpeg .pdf .dot .gv .mmd .pptx), else svg. A PowerPoint deck (pptx) has
editable cards and glued connectors on 16:9 slides (--preset slide-4x3 for
4:3), an overview slide and one slide per unit when a chart is too large
for one, and the findings of each slide in its speaker notes; several
charts (orgchart render a.yaml b.yaml -o board-pack.pptx) make one deck,
their slides in order. -o - (the default) writes to standard
output. Files are written atomically. Findings of the rules (as validate
finds them, with --policy and --profile) are drawn unless --no-findings.
With --split, one page per department or per unit at a depth: a multi-page
PDF, or numbered files (out-1.svg, out-2.svg, ...) for other formats.
Managers with 4 or more reports who have no reports of their own get them
stacked in 2-3 columns (--compact, on by default; --compact=false draws
every report in one row).`,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: completeCharts,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format == "" {
				if f, ok := extFormats[strings.ToLower(filepath.Ext(out))]; ok && out != "-" {
					opts.Format = f
				} else if out != "" && out != "-" {
					return &usageError{fmt.Errorf("cannot tell the format from %q: use --format (%s)", out, strings.Join(option.Formats, ", "))}
				} else {
					opts.Format = "svg"
				}
			}
			opts.Split = split
			opts.Direction = strings.ToUpper(opts.Direction)
			if err := fileOptions(&opts, out); err != nil {
				return err
			}
			if err := opts.Validate(); err != nil {
				return &usageError{err}
			}
			return oneOf("--fail-on", failOn, failOnLevels)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&out, "output", "o", "-", "output `FILE` (- for standard output)")
	fs.StringVar(&opts.Format, "format", "", "output format: "+strings.Join(option.Formats, "|")+" (default: from -o, else svg)")
	fs.StringVar(&opts.Root, "root", "", "draw only the subtree of this `ID`")
	fs.IntVar(&opts.Depth, "depth", 0, "levels below the root (or the tops) to draw; 0 = all")
	fs.StringVar(&opts.Highlight, "highlight", "", "emphasise the chain of command of this `ID`")
	fs.BoolVar(&opts.Redact, "redact", false, "hide names and e-mail addresses (titles and roles stay)")
	fs.StringVar(&opts.Direction, "direction", "TB", "layout direction: TB|LR")
	fs.StringVar(&opts.Theme, "theme", "light", "colours: "+strings.Join(option.Themes, "|"))
	fs.BoolVar(&opts.Transparent, "transparent", false, "no background (svg, png, pdf)")
	fs.BoolVar(&opts.Compact, "compact", true, "stack 4 or more leaf reports of a manager in 2-3 columns so wide teams fit (--compact=false: one row)")
	fs.StringVar(&opts.Preset, "preset", "", "page preset: "+strings.Join(option.PresetNames, "|"))
	fs.Float64Var(&opts.DPI, "dpi", 0, "raster resolution for png/jpeg (default "+strconv.Itoa(option.DefaultDPI)+")")
	fs.BoolVar(&opts.NoFindings, "no-findings", false, "do not draw the rules' findings")
	fs.StringVar(&split, "split", "", "one page per unit: department|depth:N")
	fs.StringVar(&opts.Layout, "layout", "", "layout engine: org (tidy org-chart layout, fitted to --preset pages) or dot (Graphviz) (default org; dot with --direction LR)")
	fs.BoolVar(&opts.NoSplit, "no-split", false, "with --preset, keep one page even when names fall under the legible minimum (org layout)")
	fs.StringVar(&failOn, "fail-on", "none", "exit 1 (after writing the drawing) when a finding is at or above `SEVERITY`: error|warning|info|none")
	fs.StringVar(&opts.Title, "title", "", "the chart's title (replaces the chart's own; CSV charts have none)")
	inFlags := addInputFlags(cmd)
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(option.Formats))
	_ = cmd.RegisterFlagCompletionFunc("theme", fixedCompletion(option.Themes))
	_ = cmd.RegisterFlagCompletionFunc("direction", fixedCompletion(option.Directions))
	_ = cmd.RegisterFlagCompletionFunc("preset", fixedCompletion(option.PresetNames))
	_ = cmd.RegisterFlagCompletionFunc("layout", fixedCompletion(option.Layouts))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletion(failOnLevels))

	addLimitFlags(cmd, &opts.Limits) // limits.go
	parse := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := parse(cmd, args); err != nil {
			return err
		}
		copts, srcs, err := inFlags.inputs(e, args)
		if err != nil {
			return err
		}
		tuneGC(srcs...)
		if opts.Format == "pptx" {
			return renderDeck(e, cmd, srcs, copts, opts, out)
		}
		if len(srcs) > 1 {
			return &usageError{errors.New("several charts make one slide deck: only with -o deck.pptx (or --format pptx)")}
		}
		opts.Stream = true // writePages writes each page with Page.Emit
		d, err := pipeline.Render(cmd.Context(), srcs[0], copts, opts)
		if err != nil {
			return &usageError{err}
		}
		inFlags.notes(e.stderr, d.Chart.Org)
		file := d.Chart.Org.File
		active := d.Chart.Result.Active()
		if s := findingSummary(active); s != "" {
			fmt.Fprintf(e.stderr, "orgchart: %s: %s\n", file, s)
		}
		if err := writePages(e, out, file, d); err != nil {
			return err
		}
		threshold, _ := diag.ParseSeverity(failOn)
		for _, f := range active {
			if threshold != diag.SeverityNone && f.Severity >= threshold {
				return &exitError{exitFindings}
			}
		}
		return nil
	}
	return cmd
}

// findingSummary is the one line render prints about the findings, such as
// "1 error (ORG005), 3 warnings (SEC002 x2, SEC007); see orgchart validate",
// or "" when there are none.
func findingSummary(active []diag.Diagnostic) string {
	var parts []string
	for _, sev := range []diag.Severity{diag.SeverityError, diag.SeverityWarning, diag.SeverityInfo} {
		count := map[string]int{}
		var codes []string
		n := 0
		for _, f := range active {
			if f.Severity != sev {
				continue
			}
			n++
			if count[f.Code] == 0 {
				codes = append(codes, f.Code)
			}
			count[f.Code]++
		}
		if n == 0 {
			continue
		}
		slices.Sort(codes)
		for i, c := range codes {
			if count[c] > 1 {
				codes[i] = fmt.Sprintf("%s x%d", c, count[c])
			}
		}
		word := map[diag.Severity]string{diag.SeverityError: "error", diag.SeverityWarning: "warning", diag.SeverityInfo: "info"}[sev]
		if n != 1 && sev != diag.SeverityInfo {
			word += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s (%s)", n, word, strings.Join(codes, ", ")))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ") + "; see orgchart validate"
}

// writePages writes the drawn pages: one to out, several as numbered files
// beside it, saying which, after the drawing's notes.
// fileOptions sets what a drawing written to out takes from the files and
// the environment: the pattern its numbered SVG pages link each other by
// (out-1.svg, out-2.svg, ..., as writePages names them) and the creation
// date SOURCE_DATE_EPOCH asks for.
func fileOptions(opts *option.Options, out string) error {
	if out != "" && out != "-" {
		ext := filepath.Ext(out)
		opts.PageFile = strings.ReplaceAll(filepath.Base(strings.TrimSuffix(out, ext)), "%", "%%") + "-%d" + strings.ReplaceAll(ext, "%", "%%")
	}
	created, err := sourceDate(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return &usageError{fmt.Errorf("SOURCE_DATE_EPOCH: %v", err)}
	}
	opts.Created = created
	return nil
}

func writePages(e *env, out, file string, d *pipeline.Drawing) error {
	pages := d.Pages
	for _, p := range pages {
		if p.Note != "" {
			fmt.Fprintf(e.stderr, "orgchart: %s: %s\n", file, p.Note)
		}
	}
	if d.SuggestSplit != "" {
		fmt.Fprintf(e.stderr, "orgchart: %s: the text is too small to read: try --split %s -o %s (an overview, then one page per unit)\n",
			file, d.SuggestSplit, splitExample(out))
	}
	if len(pages) == 1 {
		return writeOutputWith(e.stdout, out, pages[0].Emit)
	}
	if out == "" || out == "-" {
		return &usageError{errors.New("this drawing has several pages: name the output with -o (out.svg gives out-1.svg, out-2.svg, ...)")}
	}
	ext := filepath.Ext(out)
	base := strings.TrimSuffix(out, ext)
	for i, p := range pages {
		name := fmt.Sprintf("%s-%d%s", base, i+1, ext)
		if err := writeOutputWith(e.stdout, name, p.Emit); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "orgchart: wrote %s (%s)\n", name, p.Title)
	}
	return nil
}
