package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/orgchart/orgchart/graph/diag"
	"log/slog"
	"net/http"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/report"
)

// imageCSP is the Content-Security-Policy of SVG (and error HTML)
// responses: no scripts, no fetches, inline styles only.
const imageCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"

// routes builds the handler: the mux wrapped in the middleware.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	t := "/" + DiagramType
	mux.Handle("GET "+t+"/{format}/{encoded}", s.handle(s.getDiagram))
	mux.Handle(t+"/{format}/{encoded}", s.handle(s.methodNotAllowed("GET")))
	mux.Handle("POST "+t, s.handle(s.postDiagram))
	mux.Handle("POST "+t+"/{format}", s.handle(s.postDiagram))
	mux.Handle(t, s.handle(s.methodNotAllowed("POST")))
	mux.Handle(t+"/{format}", s.handle(s.methodNotAllowed("POST")))
	mux.Handle("POST /{$}", s.handle(s.postRoot))
	mux.Handle("POST /v1/validate", s.handle(s.validate))
	mux.Handle("POST /v1/diff", s.handle(s.diff))
	mux.Handle("POST /v1/stats", s.handle(s.stats))
	mux.Handle("GET /v1/rules", s.handle(s.rules))
	for _, p := range []string{"/health", "/healthz", "/v1/health"} {
		mux.Handle("GET "+p, s.handle(s.health))
	}
	s.registryRoutes(mux)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
	mux.Handle("GET /{$}", s.handle(s.editorPage))
	mux.Handle("GET /assets/{name}", s.handle(s.editorAsset))
	mux.Handle("/", s.handle(s.notFound))
	return s.middleware(mux)
}

