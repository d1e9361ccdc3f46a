package server

import (
	"strings"
	"testing"
)

// TestErrorsQuoteAnExcerpt: an error quotes at most a short excerpt of the
// input, whatever part of the request holds it (a 940 KB single-line body
// once gave a 939 KB error).
func TestErrorsQuoteAnExcerpt(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxBodyBytes: 2 << 20})
	// The headline case with the 940 KB; 100 KB elsewhere (as
	// telling, a tenth of the parsing under -race).
	huge := strings.Repeat("x", 940_000)
	big := huge[:100_000]
	const jsonCT = "application/json"
	for _, tc := range []struct {
		name, method, target, body string
		header                     []string
		code                       int
	}{
		{"plain body", "POST", "/orgchart/svg", huge, nil, 400},
		{"validate", "POST", "/v1/validate", big, nil, 400},
		{"stats", "POST", "/v1/stats", big, nil, 400},
		{"yaml kind", "POST", "/orgchart/svg", "people:\n  - id: a\n    kind: " + big + "\n", nil, 400},
		{"yaml version", "POST", "/orgchart/svg", "version: " + big + "\npeople:\n  - id: a\n", nil, 400},
		{"yaml duplicate key", "POST", "/orgchart/svg", "people:\n  - id: a\n    " + big[:1000] + ": 1\n    " + big[:1000] + ": 2\n", nil, 400},
		{"yaml boolean", "POST", "/orgchart/svg", "people:\n  - id: a\n    vacant: " + big + "\n", nil, 400},
		{"json token", "POST", "/orgchart/svg", `{"people": [` + strings.Repeat("1", 100_000) + `]}`, nil, 400},
		{"json duplicate key", "POST", "/orgchart/svg", `{"people": [], "` + big + `": 1, "` + big + `": 2}`, nil, 400},
		{"csv kind", "POST", "/orgchart/svg?input=csv", "id,kind\na," + big + "\n", nil, 400},
		{"csv boolean", "POST", "/orgchart/svg?input=csv", "id,vacant\na," + big + "\n", nil, 400},
		{"policy", "POST", "/orgchart/svg", "policy:\n  rules:\n    ORG001: " + big + "\npeople:\n  - id: a\n", nil, 400},
		{"request field", "POST", "/", `{"diagram_source":"a","diagram_type":"orgchart","output_format":"svg","` + big + `":1}`, []string{"Content-Type", jsonCT}, 400},
		{"diagram type", "POST", "/", `{"diagram_source":"a","diagram_type":"` + big + `","output_format":"svg"}`, []string{"Content-Type", jsonCT}, 400},
		{"output format", "POST", "/", `{"diagram_source":"a","diagram_type":"orgchart","output_format":"` + big + `"}`, []string{"Content-Type", jsonCT}, 400},
		{"option name", "POST", "/orgchart/svg", `{"diagram_source":"a","diagram_options":{"` + big + `":1}}`, []string{"Content-Type", jsonCT}, 400},
		{"option value", "POST", "/orgchart/svg", `{"diagram_source":"a","diagram_options":{"compact":"` + strings.Repeat(" ", 100_000) + `x"}}`, []string{"Content-Type", jsonCT}, 400},
		{"multipart", "POST", "/v1/diff", "--b\r\nContent-Disposition: form-data; name=\"" + big + "\"\r\n\r\nx\r\n--b--\r\n", []string{"Content-Type", "multipart/form-data; boundary=b"}, 400},
		{"content encoding", "POST", "/orgchart/svg", "org: a", []string{"Content-Encoding", big[:7000]}, 415},
	} {
		for _, accept := range []string{"text/plain", "application/json"} {
			w := do(s, tc.method, tc.target, tc.body, append([]string{"Accept", accept}, tc.header...)...)
			if w.Code != tc.code {
				t.Errorf("%s (%s): %d %.300q, want %d", tc.name, accept, w.Code, w.Body.String(), tc.code)
				continue
			}
			if n := w.Body.Len(); n > 600 {
				t.Errorf("%s (%s): the error is %d bytes, want at most 600: %.300q", tc.name, accept, n, w.Body.String())
			}
			if !strings.Contains(w.Body.String(), "…") {
				t.Errorf("%s (%s): the error quotes no clipped excerpt: %.300q", tc.name, accept, w.Body.String())
			}
		}
	}
}
