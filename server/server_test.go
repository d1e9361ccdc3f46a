package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"image"
	_ "image/jpeg"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestKrokiEncodingExample(t *testing.T) {
	const src, enc = "digraph G {Hello->World}", "eNpLyUwvSizIUHBXqPZIzcnJ17ULzy_KSanlAgB1EAjQ"
	got, err := Decode(enc, 1<<20)
	if err != nil || string(got) != src {
		t.Fatalf("Decode(%q) = %q, %v, want %q", enc, got, err, src)
	}
	// Go's deflate emits other (equally valid) bytes than zlib's C code, so
	// the round trip is what must hold.
	if got, err := Decode(Encode([]byte(src)), 1<<20); err != nil || string(got) != src {
		t.Errorf("Decode(Encode(%q)) = %q, %v", src, got, err)
	}
	for _, in := range []string{enc + "=", enc + "==", "  " + enc + "\n"} {
		if got, err := Decode(in, 1<<20); err != nil || string(got) != src {
			t.Errorf("Decode(%q) = %q, %v, want %q", in, got, err, src)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		in   string
		max  int64
		code int
		want string
	}{
		{"not*base64", 100, 400, "not valid base64url"},
		{"aGVsbG8gd29ybGQ", 100, 400, "not valid zlib"},                          // "hello world"
		{Encode([]byte("x"))[:6], 100, 400, "not valid zlib"},                    // truncated stream
		{Encode(bytes.Repeat([]byte("a"), 5000)), 1000, 413, "larger than 1000"}, // expands past the cap
	}
	for _, tt := range tests {
		_, err := Decode(tt.in, tt.max)
		he, ok := err.(*Error)
		if !ok || he.Code != tt.code || !strings.Contains(he.Msg, tt.want) {
			t.Errorf("Decode(%q) error = %v, want %d containing %q", tt.in, err, tt.code, tt.want)
		}
	}
}

func TestNegotiate(t *testing.T) {
	tests := []struct {
		accept string
		want   string
	}{
		{"", "text/plain"},
		{"*/*", "text/plain"},
		{"application/json", "application/json"},
		{"image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", "image/svg+xml"},
		{"image/png", "image/png"},
		{"image/*, image/png", "image/png"},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"},
		{"application/json;q=0.2, text/plain;q=0.5", "text/plain"},
		{"text/plain;q=0, application/json;q=0.1", "application/json"},
		{"video/mp4", ""},
	}
	for _, tt := range tests {
		if got := negotiate(tt.accept, errorFormats); got != tt.want {
			t.Errorf("negotiate(%q) = %q, want %q", tt.accept, got, tt.want)
		}
	}
}

// TestRoutes drives every route of the real handler (in-process renderer).
func TestRoutes(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxBodyBytes: 64 << 10, MaxPeople: 50})
	enc := Encode([]byte(conflictChart))
	big := strings.Repeat("x", 70<<10)
	many := "people:\n"
	for i := range 60 {
		many += "  - id: p" + string(rune('a'+i/26)) + string(rune('a'+i%26)) + "\n"
	}
	tests := []struct {
		name, method, target, body string
		header                     []string
		code                       int
		ctype                      string // prefix of Content-Type
		contains                   []string
		hdr                        map[string]string
	}{
		{name: "get svg", method: "GET", target: "/orgchart/svg/" + enc, code: 200, ctype: "image/svg+xml",
			contains: []string{"<svg", "Dana Reyes"},
			hdr: map[string]string{"Cache-Control": "public, max-age=432000", "X-Content-Type-Options": "nosniff",
				"Content-Security-Policy": imageCSP, "Access-Control-Allow-Origin": "*"}},
		{name: "get format case-insensitive", method: "GET", target: "/orgchart/SVG/" + enc, code: 200, ctype: "image/svg+xml"},
		{name: "get padded", method: "GET", target: "/orgchart/svg/" + enc + "==", code: 200, ctype: "image/svg+xml"},
		{name: "get png", method: "GET", target: "/orgchart/png/" + enc, code: 200, ctype: "image/png"},
		{name: "get jpeg", method: "GET", target: "/orgchart/jpeg/" + enc, code: 200, ctype: "image/jpeg"},
		{name: "get pdf", method: "GET", target: "/orgchart/pdf/" + enc, code: 200, ctype: "application/pdf", contains: []string{"%PDF-"}},
		{name: "get unknown format", method: "GET", target: "/orgchart/gif/" + enc, code: 400,
			contains: []string{"Unsupported output format: gif for orgchart. Must be one of svg, png, jpeg, pdf, pptx"}},
		{name: "get bad base64", method: "GET", target: "/orgchart/svg/%21%21", code: 400, contains: []string{"base64"}},
		{name: "get bad zlib", method: "GET", target: "/orgchart/svg/aGVsbG8gd29ybGQ", code: 400, contains: []string{"zlib"}},
		{name: "get options", method: "GET", target: "/orgchart/svg/" + enc + "?direction=LR&theme=dark&findings=false", code: 200, ctype: "image/svg+xml"},
		{name: "get unknown option", method: "GET", target: "/orgchart/svg/" + enc + "?rankdir=LR", code: 400, contains: []string{`unknown diagram option "rankdir"`}},
		{name: "get bad option value", method: "GET", target: "/orgchart/svg/" + enc + "?theme=neon", code: 400, contains: []string{"neon"}},
		{name: "get bad header option", method: "GET", target: "/orgchart/svg/" + enc, header: []string{"Kroki-Diagram-Options-Shape", "box"},
			code: 400, contains: []string{`"Shape"`}},
		{name: "post raw", method: "POST", target: "/orgchart/svg", body: conflictChart, code: 200, ctype: "image/svg+xml", contains: []string{"Tom Baker"},
			hdr: map[string]string{"Cache-Control": "no-cache"}},
		{name: "post csv", method: "POST", target: "/orgchart/svg?input=csv", body: "id,name,manager id\nceo,Ann Lee,\ncto,Bo Chen,ceo\n",
			code: 200, ctype: "image/svg+xml", contains: []string{"Bo Chen"}},
		{name: "post json body", method: "POST", target: "/orgchart", header: []string{"Content-Type", "application/json"},
			body: mustJSON(map[string]any{"diagram_source": conflictChart, "output_format": "svg", "diagram_options": map[string]any{"findings": false}}),
			code: 200, ctype: "image/svg+xml"},
		{name: "post accept q-weights", method: "POST", target: "/orgchart", body: conflictChart,
			header: []string{"Accept", "image/png;q=0.5, image/svg+xml;q=0.9"}, code: 200, ctype: "image/svg+xml"},
		{name: "post accept pdf", method: "POST", target: "/orgchart", body: conflictChart,
			header: []string{"Accept", "application/pdf"}, code: 200, ctype: "application/pdf"},
		{name: "post pptx", method: "POST", target: "/orgchart/pptx", body: conflictChart, code: 200, ctype: pptxType, contains: []string{"PK\x03\x04", "ppt/slides/slide1.xml"},
			hdr: map[string]string{"Content-Disposition": `attachment; filename="orgchart.pptx"`}},
		{name: "get pptx", method: "GET", target: "/orgchart/pptx/" + enc + "?preset=slide-4x3", code: 200, ctype: pptxType, contains: []string{"PK\x03\x04"}},
		{name: "post accept pptx", method: "POST", target: "/orgchart", body: conflictChart, header: []string{"Accept", pptxType}, code: 200, ctype: pptxType},
		{name: "pptx on paper", method: "GET", target: "/orgchart/pptx/" + enc + "?preset=a4", code: 400, contains: []string{"slide-16x9"}},
		{name: "post no format", method: "POST", target: "/orgchart", body: conflictChart, code: 400, contains: []string{"no output format"}},
		{name: "post root", method: "POST", target: "/", header: []string{"Content-Type", "application/json"},
			body: mustJSON(map[string]any{"diagram_source": conflictChart, "diagram_type": "OrgChart", "output_format": "svg"}), code: 200, ctype: "image/svg+xml"},
		{name: "post root missing", method: "POST", target: "/", body: `{"diagram_source":"x"}`, code: 400,
			contains: []string{"lacks diagram_type, output_format"}},
		{name: "post root unknown type", method: "POST", target: "/", body: `{"diagram_source":"x","diagram_type":"plantuml","output_format":"svg"}`,
			code: 400, contains: []string{"Unsupported diagram type: plantuml. Must be one of orgchart"}},
		{name: "post root bad json", method: "POST", target: "/", body: `{"diagram_source":`, code: 400, contains: []string{"not a valid JSON"}},
		{name: "post empty", method: "POST", target: "/orgchart/svg", body: "  \n", code: 400, contains: []string{"empty"}},
		{name: "post unreadable chart", method: "POST", target: "/orgchart/svg", body: "people: [", code: 400, contains: []string{"chart:1"}},
		{name: "post too big", method: "POST", target: "/orgchart/svg", body: big, code: 413, contains: []string{"larger than 65536"}},
		{name: "post too many people", method: "POST", target: "/orgchart/svg", body: many, code: 413, contains: []string{"60 entries", "at most 50"}},
		{name: "put 405", method: "PUT", target: "/orgchart/svg", body: "x", code: 405, hdr: map[string]string{"Allow": "POST"}},
		{name: "get on post route 405", method: "GET", target: "/orgchart/png", code: 405, hdr: map[string]string{"Allow": "POST"}},
		{name: "delete type 405", method: "DELETE", target: "/orgchart", code: 405, hdr: map[string]string{"Allow": "POST"}},
		{name: "put unknown format 400 first", method: "PUT", target: "/orgchart/bmp", code: 400, contains: []string{"Unsupported output format: bmp"}},
		{name: "post encoded 405", method: "POST", target: "/orgchart/svg/" + enc, code: 405, hdr: map[string]string{"Allow": "GET"}},
		{name: "not found", method: "GET", target: "/plantuml/svg/abc", code: 404},
		{name: "uri too long", method: "GET", target: "/orgchart/svg/" + strings.Repeat("A", 5000), code: 414},
		{name: "headers too large", method: "GET", target: "/health", header: []string{"X-Big", strings.Repeat("b", 9000)}, code: 431},
		{name: "options preflight", method: "OPTIONS", target: "/orgchart/svg", header: []string{"Origin", "https://wiki.example", "Access-Control-Request-Method", "POST"},
			code: 204, hdr: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS"}},
		{name: "health", method: "GET", target: "/health", code: 200, ctype: "application/health+json", contains: []string{`"status": "pass"`}},
		{name: "healthz", method: "GET", target: "/healthz", code: 200, ctype: "application/health+json"},
		{name: "v1 health", method: "GET", target: "/v1/health", code: 200, ctype: "application/health+json"},
		{name: "rules", method: "GET", target: "/v1/rules", code: 200, ctype: "application/json", contains: []string{`"ORG005"`, `"dual-reporting"`}},
		{name: "validate json", method: "POST", target: "/v1/validate", body: conflictChart, code: 200, ctype: "application/json", contains: []string{`"ORG005"`}},
		{name: "validate sarif", method: "POST", target: "/v1/validate?format=sarif", body: conflictChart, code: 200, ctype: "application/sarif+json", contains: []string{`"2.1.0"`, "ORG005"}},
		{name: "validate bad profile", method: "POST", target: "/v1/validate?profile=nonsense", body: conflictChart, code: 400, contains: []string{"nonsense"}},
		{name: "validate bad format", method: "POST", target: "/v1/validate?format=junit", body: conflictChart, code: 400, contains: []string{"json or sarif"}},
		{name: "validate render option", method: "POST", target: "/v1/validate?theme=dark", body: conflictChart, code: 400, contains: []string{"does not apply"}},
		{name: "editor", method: "GET", target: "/", code: 200, ctype: "text/html", contains: []string{"<textarea"},
			hdr: map[string]string{"Content-Security-Policy": editorCSP}},
		{name: "editor asset", method: "GET", target: "/assets/app.js", code: 200, ctype: "text/javascript", contains: []string{"CompressionStream"}},
		{name: "editor asset missing", method: "GET", target: "/assets/nope.js", code: 404},
		{name: "request id echoed", method: "GET", target: "/health", header: []string{"X-Request-Id", "abc-123"}, code: 200,
			hdr: map[string]string{"X-Request-Id": "abc-123"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(s, tt.method, tt.target, tt.body, tt.header...)
			if w.Code != tt.code {
				t.Fatalf("%s %s = %d, want %d; body: %.300s", tt.method, truncate(tt.target, 60), w.Code, tt.code, w.Body.String())
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type = %q, want prefix %q", ct, tt.ctype)
			}
			for _, c := range tt.contains {
				if !strings.Contains(w.Body.String(), c) {
					t.Errorf("body does not contain %q: %.400s", c, w.Body.String())
				}
			}
			for k, v := range tt.hdr {
				if got := w.Header().Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			switch tt.ctype {
			case "image/png", "image/jpeg":
				img, format, err := image.Decode(bytes.NewReader(w.Body.Bytes()))
				if err != nil || img.Bounds().Dx() < 100 || "image/"+format != tt.ctype {
					t.Errorf("image.Decode = %v, %q, %v; want a %s of some size", img != nil, format, err, tt.ctype)
				}
			}
		})
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestLabelsEscaped checks that a name holding markup is drawn as text.
func TestLabelsEscaped(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	w := do(s, "POST", "/orgchart/svg", conflictChart)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	body := w.Body.String()
	if strings.Contains(strings.ToLower(body), "<script") {
		t.Errorf("SVG contains a <script element")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("SVG does not draw the name as escaped text")
	}
}

// TestErrorNegotiation checks each error format an Accept header can ask for.
func TestErrorNegotiation(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	const target = "/orgchart/gif/abc"
	const msg = "Unsupported output format: gif for orgchart. Must be one of svg, png, jpeg, pdf, pptx"

	w := do(s, "GET", target, "", "Accept", "application/json")
	var got map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatalf("json: %v: %s", err, w.Body)
	}
	want := map[string]any{"error": map[string]any{"code": float64(400), "message": msg}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON error (-want +got):\n%s", diff)
	}

	w = do(s, "GET", target, "", "Accept", "text/plain")
	if got := w.Body.String(); got != "Error 400: "+msg+"\n" {
		t.Errorf("text error = %q", got)
	}
	if ct := w.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("text error Content-Type = %q", ct)
	}

	w = do(s, "GET", target+"?x=<b>", "", "Accept", "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8")
	if ct := w.Header().Get("Content-Type"); ct != "image/svg+xml" || w.Code != 400 {
		t.Fatalf("img error = %d %q", w.Code, ct)
	}
	if b := w.Body.String(); !strings.HasPrefix(b, "<svg") || !strings.Contains(b, "Unsupported output format: gif") {
		t.Errorf("SVG error does not show the message: %.300s", b)
	}

	w = do(s, "GET", target, "", "Accept", "image/png")
	if ct := w.Header().Get("Content-Type"); ct != "image/png" {
		t.Fatalf("png error Content-Type = %q", ct)
	}
	img, err := png.Decode(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatalf("png error: %v", err)
	}
	// The text is drawn: some pixels are dark red/brown rather than the
	// pale background.
	dark := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X + 5; x < img.Bounds().Max.X-5; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r+g+b < 3*0x8000 {
				dark++
			}
		}
	}
	if dark < 200 {
		t.Errorf("PNG error image has %d dark pixels; want drawn text", dark)
	}

	w = do(s, "GET", target, "", "Accept", "text/html")
	if b := w.Body.String(); !strings.Contains(b, "<h1>Error 400: Bad Request</h1>") || !strings.Contains(b, "Unsupported output format") {
		t.Errorf("HTML error = %.300s", b)
	}
}