// statusRecorder records what a handler wrote, for logs and metrics.
type statusRecorder struct {
	http.ResponseWriter
	status    int
	bytes     int64
	wrote     bool
	requestID string
	errMsg    string
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.status, r.wrote = http.StatusOK, true
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,128}$`)

func newRequestID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// middleware adds, around every request: a request id (X-Request-Id in and
// out), panic recovery, the URI and header limits (414, 431), CORS (and the
// answer to OPTIONS), one log record, and the request metrics.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if !requestIDPattern.MatchString(id) {
			id = newRequestID()
		}
		rec := &statusRecorder{ResponseWriter: w, requestID: id}
		h := w.Header()
		h.Set("X-Request-Id", id)
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Expose-Headers", "ETag, Link, Location, Retry-After, X-Request-Id")
		h.Set("X-Content-Type-Options", "nosniff")
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "request_id", id, "panic", fmt.Sprint(p))
				if !rec.wrote {
					s.writeError(rec, r, errorf(http.StatusInternalServerError, "internal error"))
				}
			}
			route := r.Pattern
			if route == "" {
				route = "none"
			}
			if rec.status == 0 {
				rec.status = http.StatusOK
			}
			d := time.Since(start)
			s.metrics.requests.WithLabelValues(route, strconv.Itoa(rec.status)).Inc()
			s.metrics.requestSecs.WithLabelValues(route).Observe(d.Seconds())
			attrs := []slog.Attr{
				slog.String("request_id", id),
				slog.String("method", r.Method),
				slog.String("route", route),
				slog.String("path", truncate(r.URL.Path, 120)),
				slog.Int("status", rec.status),
				slog.Float64("duration_ms", float64(d.Microseconds())/1000),
				slog.Int64("bytes", rec.bytes),
			}
			level := slog.LevelInfo
			if rec.errMsg != "" {
				attrs = append(attrs, slog.String("error", truncate(rec.errMsg, 300)))
			}
			if rec.status >= 500 {
				level = slog.LevelWarn
			}
			s.log.LogAttrs(r.Context(), level, "request", attrs...)
		}()
		if len(r.RequestURI) > s.cfg.MaxURIBytes {
			s.writeError(rec, r, errorf(http.StatusRequestURITooLong, "the request URI is %d bytes; the limit is %d: POST the chart instead", len(r.RequestURI), s.cfg.MaxURIBytes))
			return
		}
		if n := headerSize(r); n > s.cfg.MaxHeaderBytes {
			s.writeError(rec, r, errorf(http.StatusRequestHeaderFieldsTooLarge, "the request headers are %d bytes; the limit is %d", n, s.cfg.MaxHeaderBytes))
			return
		}
		if r.Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Authorization, If-Match, Content-Type, *")
			h.Set("Access-Control-Max-Age", "86400")
			h.Set("Allow", "GET, POST, PUT, DELETE, OPTIONS")
			rec.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(rec, r)
	})
}

// headerSize approximates the size of the request line and headers as sent.
func headerSize(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + 4
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// getDiagram serves GET /orgchart/{format}/{encoded}.
func (s *Server) getDiagram(w http.ResponseWriter, r *http.Request) error {
	format, err := normalizeFormat(r.PathValue("format"))
	if err != nil {
		return err
	}
	src, err := Decode(r.PathValue("encoded"), s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	if len(src) == 0 {
		return errorf(http.StatusBadRequest, "the diagram source is empty: send a chart (YAML, JSON or CSV)")
	}
	opts, err := mergeOptions(queryOptions(r.URL.Query()), headerOptions(r.Header))
	if err != nil {
		return err
	}
	return s.serveDiagram(w, r, &diagramRequest{Source: src, Format: format, Options: opts}, cacheForever)
}

// postDiagram serves POST /orgchart and POST /orgchart/{format}.
func (s *Server) postDiagram(w http.ResponseWriter, r *http.Request) error {
	return s.post(w, r, false)
}

// postRoot serves POST /: a JSON request naming its diagram type.
func (s *Server) postRoot(w http.ResponseWriter, r *http.Request) error {
	return s.post(w, r, true)
}

func (s *Server) post(w http.ResponseWriter, r *http.Request, root bool) error {
	if f := r.PathValue("format"); f != "" {
		if _, err := normalizeFormat(f); err != nil {
			return err
		}
	}
	body, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	req, err := parseDiagram(rawRequest{
		PathFormat:  r.PathValue("format"),
		Root:        root,
		ContentType: r.Header.Get("Content-Type"),
		Accept:      r.Header.Get("Accept"),
		Query:       r.URL.Query(),
		Header:      r.Header,
		Body:        body,
	})
	if err != nil {
		return err
	}
	return s.serveDiagram(w, r, req, "no-cache")
}

// methodNotAllowed answers other methods on the diagram routes: 405 with
// Allow, after checking the format (an unknown one is a 400 first).
func (s *Server) methodNotAllowed(allow string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if f := r.PathValue("format"); f != "" {
			if _, err := normalizeFormat(f); err != nil {
				return err
			}
		}
		return &Error{Code: http.StatusMethodNotAllowed, Allow: allow, Msg: fmt.Sprintf("method %s is not allowed here: use %s", diag.Clip(r.Method), allow)}
	}
}

// etagMatch reports whether an If-None-Match header matches etag.
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// cacheForever is the Cache-Control of responses whose URL names their
// content (a Kroki GET, a pinned registry version).
const cacheForever = "public, max-age=432000"

// serveDiagram answers a parsed render request: 304 when the client has
// it, the cached bytes when the server has them, else a render. SVG is sent
// gzip-compressed to clients that accept it (compressed once, then cached).
// cacheControl is the response's Cache-Control.
func (s *Server) serveDiagram(w http.ResponseWriter, r *http.Request, req *diagramRequest, cacheControl string) error {
	key := cacheKey(s.cfg.Version, req.Format, req.Options, req.Source)
	gz := req.Format == "svg" && acceptsGzip(r.Header.Get("Accept-Encoding"))
	etag := `"` + key[:32] + `"`
	if gz {
		etag = `"` + key[:32] + `-gz"` // another representation, another strong ETag
	}
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", cacheControl)
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, etag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	var data []byte
	hit := false
	if s.cache != nil && gz {
		data, hit = s.cache.get(key + "-gz")
	}
	if !hit && s.cache != nil {
		data, hit = s.cache.get(key)
		if hit && gz {
			data = s.gzipAndCache(key, data)
		}
	}
	if hit {
		s.metrics.cache.WithLabelValues("hit").Inc()
	} else {
		s.metrics.cache.WithLabelValues("miss").Inc()
		if _, err := renderOptions(req.Options, req.Format); err != nil {
			return err
		}
		start := time.Now()
		var err error
		data, err = s.render.Render(r.Context(), &Job{Source: req.Source, Format: req.Format, Options: req.Options, MaxPeople: s.cfg.MaxPeople})
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return errorf(499, "the client closed the request")
			}
			return err
		}
		s.metrics.renderSecs.WithLabelValues(req.Format).Observe(time.Since(start).Seconds())
		if s.cache != nil {
			s.cache.add(key, data)
		}
		if gz {
			data = s.gzipAndCache(key, data)
		}
	}
	h.Set("Content-Type", contentTypes[req.Format])
	if gz {
		h.Set("Content-Encoding", "gzip")
	}
	if req.Format == "svg" {
		h.Set("Content-Security-Policy", imageCSP)
	}
	if req.Format == "pptx" {
		// A deck is opened in PowerPoint, not shown in the browser.
		h.Set("Content-Disposition", `attachment; filename="orgchart.pptx"`)
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
	return nil
}

// gzipAndCache compresses a rendered SVG and caches the result.
func (s *Server) gzipAndCache(key string, data []byte) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	if s.cache != nil {
		s.cache.add(key+"-gz", b.Bytes())
	}
	return b.Bytes()
}

// acceptsGzip reports whether an Accept-Encoding header accepts gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && f > 0
		}
		return true
	}
	return false
}

// validateFormats are the report formats of POST /v1/validate.
var validateFormats = map[string]string{
	"json":  "application/json",
	"sarif": "application/sarif+json",
}

// validate serves POST /v1/validate: the body is a chart; the answer is the
// CLI's JSON report (or SARIF with ?format=sarif). Options profile, input
// and no-infer-roles come from the query or headers.
func (s *Server) validate(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	format := strings.ToLower(q.Get("format"))
	if format == "" {
		format = "json"
	}
	ct, ok := validateFormats[format]
	if !ok {
		return errorf(http.StatusBadRequest, "unknown report format %s: want json or sarif", diag.Excerpt(q.Get("format")))
	}
	q.Del("format")
	opts, err := mergeOptions(queryOptions(q), headerOptions(r.Header))
	if err != nil {
		return err
	}
	for k := range opts {
		if k != "profile" && k != "input" && k != "no-infer-roles" {
			return errorf(http.StatusBadRequest, "option %s does not apply to validation: use format, profile, input or no-infer-roles", diag.Excerpt(k))
		}
	}
	body, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return errorf(http.StatusBadRequest, "the chart is empty: send a chart (YAML, JSON or CSV) as the body")
	}
	c, err := pipeline.Check(r.Context(), pipeline.Source{Name: chartName, Data: body}, checkOptions(opts, s.cfg.MaxPeople))
	if err != nil {
		return pipelineError(err)
	}
	var buf bytes.Buffer
	if err := report.WriteOptions(&buf, format, []*check.Result{c.Result}, report.Options{ToolVersion: s.cfg.Version, Orgs: []*graph.Org{c.Org}}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
	return nil
}

// rules serves GET /v1/rules: the rule catalog and the profiles (in their
// one JSON form, check.Catalog), the diagram options and the formats.
func (s *Server) rules(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, "application/json", struct {
		Version string `json:"version"`
		check.Catalog
		Options []string `json:"diagram_options"`
		Formats []string `json:"formats"`
	}{Version: s.cfg.Version, Catalog: check.NewCatalog(), Options: OptionNames(), Formats: Formats})
}

// health serves /health, /healthz and /v1/health.
func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	out := map[string]any{
		"status": "pass",
		"version": map[string]string{
			"orgchart": s.cfg.Version,
			"go":       runtime.Version(),
		},
		"workers": s.workerCount(),
	}
	if s.cfg.Store != nil {
		st := map[string]string{"kind": s.cfg.Store.Kind(), "status": "pass"}
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.cfg.Store.Ping(ctx); err != nil {
			st["status"], st["output"] = "fail", "the store does not answer"
			out["status"] = "fail"
			w.Header().Set("Content-Type", "application/health+json")
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		out["store"] = st
	}
	return writeJSON(w, "application/health+json", out)
}

func writeJSON(w http.ResponseWriter, ct string, v any) error {
	b, err := jsonIndent(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ct)
	w.Write(b)
	return nil
}

// jsonIndent is the service's JSON: indented, with a final newline.
func jsonIndent(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	return append(b, '\n'), err
}

// notFound answers every path no route matches.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return errorf(http.StatusNotFound, "no route for %s %s: the editor is at /, renders at /%s/{format}/{encoded} and POST /%s/{format}", diag.Clip(r.Method), diag.Clip(r.URL.Path), DiagramType, DiagramType)
}
