package stats

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/report"
)

// Formats lists the output formats Write accepts, in the order shown to
// users.
var Formats = []string{"text", "json", "csv", "markdown"}

// Groupings lists the values of Options.By: the rows that text, CSV and
// Markdown add below the totals ("" adds none). JSON always has every group.
var Groupings = []string{"department", "unit"}

// Options tunes the output. The zero value is valid.
type Options struct {
	By string // "", "department" or "unit"
}

// Write writes s to w in format (one of Formats). An unknown format or
// grouping is an error, never a fallback.
func Write(w io.Writer, format string, s *Stats, opts Options) error {
	var groups []Group
	switch opts.By {
	case "":
	case "department":
		groups = s.Departments
	case "unit":
		groups = s.Units
	default:
		return fmt.Errorf("unknown stats grouping %q: want one of %s", opts.By, strings.Join(Groupings, ", "))
	}
	var err error
	switch format {
	case "text":
		err = writeText(w, s, opts.By, groups)
	case "json":
		err = writeJSON(w, s)
	case "csv":
		err = writeCSV(w, s, opts.By, groups)
	case "markdown":
		err = writeMarkdown(w, s, opts.By, groups)
	default:
		return fmt.Errorf("unknown stats format %q: want one of %s", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("write %s stats: %w", format, err)
	}
	return nil
}

// jsonStats is the JSON document (version 1):
//
//	{"version": 1, "title", "file", "headcount", "vacancies", "managers",
//	 "layers", "span": {"mean", "median", "max", "histogram": [{"span",
//	 "managers"}]}, "departments": [group], "units": [group],
//	 "security": [{"id", "name", "role", "distance_from_ceo", "board_line"}]}
//
// where a group is {"name", "id" (units: the head), "headcount",
// "vacancies", "managers", "layers", "span"}. distance_from_ceo is null when
// no CEO is in the leader's chain. Fields may be added, never renamed.
type jsonStats struct {
	Version     int      `json:"version"`
	Title       string   `json:"title"`
	File        string   `json:"file"`
	Headcount   int      `json:"headcount"`
	Vacancies   int      `json:"vacancies"`
	Managers    int      `json:"managers"`
	Layers      int      `json:"layers"`
	Span        Span     `json:"span"`
	Departments []Group  `json:"departments"`
	Units       []Group  `json:"units"`
	Security    []Leader `json:"security"`
}

func writeJSON(w io.Writer, s *Stats) error {
	t := s.Total
	doc := jsonStats{
		Version: 1, Title: s.Title, File: s.File,
		Headcount: t.Headcount, Vacancies: t.Vacancies, Managers: t.Managers, Layers: t.Layers, Span: t.Span,
		Departments: nonNil(s.Departments), Units: nonNil(s.Units), Security: nonNil(s.Security),
	}
	return report.WriteJSON(w, doc)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// number formats a mean or median in full ("2.5", "3").
func number(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// round2 formats a mean with at most two decimals ("2.33", "3").
func round2(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

var csvHeader = []string{"scope", "name", "id", "headcount", "vacancies", "managers", "layers", "span_mean", "span_median", "span_max"}

// writeCSV writes one row for the totals (scope "total") and one per group
// (scope "department" or "unit"), with full-precision means.
func writeCSV(w io.Writer, s *Stats, by string, groups []Group) error {
	cw := csv.NewWriter(w)
	row := func(scope string, g Group) []string {
		return []string{scope, g.Name, g.ID, strconv.Itoa(g.Headcount), strconv.Itoa(g.Vacancies),
			strconv.Itoa(g.Managers), strconv.Itoa(g.Layers), number(g.Span.Mean), number(g.Span.Median), strconv.Itoa(g.Span.Max)}
	}
	cw.Write(csvHeader)
	cw.Write(row("total", s.Total))
	for _, g := range groups {
		cw.Write(row(by, g))
	}
	cw.Flush()
	return cw.Error()
}

func distance(l Leader) string {
	if l.Distance == nil {
		return "no CEO above"
	}
	switch *l.Distance {
	case 0:
		return "is the CEO"
	case 1:
		return "1 level below the CEO"
	}
	return fmt.Sprintf("%d levels below the CEO", *l.Distance)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// writeText writes the totals, the span histogram, the security leaders and
// the grouped table for a person.
func writeText(w io.Writer, s *Stats, by string, groups []Group) error {
	bw := bufio.NewWriter(w)
	t := s.Total
	title := s.Title
	if title == "" {
		title = s.File
	} else if s.File != "" {
		title += " (" + s.File + ")"
	}
	fmt.Fprintf(bw, "%s\n", title)
	fmt.Fprintf(bw, "  headcount  %d\n  vacancies  %d\n  managers   %d\n  layers     %d\n", t.Headcount, t.Vacancies, t.Managers, t.Layers)
	fmt.Fprintf(bw, "  span       mean %s, median %s, max %d\n", round2(t.Span.Mean), number(t.Span.Median), t.Span.Max)
	if len(t.Span.Histogram) > 0 {
		fmt.Fprintf(bw, "span histogram (direct reports: managers)\n")
		most := 0
		for _, b := range t.Span.Histogram {
			most = max(most, b.Managers)
		}
		for _, b := range t.Span.Histogram {
			bar := strings.Repeat("█", max(1, b.Managers*40/most))
			fmt.Fprintf(bw, "  %3d  %-40s %d\n", b.Span, bar, b.Managers)
		}
	}
	fmt.Fprintf(bw, "security leaders\n")
	if len(s.Security) == 0 {
		fmt.Fprintf(bw, "  none (no entry holds CISO or CSO)\n")
	}
	for _, l := range s.Security {
		fmt.Fprintf(bw, "  %s %s: %s, line to the board: %s\n", l.Role, label(l), distance(l), yesNo(l.BoardLine))
	}
	if by != "" {
		fmt.Fprintf(bw, "by %s\n", by)
		fmt.Fprintf(bw, "  %-32s %9s %9s %8s %6s %9s %11s %8s\n", by, "headcount", "vacancies", "managers", "layers", "span mean", "span median", "span max")
		for _, g := range groups {
			name := g.Name
			if g.ID != "" && g.ID != g.Name {
				name += " (" + g.ID + ")"
			}
			fmt.Fprintf(bw, "  %-32s %9d %9d %8d %6d %9s %11s %8d\n", name, g.Headcount, g.Vacancies, g.Managers, g.Layers,
				round2(g.Span.Mean), number(g.Span.Median), g.Span.Max)
		}
	}
	return bw.Flush()
}

func label(l Leader) string {
	if l.Name != "" {
		return l.Name + " (" + l.ID + ")"
	}
	return l.ID
}

// writeMarkdown writes the totals, the grouped table, the span histogram
// and the security leaders as GitHub-flavoured Markdown tables.
func writeMarkdown(w io.Writer, s *Stats, by string, groups []Group) error {
	bw := bufio.NewWriter(w)
	title := s.Title
	if title == "" {
		title = s.File
	}
	fmt.Fprintf(bw, "### %s\n\n", report.MarkdownCell(title))
	fmt.Fprintf(bw, "| scope | headcount | vacancies | managers | layers | span mean | span median | span max |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	row := func(name string, g Group) {
		fmt.Fprintf(bw, "| %s | %d | %d | %d | %d | %s | %s | %d |\n", report.MarkdownCell(name), g.Headcount, g.Vacancies,
			g.Managers, g.Layers, round2(g.Span.Mean), number(g.Span.Median), g.Span.Max)
	}
	row("total", s.Total)
	for _, g := range groups {
		row(by+": "+g.Name, g)
	}
	bw.WriteString("\n#### Span of control\n\n| direct reports | managers |\n|---:|---:|\n")
	for _, b := range s.Total.Span.Histogram {
		fmt.Fprintf(bw, "| %d | %d |\n", b.Span, b.Managers)
	}
	bw.WriteString("\n#### Security leaders\n\n")
	if len(s.Security) == 0 {
		bw.WriteString("None: no entry holds CISO or CSO.\n")
	} else {
		bw.WriteString("| role | leader | distance from the CEO | line to the board |\n|---|---|---|---|\n")
		for _, l := range s.Security {
			fmt.Fprintf(bw, "| %s | %s | %s | %s |\n", l.Role, report.MarkdownCell(label(l)), distance(l), yesNo(l.BoardLine))
		}
	}
	return bw.Flush()
}
