package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph/diag"

	"github.com/orgchart/orgchart/diff"
	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/stats"
)

// textTypes are the content types of the text formats of diff and stats.
var textTypes = map[string]string{
	"json":     "application/json",
	"text":     "text/plain; charset=utf-8",
	"markdown": "text/markdown; charset=utf-8",
	"csv":      "text/csv; charset=utf-8",
}

// chartOptions reads the query and Kroki-Diagram-Options-* headers of a
// diff or stats request: format (default json, one of formats), the chart
// options profile, input and no-infer-roles, and the extra query parameters
// named in extra, returned by name.
func (s *Server) chartOptions(r *http.Request, formats []string, extra ...string) (format string, opts pipeline.CheckOptions, more map[string]string, err error) {
	format, o, more, err := s.chartOptionMap(r, formats, extra...)
	if err != nil {
		return "", opts, nil, err
	}
	return format, checkOptions(o, s.cfg.MaxPeople), more, nil
}

// chartOptionMap is chartOptions with the chart options as the request
// gave them (for a render job).
func (s *Server) chartOptionMap(r *http.Request, formats []string, extra ...string) (format string, o Options, more map[string]string, err error) {
	q := r.URL.Query()
	format = strings.ToLower(q.Get("format"))
	if format == "" {
		format = "json"
	}
	if !slices.Contains(formats, format) {
		return "", nil, nil, errorf(http.StatusBadRequest, "unknown format %s: want one of %s", diag.Excerpt(q.Get("format")), strings.Join(formats, ", "))
	}
	q.Del("format")
	more = map[string]string{}
	for _, k := range extra {
		more[k] = q.Get(k)
		q.Del(k)
	}
	o, err = mergeOptions(queryOptions(q), headerOptions(r.Header))
	if err != nil {
		return "", nil, nil, err
	}
	for k := range o {
		if k != "profile" && k != "input" && k != "no-infer-roles" {
			return "", nil, nil, errorf(http.StatusBadRequest, "option %s does not apply here: use format, profile, input or no-infer-roles%s", diag.Excerpt(k), listExtra(extra))
		}
	}
	return format, o, more, nil
}

func listExtra(extra []string) string {
	if len(extra) == 0 {
		return ""
	}
	return " or " + strings.Join(extra, ", ")
}

// diffRequest is the JSON body of POST /v1/diff.
type diffRequest struct {
	Old *string `json:"old"`
	New *string `json:"new"`
}

// diffBodies reads the two charts of POST /v1/diff: a JSON object
// {"old": "...", "new": "..."}, or multipart/form-data with the parts (form
// fields or files) "old" and "new".
func diffBodies(contentType string, body []byte) (old, new []byte, err error) {
	mt, params, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		var req diffRequest
		if err := decodeJSON(body, &req, "diff request", `{"old": "<chart>", "new": "<chart>"}`); err != nil {
			return nil, nil, err
		}
		if req.Old == nil || req.New == nil {
			return nil, nil, errorf(http.StatusBadRequest, "the diff request needs both \"old\" and \"new\" charts")
		}
		old, new = []byte(*req.Old), []byte(*req.New)
	case mt == "multipart/form-data":
		parts := map[string][]byte{}
		mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
		for {
			p, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, nil, errorf(http.StatusBadRequest, "the multipart body cannot be read: %s", diag.Clip(err.Error()))
			}
			name := p.FormName()
			if name != "old" && name != "new" {
				return nil, nil, errorf(http.StatusBadRequest, "unknown part %s: send the parts \"old\" and \"new\"", diag.Excerpt(name))
			}
			if _, dup := parts[name]; dup {
				return nil, nil, errorf(http.StatusBadRequest, "the part %q is sent twice", name)
			}
			// The whole body is already capped by readBody.
			data, err := io.ReadAll(p)
			if err != nil {
				return nil, nil, errorf(http.StatusBadRequest, "the multipart body cannot be read: %s", diag.Clip(err.Error()))
			}
			parts[name] = data
		}
		var ok1, ok2 bool
		old, ok1 = parts["old"]
		new, ok2 = parts["new"]
		if !ok1 || !ok2 {
			return nil, nil, errorf(http.StatusBadRequest, "the diff request needs both parts, \"old\" and \"new\"")
		}
	default:
		return nil, nil, errorf(http.StatusUnsupportedMediaType, "send the two charts as application/json {\"old\": ..., \"new\": ...} or multipart/form-data with parts old and new")
	}
	for _, c := range [][]byte{old, new} {
		if len(bytes.TrimSpace(c)) == 0 {
			return nil, nil, errorf(http.StatusBadRequest, "a chart is empty: send both \"old\" and \"new\" (YAML, JSON or CSV)")
		}
	}
	return old, new, nil
}

