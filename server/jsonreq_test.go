package server

import (
	"strings"
	"testing"
)

// TestStrictJSONRequests: the JSON bodies of POST /, POST /orgchart/{format}
// and POST /v1/diff are read strictly (a key given twice, an unknown key,
// a key in another case, invalid UTF-8, data after the object), and the
// messages speak JSON (keys and kinds), never Go.
func TestStrictJSONRequests(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	const root = `"diagram_type":"orgchart","output_format":"svg"`
	src := mustJSON(conflictChart)
	for _, tc := range []struct {
		name, target, body string
		want               []string
	}{
		{"duplicate source", "/", `{"diagram_source":` + src + `,"diagram_source":"x",` + root + `}`,
			[]string{`the key "diagram_source" is given twice: keep one`}},
		{"duplicate type", "/", `{"diagram_source":` + src + `,` + root + `,"diagram_type":"orgchart"}`,
			[]string{`the key "diagram_type" is given twice`}},
		{"duplicate option", "/orgchart/svg", `{"diagram_source":` + src + `,"diagram_options":{"theme":"dark","theme":"light"}}`,
			[]string{`the key "theme" is given twice in "diagram_options": keep one`}},
		{"source a number", "/", `{"diagram_source":42,` + root + `}`,
			[]string{`"diagram_source" must be a string, not a number`}},
		{"options a list", "/orgchart/svg", `{"diagram_source":` + src + `,"diagram_options":["theme"]}`,
			[]string{`"diagram_options" must be an object, not a list`}},
		{"option an object", "/orgchart/svg", `{"diagram_source":` + src + `,"diagram_options":{"theme":{"a":1}}}`,
			[]string{`diagram option "theme": want a string, number or boolean, not an object`}},
		{"body a list", "/", `[1, 2]`, []string{`the body must be an object, not a list`}},
		{"unknown key", "/", `{"diagram_source":` + src + `,` + root + `,"diagram_optoins":{}}`,
			[]string{`unknown key "diagram_optoins": the keys are diagram_source, diagram_type, output_format, diagram_options`}},
		{"key in another case", "/", `{"Diagram_Source":` + src + `,` + root + `}`, []string{`unknown key "Diagram_Source"`}},
		{"invalid UTF-8", "/", "{\"diagram_source\":\"\xff\"," + root + "}", []string{"invalid UTF-8 at byte"}},
		{"two values", "/", `{"diagram_source":` + src + `,` + root + `} {}`, []string{"after top-level value at byte"}},
		{"truncated", "/", `{"diagram_source":`, []string{"unexpected EOF at byte 18"}},
		{"empty", "/", ` `, []string{"the request body is empty: send a JSON diagram request"}},
		{"diff duplicate", "/v1/diff", `{"old":"people: []","new":"people: []","old":"x"}`,
			[]string{`not a valid JSON diff request: the key "old" is given twice: keep one`}},
		{"diff new a list", "/v1/diff", `{"old":"people: []","new":["people: []"]}`, []string{`"new" must be a string, not a list`}},
		{"diff unknown key", "/v1/diff", `{"old":"a","new":"b","x":1}`, []string{`unknown key "x": the keys are old, new`}},
	} {
		w := do(s, "POST", tc.target, tc.body, "Content-Type", "application/json", "Accept", "text/plain")
		body := w.Body.String()
		if w.Code != 400 {
			t.Errorf("%s: %d %.300q, want 400", tc.name, w.Code, body)
			continue
		}
		for _, want := range tc.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s: %.400q does not contain %q", tc.name, body, want)
			}
		}
		for _, gone := range []string{"Go ", "struct", "interface", "unmarshal", "jsontext", "json:"} {
			if strings.Contains(body, gone) {
				t.Errorf("%s: %.400q speaks Go (%q)", tc.name, body, gone)
			}
		}
	}
	// A well-formed request still draws.
	w := do(s, "POST", "/", `{"diagram_source":`+src+`,`+root+`,"diagram_options":{"theme":"dark"}}`, "Content-Type", "application/json")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "<svg") {
		t.Errorf("a valid request: %d %.300q", w.Code, w.Body.String())
	}
}
