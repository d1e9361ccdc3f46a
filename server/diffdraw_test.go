package server

import (
	"bytes"
	"encoding/json"
	"image/png"
	"strings"
	"testing"
)

// TestDiffDrawn checks POST /v1/diff?format=svg|png|pdf: the NEW chart
// drawn with the changes marked, through the render path (Job.Old), with
// the image media types, and a chart that cannot be read answered 400.
func TestDiffDrawn(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	old, new := examplePair(t)
	body, _ := json.Marshal(map[string]string{"old": old, "new": new})
	w := do(s, "POST", "/v1/diff?format=svg", string(body), "Content-Type", "application/json")
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/svg+xml" {
		t.Fatalf("POST /v1/diff?format=svg = %d %s: %.400s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	for _, want := range []string{"moved from Sam Reyes", ">JOINED<", ">SEC002<", "Pete Lund"} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("drawn diff lacks %q", want)
		}
	}
	w = do(s, "POST", "/v1/diff?format=png&profile=us-federal", string(body), "Content-Type", "application/json")
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("POST /v1/diff?format=png = %d %s: %.400s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if _, err := png.Decode(bytes.NewReader(w.Body.Bytes())); err != nil {
		t.Errorf("PNG does not decode: %v", err)
	}
	w = do(s, "POST", "/v1/diff?format=pdf", string(body), "Content-Type", "application/json")
	if w.Code != 200 || !bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF-")) {
		t.Errorf("POST /v1/diff?format=pdf = %d %.20q", w.Code, w.Body.Bytes())
	}
	bad, _ := json.Marshal(map[string]string{"old": old, "new": "people:\n  - id: [\n"})
	if w := do(s, "POST", "/v1/diff?format=svg", string(bad), "Content-Type", "application/json"); w.Code != 400 || !strings.Contains(w.Body.String(), "new:2") {
		t.Errorf("POST /v1/diff?format=svg with a broken chart = %d %.300s, want 400 naming new:2", w.Code, w.Body)
	}
	if w := do(s, "POST", "/v1/diff?format=svg&theme=dark", string(body), "Content-Type", "application/json"); w.Code != 400 {
		t.Errorf("POST /v1/diff?format=svg&theme=dark = %d, want 400 (not a diff option)", w.Code)
	}
}
