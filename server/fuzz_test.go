package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// FuzzDecode: Decode never panics, errors are 400 or 413 *Error values,
// output stays under the cap, and Encode/Decode round-trip.
func FuzzDecode(f *testing.F) {
	f.Add("eNpLyUwvSizIUHBXqPZIzcnJ17ULzy_KSanlAgB1EAjQ")
	f.Add("eNpLyUwvSizIUHBXqPZIzcnJ17ULzy_KSanlAgB1EAjQ==")
	f.Add(Encode([]byte(conflictChart)))
	f.Add("aGVsbG8gd29ybGQ")
	f.Add("!!")
	f.Add("")
	const max = 1 << 16
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Decode(in, max)
		if err != nil {
			var he *Error
			if !errors.As(err, &he) || (he.Code != http.StatusBadRequest && he.Code != http.StatusRequestEntityTooLarge) {
				t.Fatalf("Decode(%q) error %v is not a 400/413 *Error", in, err)
			}
			return
		}
		if len(out) > max {
			t.Fatalf("Decode returned %d bytes, over the %d cap", len(out), max)
		}
		back, err := Decode(Encode(out), max)
		if err != nil || !bytes.Equal(back, bytes.TrimSpace(out)) {
			t.Fatalf("round trip of %q: %q, %v", out, back, err)
		}
	})
}

// FuzzDiagramRequest: parsing any POST request never panics; a failure is
// a 400 *Error; a success has a known format, a non-empty source and only
// documented options.
func FuzzDiagramRequest(f *testing.F) {
	f.Add("svg", false, "application/json", "", "theme=dark", `{"diagram_source":"people: []","output_format":"png","diagram_options":{"redact":true}}`)
	f.Add("", true, "application/json", "", "", `{"diagram_source":"x","diagram_type":"orgchart","output_format":"svg"}`)
	f.Add("", false, "text/plain", "image/png;q=0.5, image/svg+xml", "depth=2&profile=security,core", conflictChart)
	f.Add("PDF", false, "", "", "layout=LR&input=csv", "id,name\na,A\n")
	f.Add("gif", false, "", "*/*", "rankdir=LR", "x")
	f.Fuzz(func(t *testing.T, pathFormat string, root bool, ctype, accept, query, body string) {
		q, _ := url.ParseQuery(query)
		req, err := parseDiagram(rawRequest{PathFormat: pathFormat, Root: root, ContentType: ctype, Accept: accept, Query: q, Header: http.Header{}, Body: []byte(body)})
		if err != nil {
			var he *Error
			if !errors.As(err, &he) || he.Code != http.StatusBadRequest {
				t.Fatalf("error %v is not a 400 *Error", err)
			}
			return
		}
		if _, ok := contentTypes[req.Format]; !ok {
			t.Fatalf("format %q is not one of %v", req.Format, Formats)
		}
		if len(bytes.TrimSpace(req.Source)) == 0 {
			t.Fatalf("empty source accepted")
		}
		for k := range req.Options {
			if _, ok := optionSpecs[k]; !ok {
				t.Fatalf("undocumented option %q accepted", k)
			}
		}
		// The canonical form parses back to the same options.
		back, err := url.ParseQuery(req.Options.Canonical())
		if err != nil {
			t.Fatalf("canonical %q: %v", req.Options.Canonical(), err)
		}
		o2, err := mergeOptions(queryOptions(back))
		if err != nil || o2.Canonical() != req.Options.Canonical() {
			t.Fatalf("canonical %q reparsed as %q, %v", req.Options.Canonical(), o2.Canonical(), err)
		}
	})
}