// diff serves POST /v1/diff: two versions of a chart in, the comparison
// out (format json, the default, markdown or text). Positions name the
// charts "old" and "new".
func (s *Server) diff(w http.ResponseWriter, r *http.Request) error {
	format, o, _, err := s.chartOptionMap(r, append(slices.Clone(diff.Formats), diffImages...))
	if err != nil {
		return err
	}
	opts := checkOptions(o, s.cfg.MaxPeople)
	body, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	old, new, err := diffBodies(r.Header.Get("Content-Type"), body)
	if err != nil {
		return err
	}
	if slices.Contains(diffImages, format) {
		// Drawn in a render worker, as the Kroki routes draw.
		data, err := s.render.Render(r.Context(), &Job{Source: new, Old: old, Format: format, Options: o, MaxPeople: s.cfg.MaxPeople})
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return errorf(499, "the client closed the request")
			}
			return err
		}
		w.Header().Set("Content-Type", contentTypes[format])
		w.Header().Set("Cache-Control", "no-store")
		if format == "svg" {
			w.Header().Set("Content-Security-Policy", imageCSP)
		}
		_, err = w.Write(data)
		return err
	}
	res, err := pipeline.Diff(r.Context(), pipeline.Source{Name: "old", Data: old}, pipeline.Source{Name: "new", Data: new}, opts)
	if err != nil {
		return joinedPipelineError(err)
	}
	var buf bytes.Buffer
	if err := diff.Write(&buf, format, res); err != nil {
		return err
	}
	return writeReport(w, format, buf.Bytes())
}

// diffImages are the formats POST /v1/diff draws (pipeline.DrawDiff).
var diffImages = []string{"svg", "png", "pdf"}

// executeDiff runs a drawn-diff job (Job.Old set) in the calling process:
// both charts checked with the job's options, NEW drawn with the changes
// marked.
func executeDiff(ctx context.Context, job *Job, ro option.Options) ([]byte, error) {
	res, err := pipeline.Diff(ctx, pipeline.Source{Name: "old", Data: job.Old}, pipeline.Source{Name: "new", Data: job.Source}, checkOptions(job.Options, job.MaxPeople))
	if err != nil {
		return nil, joinedPipelineError(err)
	}
	ro.Compact = true
	d, err := pipeline.DrawDiff(ctx, res, ro)
	if err != nil {
		return nil, pipelineError(err)
	}
	return d.Pages[0].Data, nil
}

// stats serves POST /v1/stats: a chart in, its statistics out (format
// json, the default, csv, markdown or text; by=department|unit for the
// tables).
func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	format, opts, more, err := s.chartOptions(r, stats.Formats, "by")
	if err != nil {
		return err
	}
	by := more["by"]
	if by != "" && !slices.Contains(stats.Groupings, by) {
		return errorf(http.StatusBadRequest, "unknown by %s: want one of %s", diag.Excerpt(by), strings.Join(stats.Groupings, ", "))
	}
	body, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return errorf(http.StatusBadRequest, "the chart is empty: send a chart (YAML, JSON or CSV) as the body")
	}
	st, err := pipeline.Stats(r.Context(), pipeline.Source{Name: chartName, Data: body}, opts)
	if err != nil {
		return pipelineError(err)
	}
	var buf bytes.Buffer
	if err := stats.Write(&buf, format, st, stats.Options{By: by}); err != nil {
		return err
	}
	return writeReport(w, format, buf.Bytes())
}

func writeReport(w http.ResponseWriter, format string, data []byte) error {
	w.Header().Set("Content-Type", textTypes[format])
	w.Header().Set("Cache-Control", "no-store")
	_, err := w.Write(data)
	return err
}

// joinedPipelineError is pipelineError for a failure that may join both
// charts' failures: the status of the first, every message.
func joinedPipelineError(err error) error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok || len(j.Unwrap()) < 2 {
		return pipelineError(err)
	}
	first := pipelineError(err)
	he, ok := first.(*Error)
	if !ok {
		return first
	}
	msgs := make([]string, 0, len(j.Unwrap()))
	for _, e := range j.Unwrap() {
		msgs = append(msgs, pipelineError(e).Error())
	}
	return &Error{Code: he.Code, Msg: strings.Join(msgs, "\n")}
}
