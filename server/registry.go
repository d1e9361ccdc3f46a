package server

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/orgchart/orgchart/diff"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/server/store"
)

// The chart registry: named charts with numbered versions in Config.Store,
// embed URLs that always draw the latest version (/charts/NAME.svg) or a
// pinned one (/charts/NAME@N.svg), and the JSON API under /v1/charts.

// registryRoutes adds the registry's routes to mux when a store is set.
func (s *Server) registryRoutes(mux *http.ServeMux) {
	if s.cfg.Store == nil {
		return
	}
	mux.Handle("PUT /v1/charts/{name}", s.handle(s.putChart))
	mux.Handle("GET /v1/charts/{name}", s.handle(s.getChart))
	mux.Handle("DELETE /v1/charts/{name}", s.handle(s.deleteChart))
	mux.Handle("GET /v1/charts/{name}/versions", s.handle(s.listVersions))
	mux.Handle("GET /v1/charts/{name}/versions/{version}", s.handle(s.getVersion))
	mux.Handle("GET /v1/charts/{name}/diff", s.handle(s.diffVersions))
	mux.Handle("GET /charts/{file}", s.handle(s.chartImage))
}

// latestTTL is how long a server reuses a chart's latest version without
// asking the store again (its own writes replace it at once; another
// instance's show within latestTTL). It keeps a cached embed as cheap as a
// Kroki GET.
const latestTTL = time.Second

// maxLatest caps the charts whose latest version is kept in memory.
const maxLatest = 1024

// latestVersions remembers recently read latest versions.
type latestVersions struct {
	mu sync.Mutex
	m  map[string]latestEntry
}

type latestEntry struct {
	v  store.Version
	at time.Time
}

func (l *latestVersions) get(name string) (store.Version, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.m[name]
	if !ok || time.Since(e.at) > latestTTL {
		return store.Version{}, false
	}
	return e.v, true
}

func (l *latestVersions) put(v store.Version) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil || len(l.m) >= maxLatest {
		l.m = make(map[string]latestEntry)
	}
	l.m[v.Name] = latestEntry{v: v, at: time.Now()}
}

func (l *latestVersions) forget(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.m, name)
}

// latestVersion returns a chart's latest version, from memory when read
// within latestTTL.
func (s *Server) latestVersion(r *http.Request, name string) (store.Version, error) {
	if v, ok := s.latest.get(name); ok {
		return v, nil
	}
	v, err := s.version(r, name, 0)
	if err == nil {
		s.latest.put(v)
	}
	return v, err
}

// latestCache is the Cache-Control of a chart's latest drawing: short, so a
// deck or wiki page shows a change within a minute.
const latestCache = "public, max-age=60"

// maxListLimit caps a page of GET /v1/charts/{name}/versions.
const maxListLimit = 100

// parseIfMatch reads an If-Match header: the ETag "N" of a version
// (N from 1; the quotes may be left out). It returns 0 when h is empty.
func parseIfMatch(h string) (int, error) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, nil
	}
	if q, ok := strings.CutPrefix(h, `"`); ok {
		if h, ok = strings.CutSuffix(q, `"`); !ok {
			h = "" // an opening quote without a closing one
		}
	}
	n, err := strconv.Atoi(h)
	if err != nil || n < 1 || strings.TrimLeft(h, "0123456789") != "" {
		return 0, errorf(http.StatusBadRequest, `If-Match must be a version in quotes, such as "3"`)
	}
	return n, nil
}

// chartName returns the request's {name}, checked.
func chartNameOf(r *http.Request) (string, error) {
	name := r.PathValue("name")
	if !store.ValidName(name) {
		return "", errorf(http.StatusBadRequest, "invalid chart name %s: use 1 to 64 of a-z 0-9 . _ -, starting with a letter or digit", diag.Excerpt(name))
	}
	return name, nil
}