// FuzzJSONRequest: the strict JSON decoder never panics; a failure is a
// 400 *Error with a short message in JSON terms; what it accepts,
// encoding/json (which is laxer: duplicate keys, any case) reads the same.
func FuzzJSONRequest(f *testing.F) {
	f.Add(`{"diagram_source":"people: []","diagram_type":"orgchart","output_format":"svg","diagram_options":{"theme":"dark"}}`)
	f.Add(`{"diagram_source":"a","diagram_source":"b"}`)
	f.Add(`{"diagram_options":{"a":1,"a":[true,null]}}`)
	f.Add(`{"Diagram_Source":"a"}`)
	f.Add("{\"diagram_source\":\"\xff\"}")
	f.Add(`{"old":"a","new":"b"}`)
	f.Add(`[1] {}`)
	f.Add(``)
	f.Fuzz(func(t *testing.T, body string) {
		for _, v := range []struct{ strict, lax any }{{&jsonRequest{}, &jsonRequest{}}, {&diffRequest{}, &diffRequest{}}} {
			err := decodeJSON([]byte(body), v.strict, "request", "{}")
			if err != nil {
				var he *Error
				if !errors.As(err, &he) || he.Code != http.StatusBadRequest {
					t.Fatalf("decodeJSON(%q) error %v is not a 400 *Error", body, err)
				}
				if len(he.Msg) > 600 || strings.Contains(he.Msg, "Go ") || strings.Contains(he.Msg, "interface {") {
					t.Fatalf("decodeJSON(%q): message %q is long or speaks Go", body, he.Msg)
				}
				continue
			}
			if err := json.Unmarshal([]byte(body), v.lax); err != nil {
				t.Fatalf("decodeJSON accepted %q, encoding/json refuses it: %v", body, err)
			}
			if !reflect.DeepEqual(v.strict, v.lax) {
				t.Fatalf("decodeJSON(%q) = %+v, encoding/json reads %+v", body, v.strict, v.lax)
			}
		}
	})
}

// FuzzContentEncoding: reading a body in any Content-Encoding never
// panics; a failure is a 400, 413 or 415 *Error; a success is at most the
// limit, and a gzip body decodes to what compress/gzip reads.
func FuzzContentEncoding(f *testing.F) {
	const max = 4096
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(b)
		w.Close()
		return buf.Bytes()
	}
	f.Add("gzip", gz([]byte(conflictChart)))
	f.Add("x-gzip", gz(bytes.Repeat([]byte("x"), 3*max)))
	f.Add("deflate", []byte(Encode([]byte("people: []"))))
	f.Add("identity", []byte("people: []"))
	f.Add("", []byte("people: []"))
	f.Add("br", []byte{0x1b})
	f.Add("gzip", []byte("people: []"))
	f.Fuzz(func(t *testing.T, enc string, body []byte) {
		r := httptest.NewRequest("POST", "/orgchart/svg", bytes.NewReader(body))
		r.Header["Content-Encoding"] = []string{enc}
		got, err := readBody(httptest.NewRecorder(), r, max)
		if err != nil {
			var he *Error
			if !errors.As(err, &he) || (he.Code != 400 && he.Code != 413 && he.Code != 415) {
				t.Fatalf("readBody(%q, %q) error %v is not a 400/413/415 *Error", enc, body, err)
			}
			return
		}
		if len(got) > max {
			t.Fatalf("readBody(%q) returned %d bytes, over the %d limit", enc, len(got), max)
		}
		switch strings.ToLower(strings.TrimSpace(enc)) {
		case "", "identity":
			if !bytes.Equal(got, body) {
				t.Fatalf("readBody(identity) changed the body")
			}
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("readBody accepted gzip that compress/gzip refuses: %v", err)
			}
			want, _ := io.ReadAll(io.LimitReader(zr, max+1))
			if !bytes.Equal(got, want) {
				t.Fatalf("readBody(gzip) = %q, compress/gzip reads %q", got, want)
			}
		}
	})
}

