package server

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/render"
)

// chartName is the file name given to charts read from requests; it
// appears in positions ("chart:3:5").
const chartName = "chart"

// loadChart reads a chart from a request's bytes (never from a file) and
// enforces the people cap.
func loadChart(src []byte, o Options, maxPeople int) (*graph.Org, error) {
	org, err := load.Chart(chartName, src, load.Options{Format: o["input"], NoInferRoles: o.Bool("no-infer-roles", false)})
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "the chart cannot be read:\n%v", err)
	}
	if maxPeople > 0 && len(org.People) > maxPeople {
		return nil, errorf(http.StatusRequestEntityTooLarge, "the chart has %d entries; this server draws and checks at most %d", len(org.People), maxPeople)
	}
	return org, nil
}

// policyFor builds the policy of a request: the default profiles, the
// chart's own policy section and the profile option.
func policyFor(org *graph.Org, o Options) (*check.Policy, error) {
	pol, err := check.NewPolicy(o.List("profile"), org.Policy)
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "the chart's policy is invalid:\n%v", err)
	}
	return pol, nil
}

// renderOptions converts checked diagram options to render.Options and
// validates their values.
func renderOptions(o Options, format string) (render.Options, error) {
	ro := render.Options{
		Format:      format,
		Root:        o["root"],
		Depth:       o.Int("depth"),
		Highlight:   o["highlight"],
		Redact:      o.Bool("redact", false),
		Direction:   strings.ToUpper(o["direction"]),
		Theme:       strings.ToLower(o["theme"]),
		Transparent: o.Bool("transparent", false),
		Compact:     o.Bool("compact", true),
		Preset:      strings.ToLower(o["preset"]),
		NoFindings:  !o.Bool("findings", true),
	}
	if err := ro.Validate(); err != nil {
		return ro, errorf(http.StatusBadRequest, "diagram options: %v", err)
	}
	return ro, nil
}

// Execute runs one render job in the calling process: load the chart, check
// it (unless findings=false), and render it. Errors are *Error values with
// the HTTP status to answer. It is what the worker process runs; callers in
// a long-lived process must serialise it (go-graphviz is not safe for
// concurrent use).
func Execute(ctx context.Context, job *Job) ([]byte, error) {
	ro, err := renderOptions(job.Options, job.Format)
	if err != nil {
		return nil, err
	}
	org, err := loadChart(job.Source, job.Options, job.MaxPeople)
	if err != nil {
		return nil, err
	}
	var findings []diag.Diagnostic
	if !ro.NoFindings {
		pol, err := policyFor(org, job.Options)
		if err != nil {
			return nil, err
		}
		findings = check.Run(org, pol).Active()
	}
	out, err := render.Render(ctx, org, findings, ro)
	if err != nil {
		return nil, renderError(err) // errors.go
	}
	return out, nil
}

// inProcess renders in the server's own process, one job at a time. A job
// that passes the deadline is answered with 408 but, go-graphviz ignoring
// cancellation, runs on to its end while holding the lock: use worker
// processes (Pool) in production.
type inProcess struct {
	mu      sync.Mutex
	timeout time.Duration
	render  func(context.Context, *Job) ([]byte, error)
}

func (ip *inProcess) Render(ctx context.Context, job *Job) ([]byte, error) {
	type answer struct {
		data []byte
		err  error
	}
	ch := make(chan answer, 1)
	go func() {
		ip.mu.Lock()
		defer ip.mu.Unlock()
		data, err := safeRender(ip.render, job)
		ch <- answer{data, err}
	}()
	t := time.NewTimer(ip.timeout)
	defer t.Stop()
	select {
	case a := <-ch:
		return a.data, a.err
	case <-t.C:
		return nil, errorf(http.StatusRequestTimeout, "the render took longer than %s: draw a smaller part of the chart (root, depth)", ip.timeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (ip *inProcess) Close() error { return nil }