// authorize checks the bearer token a write (or, with Config.Private, any
// registry request) needs, and returns the token's label: the author.
func (s *Server) authorize(r *http.Request, write bool) (string, error) {
	if s.cfg.Tokens == nil || (!write && !s.cfg.Private) {
		return "", nil
	}
	label, ok := s.cfg.Tokens.match(r)
	if !ok {
		return "", &Error{Code: http.StatusUnauthorized, Msg: "a valid bearer token is needed: send Authorization: Bearer TOKEN"}
	}
	return label, nil
}

// chartRequest checks a registry request's {name} and its token (see
// authorize) and returns the name and the token's label.
func (s *Server) chartRequest(r *http.Request, write bool) (name, author string, err error) {
	if name, err = chartNameOf(r); err != nil {
		return "", "", err
	}
	author, err = s.authorize(r, write)
	return name, author, err
}

// version reads version n of a chart, the latest when n is 0.
func (s *Server) version(r *http.Request, name string, n int) (store.Version, error) {
	var v store.Version
	op := "get"
	if n == 0 {
		op = "latest"
	}
	err := s.storeOp(op, func() error {
		var err error
		if n == 0 {
			v, err = s.cfg.Store.Latest(r.Context(), name)
		} else {
			v, err = s.cfg.Store.Get(r.Context(), name, n)
		}
		return err
	})
	return v, err
}

// storeError maps a store failure to a response, timing and counting it.
func (s *Server) storeOp(op string, f func() error) error {
	start := time.Now()
	err := f()
	s.metrics.storeSecs.WithLabelValues(op).Observe(time.Since(start).Seconds())
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrNotFound):
		return errorf(http.StatusNotFound, "no such chart or version")
	case errors.Is(err, store.ErrPrecondition):
		return errorf(http.StatusPreconditionFailed, "the chart has a newer version than If-Match names: fetch it and retry")
	}
	s.metrics.storeErrors.WithLabelValues(op).Inc()
	s.log.Error("store", "op", op, "err", err.Error())
	return errorf(http.StatusServiceUnavailable, "the chart store is unavailable: try again later")
}

// chartJSON is a version as the API shows it.
type chartJSON struct {
	store.Version
	Embed map[string]string `json:"embed"`
}

func embedURLs(v store.Version) map[string]string {
	return map[string]string{
		"latest": "/charts/" + v.Name + ".svg",
		"pinned": "/charts/" + v.Name + "@" + strconv.Itoa(v.Number) + ".svg",
	}
}

// summaryOf counts a check result's active findings.
func summaryOf(c *pipeline.Chart) store.Summary {
	var s store.Summary
	for _, d := range c.Result.Active() {
		switch d.Severity {
		case diag.SeverityError:
			s.Errors++
		case diag.SeverityWarning:
			s.Warnings++
		case diag.SeverityInfo:
			s.Infos++
		}
	}
	return s
}

// putChart serves PUT /v1/charts/{name}: the body is the chart's source.
func (s *Server) putChart(w http.ResponseWriter, r *http.Request) error {
	name, author, err := s.chartRequest(r, true)
	if err != nil {
		return err
	}
	ifMatch, err := parseIfMatch(r.Header.Get("If-Match"))
	if err != nil {
		return err
	}
	body, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	opts, err := mergeOptions(queryOptions(r.URL.Query()), headerOptions(r.Header))
	if err != nil {
		return err
	}
	c, err := pipeline.Check(r.Context(), pipeline.Source{Name: name, Data: body}, checkOptions(opts, s.cfg.MaxPeople))
	if err != nil {
		return unprocessable(w, err)
	}
	var v store.Version
	var created bool
	if err := s.storeOp("put", func() error {
		v, created, err = s.cfg.Store.Put(r.Context(), store.Put{Name: name, Source: body, Author: author, Summary: summaryOf(c), IfMatch: ifMatch})
		return err
	}); err != nil {
		return err
	}
	s.latest.forget(name)
	w.Header().Set("ETag", `"`+strconv.Itoa(v.Number)+`"`)
	w.Header().Set("Location", "/v1/charts/"+name)
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return writeJSONStatus(w, status, chartJSON{Version: v, Embed: embedURLs(v)})
}