// FuzzIfMatch: an If-Match header is a version number from 1, in quotes
// or not, or a 400; the ETag the registry sends for a version parses back
// to it.
func FuzzIfMatch(f *testing.F) {
	for _, s := range []string{`"3"`, `3`, ` "12" `, `W/"3"`, `*`, `"3", "4"`, `""3""`, `"0"`, `"+3"`, `"99999999999999999999"`, `"3`, `"`, ``} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		n, err := parseIfMatch(h)
		if err != nil {
			var he *Error
			if !errors.As(err, &he) || he.Code != http.StatusBadRequest {
				t.Fatalf("parseIfMatch(%q) error %v is not a 400 *Error", h, err)
			}
			return
		}
		if strings.TrimSpace(h) == "" {
			if n != 0 {
				t.Fatalf("parseIfMatch(%q) = %d, want 0", h, n)
			}
			return
		}
		if n < 1 {
			t.Fatalf("parseIfMatch(%q) = %d, want a version from 1", h, n)
		}
		digits := strings.Trim(strings.TrimSpace(h), `"`)
		if strings.TrimLeft(digits, "0123456789") != "" || strings.Count(strings.TrimSpace(h), `"`)%2 != 0 {
			t.Fatalf("parseIfMatch(%q) = %d, want an error for anything but digits in quotes", h, n)
		}
		if m, err := parseIfMatch(`"` + strconv.Itoa(n) + `"`); err != nil || m != n {
			t.Fatalf("the ETag of version %d parses as %d, %v", n, m, err)
		}
	})
}

// FuzzChartName: a name the registry accepts is safe as a URL path segment
// and a file name (no escaping, no separator, not . or ..); a name it
// refuses is a 400 with a short message.
func FuzzChartName(f *testing.F) {
	for _, s := range []string{"board-pack", "a", "..", ".", "a/b", "A", "a b", "a%2Fb", strings.Repeat("a", 65), "é", "a..b", "-a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		r := httptest.NewRequest("GET", "/v1/charts/x", nil)
		r.SetPathValue("name", name)
		got, err := chartNameOf(r)
		if err != nil {
			var he *Error
			if !errors.As(err, &he) || he.Code != http.StatusBadRequest || len(he.Msg) > 300 {
				t.Fatalf("chartNameOf(%q) error %v is not a short 400 *Error", name, err)
			}
			return
		}
		if got != name || name == "." || name == ".." || len(name) > 64 || url.PathEscape(name) != name ||
			filepath.Base(name) != name || filepath.Clean(name) != name || strings.ToLower(name) != name {
			t.Fatalf("chartNameOf accepted %q, which is not a safe lower-case path segment", name)
		}
	})
}

// FuzzParseTokens: a tokens file parses or fails with an error naming the
// file; a parsed file holds one entry per token line, and each plain token
// (16 characters or more) authorizes with its label.
func FuzzParseTokens(f *testing.F) {
	f.Add("0123456789abcdef0123 alice\n# comment\n\nsha256:" + strings.Repeat("ab", 32) + " ci\n")
	f.Add("short\n")
	f.Add("sha256:zz\n")
	f.Add("# only a comment\n")
	f.Add("0123456789abcdef\t tab label\r\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, data string) {
		toks, err := ParseTokens("tokens.txt", []byte(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "tokens.txt:") {
				t.Fatalf("ParseTokens error %q does not name the file", err)
			}
			return
		}
		if len(toks.entries) == 0 {
			t.Fatalf("ParseTokens(%q) accepted a file without tokens", data)
		}
		sc := bufio.NewScanner(strings.NewReader(data))
		for sc.Scan() {
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			tok, _, _ := strings.Cut(text, " ")
			if strings.HasPrefix(tok, "sha256:") {
				continue
			}
			r := httptest.NewRequest("PUT", "/v1/charts/x", nil)
			r.Header.Set("Authorization", "Bearer "+tok)
			if _, ok := toks.match(r); !ok && strings.TrimSpace(tok) == tok && !strings.ContainsAny(tok, "\t\r\n") {
				t.Fatalf("token %q of the file does not authorize", tok)
			}
		}
	})
}
