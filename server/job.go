package server

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/render/option"
)

// chartName is the file name given to charts read from requests; it
// appears in positions ("chart:3:5").
const chartName = "chart"

// checkOptions converts checked request options to the pipeline's: the
// input format, role inference and profiles (the chart's own policy section
// applies; a server reads no policy file), capped at maxPeople entries.
func checkOptions(o Options, maxPeople int) pipeline.CheckOptions {
	return pipeline.CheckOptions{
		Load:      load.Options{Format: o["input"], NoInferRoles: o.Bool("no-infer-roles", false)},
		Profiles:  o.List("profile"),
		MaxPeople: maxPeople,
	}
}

// renderOptions converts checked diagram options to option.Options and
// validates their values: the one place the service parses them.
func renderOptions(o Options, format string) (option.Options, error) {
	ro := option.Options{
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
		Layout:      strings.ToLower(o["layout"]),
		NoSplit:     o.Bool("no-split", false),
	}
	if err := ro.Validate(); err != nil {
		return ro, errorf(http.StatusBadRequest, "diagram options: %v", err)
	}
	return ro, nil
}

// pipelineError turns a pipeline failure into the HTTP error to answer.
func pipelineError(err error) error {
	var pe *pipeline.Error
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Stage {
	case pipeline.StageLoad:
		return errorf(http.StatusBadRequest, "the chart cannot be read:\n%v", pe.Err)
	case pipeline.StageLimit:
		var le *pipeline.LimitError
		if errors.As(pe.Err, &le) {
			return errorf(http.StatusRequestEntityTooLarge, "the chart has %d entries; this server draws and checks at most %d", le.People, le.Max)
		}
		return errorf(http.StatusRequestEntityTooLarge, "%v", pe.Err)
	case pipeline.StagePolicy:
		return errorf(http.StatusBadRequest, "the chart's policy is invalid:\n%v", pe.Err)
	}
	return renderError(pe.Err) // errors.go
}

// Execute runs one render job in the calling process through the pipeline
// (read, check, draw). Errors are *Error values with the HTTP status to
// answer. It is what the worker process runs; callers in a long-lived
// process must serialise it (go-graphviz is not safe for concurrent use).
func Execute(ctx context.Context, job *Job) ([]byte, error) {
	ro, err := renderOptions(job.Options, job.Format)
	if err != nil {
		return nil, err
	}
	ro.Split = ""
	if job.Old != nil {
		return executeDiff(ctx, job, ro)
	}
	if ro.OutputFormat() == "svg" {
		ro.PageFile = pageQuery(job.Options)
	}
	src := pipeline.Source{Name: chartName, Data: job.Source}
	d, err := pipeline.Render(ctx, src, checkOptions(job.Options, job.MaxPeople), ro)
	if err != nil {
		return nil, pipelineError(err)
	}
	// A split chart is one PDF or deck, or for the one-image formats one
	// page per request, chosen with the page option.
	page := max(job.Options.Int("page"), 1)
	if page > len(d.Pages) {
		return nil, errorf(http.StatusBadRequest, "diagram option \"page\": the chart has %d page(s), not %d", len(d.Pages), page)
	}
	return d.Pages[page-1].Data, nil
}

// pageQuery is the link pattern from a page of a split SVG to page %d: the
// same request's options with page set, as a query relative to its URL (a
// GET of an encoded chart carries its options in the query).
func pageQuery(o Options) string {
	q := Options{}
	for k, v := range o {
		q[k] = v
	}
	q["page"] = "PAGE"
	s := strings.ReplaceAll("?"+q.Canonical(), "%", "%%")
	return strings.Replace(s, "page=PAGE", "page=%d", 1)
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