// TestOptionPrecedence checks JSON > header > query, lower-cased keys and
// aliases.
func TestOptionPrecedence(t *testing.T) {
	h := http.Header{}
	h.Set("Kroki-Diagram-Options-Theme", "print")
	h.Set("Kroki-Diagram-Options-LAYOUT", "TB")
	q := map[string][]string{"theme": {"dark"}, "Direction": {"LR"}, "depth": {"2"}, "Redact": {""}}
	body := mustJSON(map[string]any{"diagram_source": "x", "diagram_options": map[string]any{"THEME": "light", "profile": []any{"security", "core"}}})
	tests := []struct {
		name string
		raw  rawRequest
		want Options
	}{
		{"query only", rawRequest{PathFormat: "svg", Query: q, Body: []byte("x")},
			Options{"theme": "dark", "direction": "LR", "depth": "2", "redact": "true"}},
		{"header over query", rawRequest{PathFormat: "svg", Query: q, Header: h, Body: []byte("x")},
			Options{"theme": "print", "direction": "TB", "depth": "2", "redact": "true"}},
		{"json over header", rawRequest{PathFormat: "svg", Query: q, Header: h, ContentType: "application/json", Body: []byte(body)},
			Options{"theme": "light", "direction": "TB", "depth": "2", "redact": "true", "profile": "core,security"}},
	}
	for _, tt := range tests {
		req, err := parseDiagram(tt.raw)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, req.Options); diff != "" {
			t.Errorf("%s: options (-want +got):\n%s", tt.name, diff)
		}
	}
	// The canonical form, and so the cache key, ignores order and case.
	a, _ := mergeOptions(optionLayer{values: map[string]string{"Theme": "dark", "redact": "1"}})
	b, _ := mergeOptions(optionLayer{values: map[string]string{"redact": "yes", "theme": "dark"}})
	if a.Canonical() != b.Canonical() || a.Canonical() != "redact=true&theme=dark" {
		t.Errorf("Canonical = %q and %q, want both redact=true&theme=dark", a.Canonical(), b.Canonical())
	}
}

