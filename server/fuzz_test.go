package server

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
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
