// Package pipeline is the one place where orgchart's stages are composed:
//
//	bytes → load (graph/load) → model (graph.Org) → graph.Build → check.Run
//	      → findings → render (pages) or report (written by the caller)
//
// The CLI (cmd/orgchart) and the service (server) call it and do nothing but
// I/O and the parsing of flags and requests; options arrive already parsed
// and validated. Every chart is resolved once, by graph.Build, and its rules
// run once; the built graph and the findings are handed to the renderer as
// data.
//
// Errors: a chart that cannot be read, an invalid policy, a chart over a
// size limit and a failed render come back as *Error, whose Stage says which
// (the service maps stages to HTTP statuses; the CLI to exit code 2).
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/load"
)

// Source is one chart's bytes and the name its positions carry.
type Source struct {
	Name string // "chart", "<stdin>" or a path: what positions and output show
	Data []byte
	// Path, when Data is nil, names a file to read (load.File, which reads
	// big files into huge pages).
	Path string
}

// CheckOptions say how charts are read and checked.
type CheckOptions struct {
	Load     load.Options
	Profiles []string // profiles to add (or, as -NAME, remove), applied last
	// Policy is a policy file applied over each chart's own policy section
	// (it wins for the same rule); nil for none.
	Policy *graph.PolicySpec
	// MaxPeople caps the entries of a chart; 0 means no cap.
	MaxPeople int
}

// Chart is one chart read, resolved and checked.
type Chart struct {
	Org    *graph.Org
	Graph  *graph.Graph
	Result *check.Result
}

// Stage names where a pipeline error arose.
type Stage string

// The stages that can fail.
const (
	StageLoad   Stage = "load"   // the chart cannot be read
	StageLimit  Stage = "limit"  // the chart is over a size limit
	StagePolicy Stage = "policy" // the policy (the chart's own or a file) is invalid
	StageRender Stage = "render" // the chart cannot be drawn with the options
)

// Error is a pipeline failure: the stage, the chart's name, and the cause
// (a positioned diag.ErrorList for load and policy errors, a *LimitError for
// limits).
type Error struct {
	Stage Stage
	Name  string
	Err   error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// LimitError says a chart has more entries than allowed.
type LimitError struct {
	People, Max int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("the chart has %d entries, more than the %d allowed", e.People, e.Max)
}

// Check reads src, builds its reporting graph, builds its policy (the
// default profiles, the chart's own section, opts.Policy, opts.Profiles) and
// runs the rules once.
func Check(ctx context.Context, src Source, opts CheckOptions) (*Chart, error) {
	org, err := readChart(ctx, src, opts)
	if err != nil {
		return nil, err
	}
	pol, err := check.NewPolicy(opts.Profiles, org.Policy, opts.Policy)
	if err != nil {
		return nil, &Error{Stage: StagePolicy, Name: src.Name, Err: err}
	}
	g := graph.Build(org)
	return &Chart{Org: org, Graph: g, Result: check.Run(g, pol)}, nil
}

// readChart reads src's chart within opts.MaxPeople: the load stage of Check
// and Import.
func readChart(ctx context.Context, src Source, opts CheckOptions) (*graph.Org, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	org, err := read(src, opts.Load)
	if err != nil {
		return nil, &Error{Stage: StageLoad, Name: src.Name, Err: err}
	}
	if opts.MaxPeople > 0 && len(org.People) > opts.MaxPeople {
		return nil, &Error{Stage: StageLimit, Name: src.Name, Err: &LimitError{People: len(org.People), Max: opts.MaxPeople}}
	}
	return org, nil
}

// read loads src's chart.
func read(src Source, opts load.Options) (*graph.Org, error) {
	if src.Data == nil && src.Path != "" {
		org, err := load.File(src.Path, opts)
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			return nil, fmt.Errorf("read chart: %w", pe)
		}
		return org, err
	}
	return load.Chart(src.Name, src.Data, opts)
}

// Validate checks every source (each is tried, so all problems show at once)
// and returns the charts in order, or the failures joined.
func Validate(ctx context.Context, srcs []Source, opts CheckOptions) ([]*Chart, error) {
	charts := make([]*Chart, 0, len(srcs))
	var errs []error
	for _, src := range srcs {
		c, err := Check(ctx, src, opts)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			errs = append(errs, err)
			continue
		}
		charts = append(charts, c)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return charts, nil
}

// Results returns the check results of charts, in order, for the report
// writers.
func Results(charts []*Chart) []*check.Result {
	out := make([]*check.Result, len(charts))
	for i, c := range charts {
		out[i] = c.Result
	}
	return out
}

// Orgs returns the models of charts, in order.
func Orgs(charts []*Chart) []*graph.Org {
	out := make([]*graph.Org, len(charts))
	for i, c := range charts {
		out[i] = c.Org
	}
	return out
}