// TestETagAndCache checks ETag, If-None-Match → 304 and the cache metrics.
func TestETagAndCache(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	target := "/orgchart/svg/" + Encode([]byte(conflictChart))
	first := do(s, "GET", target, "")
	etag := first.Header().Get("ETag")
	if first.Code != 200 || len(etag) != 34 || etag[0] != '"' {
		t.Fatalf("first GET = %d, ETag %q", first.Code, etag)
	}
	second := do(s, "GET", target, "")
	if second.Header().Get("ETag") != etag || !bytes.Equal(second.Body.Bytes(), first.Body.Bytes()) {
		t.Errorf("second GET differs from the first")
	}
	nm := do(s, "GET", target, "", "If-None-Match", `"other", `+etag)
	if nm.Code != http.StatusNotModified || nm.Body.Len() != 0 || nm.Header().Get("ETag") != etag {
		t.Errorf("If-None-Match GET = %d, %d bytes, ETag %q; want 304, empty", nm.Code, nm.Body.Len(), nm.Header().Get("ETag"))
	}
	other := do(s, "GET", target+"?theme=dark", "")
	if other.Header().Get("ETag") == etag {
		t.Errorf("an option change kept the ETag")
	}
	post := do(s, "POST", "/orgchart/svg", conflictChart)
	if post.Header().Get("ETag") != etag {
		t.Errorf("POST of the same chart has ETag %q, want %q", post.Header().Get("ETag"), etag)
	}
	// gzip: another representation (ETag) of the same bytes, also cached.
	for range 2 {
		gz := do(s, "GET", target, "", "Accept-Encoding", "br, gzip")
		if gz.Header().Get("Content-Encoding") != "gzip" || gz.Header().Get("ETag") == etag || gz.Header().Get("Vary") != "Accept-Encoding" {
			t.Fatalf("gzip GET: Content-Encoding %q, ETag %q, Vary %q", gz.Header().Get("Content-Encoding"), gz.Header().Get("ETag"), gz.Header().Get("Vary"))
		}
		zr, err := gzip.NewReader(gz.Body)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(plain, first.Body.Bytes()) {
			t.Errorf("gunzipped body differs from the plain one (%v)", err)
		}
		if nm := do(s, "GET", target, "", "Accept-Encoding", "gzip", "If-None-Match", gz.Header().Get("ETag")); nm.Code != 304 {
			t.Errorf("If-None-Match with the gzip ETag = %d, want 304", nm.Code)
		}
	}
	if w := do(s, "GET", target, "", "Accept-Encoding", "gzip;q=0, identity"); w.Header().Get("Content-Encoding") != "" {
		t.Errorf("gzip;q=0 got Content-Encoding %q", w.Header().Get("Content-Encoding"))
	}
	m := do(s, "GET", "/metrics", "").Body.String()
	for _, want := range []string{
		`orgchart_render_cache_total{result="hit"} 5`,
		`orgchart_render_cache_total{result="miss"} 2`,
		`orgchart_http_requests_total{code="304",route="GET /orgchart/{format}/{encoded}"} 3`,
		`orgchart_render_duration_seconds_count{format="svg"} 2`,
		`orgchart_render_queue_depth`,
		`orgchart_build_info{goversion=`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// TestLogs checks the JSON request log: request id, route, status, duration.
func TestLogs(t *testing.T) {
	s, logs := newTestServer(t, Config{})
	do(s, "GET", "/orgchart/gif/x", "", "X-Request-Id", "req-42")
	var rec map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == "request" {
			rec = m
		}
	}
	if rec == nil {
		t.Fatalf("no request record in %s", logs)
	}
	for k, v := range map[string]any{"request_id": "req-42", "route": "GET /orgchart/{format}/{encoded}", "status": float64(400), "method": "GET"} {
		if rec[k] != v {
			t.Errorf("log %s = %v, want %v", k, rec[k], v)
		}
	}
	if _, ok := rec["duration_ms"].(float64); !ok {
		t.Errorf("log lacks duration_ms: %v", rec)
	}
	if !strings.Contains(rec["error"].(string), "Unsupported output format") {
		t.Errorf("log error = %v", rec["error"])
	}
}

// TestHeaderLimitOverTheWire checks that http.Server itself answers 431 for
// a header block far over the limit (before any handler runs).
func TestHeaderLimitOverTheWire(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	ts := httptest.NewUnstartedServer(s)
	ts.Config = s.HTTPServer()
	ts.Start()
	defer ts.Close()
	req, _ := http.NewRequest("GET", ts.URL+"/health", nil)
	req.Header.Set("X-Big", strings.Repeat("b", 20000))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("status = %d, want 431", resp.StatusCode)
	}
	// And the CORS headers reach a real cross-origin GET.
	resp, err = http.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("no CORS header on GET")
	}
	_ = net.IPv4len
}