// unprocessable answers a chart that does not load or check: 422 with the
// positioned diagnostics as JSON (413 for a chart over the size limit).
func unprocessable(w http.ResponseWriter, err error) error {
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Stage == pipeline.StageLimit {
		return pipelineError(err)
	}
	type problem struct {
		File    string `json:"file,omitempty"`
		Line    int    `json:"line,omitempty"`
		Column  int    `json:"column,omitempty"`
		Message string `json:"message"`
	}
	var list diag.ErrorList
	var one *diag.Error
	switch {
	case errors.As(pe.Err, &list):
	case errors.As(pe.Err, &one):
		list = diag.ErrorList{one}
	default:
		list = diag.ErrorList{{Msg: pe.Err.Error()}}
	}
	out := struct {
		Error       string    `json:"error"`
		Diagnostics []problem `json:"diagnostics"`
	}{Error: fmt.Sprintf("the chart cannot be stored: its %s has problems", pe.Stage)}
	for _, e := range list {
		out.Diagnostics = append(out.Diagnostics, problem{e.Pos.File, e.Pos.Line, e.Pos.Column, e.Msg})
	}
	return writeJSONStatus(w, http.StatusUnprocessableEntity, out)
}

// getChart serves GET /v1/charts/{name}: the latest version's metadata.
func (s *Server) getChart(w http.ResponseWriter, r *http.Request) error {
	name, _, err := s.chartRequest(r, false)
	if err != nil {
		return err
	}
	v, err := s.version(r, name, 0)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", `"`+strconv.Itoa(v.Number)+`"`)
	w.Header().Set("Cache-Control", "no-cache")
	return writeJSONStatus(w, http.StatusOK, chartJSON{Version: v, Embed: embedURLs(v)})
}

// deleteChart serves DELETE /v1/charts/{name}.
func (s *Server) deleteChart(w http.ResponseWriter, r *http.Request) error {
	name, _, err := s.chartRequest(r, true)
	if err != nil {
		return err
	}
	if err := s.storeOp("delete", func() error { return s.cfg.Store.Delete(r.Context(), name) }); err != nil {
		return err
	}
	s.latest.forget(name)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// listVersions serves GET /v1/charts/{name}/versions?before=N&limit=M:
// newest first, the next page linked with Link: <...>; rel="next".
func (s *Server) listVersions(w http.ResponseWriter, r *http.Request) error {
	name, _, err := s.chartRequest(r, false)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	before, limit := 0, 20
	if v := q.Get("before"); v != "" {
		if before, err = strconv.Atoi(v); err != nil || before < 1 {
			return errorf(http.StatusBadRequest, "before must be a version number")
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > maxListLimit {
			return errorf(http.StatusBadRequest, "limit must be 1 to %d", maxListLimit)
		}
	}
	var list []store.Version
	if err := s.storeOp("list", func() error { list, err = s.cfg.Store.List(r.Context(), name, before, limit); return err }); err != nil {
		return err
	}
	if len(list) == limit && list[len(list)-1].Number > 1 {
		next := url.Values{"before": {strconv.Itoa(list[len(list)-1].Number)}, "limit": {strconv.Itoa(limit)}}
		w.Header().Set("Link", fmt.Sprintf(`</v1/charts/%s/versions?%s>; rel="next"`, name, next.Encode()))
	}
	if list == nil {
		list = []store.Version{}
	}
	w.Header().Set("Cache-Control", "no-cache")
	return writeJSONStatus(w, http.StatusOK, map[string]any{"name": name, "versions": list})
}

// getVersion serves GET /v1/charts/{name}/versions/{version}: the source.
func (s *Server) getVersion(w http.ResponseWriter, r *http.Request) error {
	name, _, err := s.chartRequest(r, false)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(r.PathValue("version"))
	if err != nil || n < 1 {
		return errorf(http.StatusBadRequest, "the version must be a number from 1")
	}
	v, err := s.version(r, name, n)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("ETag", `"`+v.Digest+`"`)
	h.Set("Cache-Control", cacheForever)
	w.Write(v.Source)
	return nil
}

// chartImage serves GET /charts/NAME.FORMAT (the latest version) and
// /charts/NAME@N.FORMAT (version N), drawn with the Kroki routes' options
// from the query.
func (s *Server) chartImage(w http.ResponseWriter, r *http.Request) error {
	file := r.PathValue("file")
	dot := strings.LastIndexByte(file, '.')
	if dot < 0 {
		return errorf(http.StatusNotFound, "name the format: /charts/NAME.svg (or .png, .pdf, ...)")
	}
	format, err := normalizeFormat(file[dot+1:])
	if err != nil {
		return err
	}
	name, pin, pinned := strings.Cut(file[:dot], "@")
	if !store.ValidName(name) {
		return errorf(http.StatusBadRequest, "invalid chart name %s", diag.Excerpt(name))
	}
	if _, err := s.authorize(r, false); err != nil {
		return err
	}
	opts, err := mergeOptions(queryOptions(r.URL.Query()), headerOptions(r.Header))
	if err != nil {
		return err
	}
	var v store.Version
	cacheControl := latestCache
	if pinned {
		n, err := strconv.Atoi(pin)
		if err != nil || n < 1 {
			return errorf(http.StatusBadRequest, "the version after @ must be a number from 1")
		}
		if v, err = s.version(r, name, n); err != nil {
			return err
		}
		cacheControl = cacheForever
	} else if v, err = s.latestVersion(r, name); err != nil {
		return err
	}
	return s.serveDiagram(w, r, &diagramRequest{Source: v.Source, Format: format, Options: opts}, cacheControl)
}

func writeJSONStatus(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	b, err := jsonIndent(v)
	if err != nil {
		return err
	}
	w.WriteHeader(status)
	w.Write(b)
	return nil
}

// diffVersions serves GET /v1/charts/{name}/diff?from=N&to=M: orgchart
// diff's JSON (or format=markdown|text) between two stored versions; to
// defaults to the latest, from to the one before to.
func (s *Server) diffVersions(w http.ResponseWriter, r *http.Request) error {
	name, _, err := s.chartRequest(r, false)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = "json"
	}
	if !slices.Contains(diff.Formats, format) {
		return errorf(http.StatusBadRequest, "unknown format %s: want one of %s", diag.Excerpt(format), strings.Join(diff.Formats, ", "))
	}
	num := func(key string) (int, error) {
		v := q.Get(key)
		if v == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return 0, errorf(http.StatusBadRequest, "%s must be a version number from 1", key)
		}
		return n, nil
	}
	from, err := num("from")
	if err != nil {
		return err
	}
	to, err := num("to")
	if err != nil {
		return err
	}
	b, err := s.version(r, name, to)
	if err != nil {
		return err
	}
	if from == 0 {
		from = max(b.Number-1, 1)
	}
	a, err := s.version(r, name, from)
	if err != nil {
		return err
	}
	label := func(v store.Version) string { return name + "@" + strconv.Itoa(v.Number) }
	res, err := pipeline.Diff(r.Context(), pipeline.Source{Name: label(a), Data: a.Source}, pipeline.Source{Name: label(b), Data: b.Source}, checkOptions(nil, s.cfg.MaxPeople))
	if err != nil {
		return joinedPipelineError(err)
	}
	var buf bytes.Buffer
	if err := diff.Write(&buf, format, res); err != nil {
		return err
	}
	return writeReport(w, format, buf.Bytes())
}
