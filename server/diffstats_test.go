package server

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func examplePair(t *testing.T) (old, new string) {
	t.Helper()
	read := func(f string) string {
		b, err := os.ReadFile(filepath.Join("..", "examples", "diff", f))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return read("old.yaml"), read("new.yaml")
}

type diffDoc struct {
	Changes []struct {
		Kind, ID, From, To string
	} `json:"changes"`
	Findings struct {
		Introduced []struct{ Code, Subject, File string } `json:"introduced"`
		Resolved   []struct{ Code string }                `json:"resolved"`
	} `json:"findings"`
}

func TestDiffEndpoint(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	old, new := examplePair(t)
	jsonBody, _ := json.Marshal(map[string]string{"old": old, "new": new})

	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	fw, _ := mw.CreateFormFile("old", "old.yaml")
	fw.Write([]byte(old))
	mw.WriteField("new", new)
	mw.Close()

	for _, tc := range []struct{ name, ctype, body string }{
		{"json", "application/json", string(jsonBody)},
		{"multipart", mw.FormDataContentType(), mp.String()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := do(s, "POST", "/v1/diff", tc.body, "Content-Type", tc.ctype)
			if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" {
				t.Fatalf("POST /v1/diff = %d %s: %.400s", w.Code, w.Header().Get("Content-Type"), w.Body)
			}
			var doc diffDoc
			if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, c := range doc.Changes {
				kinds = append(kinds, c.Kind+" "+c.ID)
			}
			want := []string{"joined nina", "joined omar", "left pete", "moved ciso", "retitled lena", "dotted-added raj"}
			if d := cmp.Diff(want, kinds); d != "" {
				t.Errorf("changes (-want +got):\n%s", d)
			}
			if in := doc.Findings.Introduced; len(in) != 1 || in[0].Code != "SEC002" || in[0].File != "new" || len(doc.Findings.Resolved) != 0 {
				t.Errorf("findings = %+v, want SEC002 in new introduced, none resolved", doc.Findings)
			}
		})
	}

	w := do(s, "POST", "/v1/diff?format=markdown", string(jsonBody), "Content-Type", "application/json")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/markdown") || !strings.Contains(w.Body.String(), "| moved | Jo Dunn (ciso) | Sam Reyes | Kit Olsen |") {
		t.Errorf("markdown = %d %s: %.400s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}

	bad, _ := json.Marshal(map[string]string{"old": "people:\n  - id: [\n", "new": "people:\n  - id: [\n"})
	errorCases := []struct {
		name, target, ctype, body string
		code                      int
		contains                  []string
	}{
		{"unreadable charts", "/v1/diff", "application/json", string(bad), 400, []string{"old:2:", "new:2:"}},
		{"missing new", "/v1/diff", "application/json", `{"old": "people: []"}`, 400, []string{`needs both`}},
		{"unknown field", "/v1/diff", "application/json", `{"old": "a", "new": "b", "x": 1}`, 400, []string{"not a valid JSON diff request"}},
		{"plain body", "/v1/diff", "text/plain", "people: []", 415, []string{"multipart/form-data"}},
		{"bad format", "/v1/diff?format=sarif", "application/json", string(jsonBody), 400, []string{"json, markdown"}},
		{"render option", "/v1/diff?theme=dark", "application/json", string(jsonBody), 400, []string{"does not apply"}},
	}
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			w := do(s, "POST", tc.target, tc.body, "Content-Type", tc.ctype, "Accept", "application/json")
			if w.Code != tc.code {
				t.Fatalf("= %d, want %d: %.400s", w.Code, tc.code, w.Body)
			}
			for _, c := range tc.contains {
				if !strings.Contains(w.Body.String(), c) {
					t.Errorf("body lacks %q: %.400s", c, w.Body)
				}
			}
		})
	}
}

func TestDiffEndpointLimits(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxPeople: 10, MaxBodyBytes: 4096})
	old, new := examplePair(t)
	body, _ := json.Marshal(map[string]string{"old": old, "new": new})
	if w := do(s, "POST", "/v1/diff", string(body), "Content-Type", "application/json"); w.Code != 413 {
		t.Errorf("over the body cap: %d, want 413", w.Code)
	}
	s, _ = newTestServer(t, Config{MaxPeople: 10})
	if w := do(s, "POST", "/v1/diff", string(body), "Content-Type", "application/json"); w.Code != 413 || !strings.Contains(w.Body.String(), "at most 10") {
		t.Errorf("over the people cap: %d %.300s, want 413", w.Code, w.Body)
	}
}

func TestStatsEndpoint(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	_, new := examplePair(t)
	w := do(s, "POST", "/v1/stats", new)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("POST /v1/stats = %d: %.400s", w.Code, w.Body)
	}
	var doc struct {
		Headcount, Vacancies, Managers, Layers int
		Units                                  []struct{ ID string }
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Headcount != 13 || doc.Managers != 5 || doc.Layers != 4 || len(doc.Units) != 3 {
		t.Errorf("stats = %+v, want headcount 13, managers 5, layers 4, 3 units", doc)
	}
	w = do(s, "POST", "/v1/stats?format=csv&by=unit", new)
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") || !strings.Contains(w.Body.String(), "unit,Kit Olsen,kit,5,0,2,3,2,2,2\n") {
		t.Errorf("csv = %d: %.400s", w.Code, w.Body)
	}
	for _, target := range []string{"/v1/stats?by=team", "/v1/stats?format=xml", "/v1/stats?depth=2"} {
		if w := do(s, "POST", target, new); w.Code != 400 {
			t.Errorf("POST %s = %d, want 400", target, w.Code)
		}
	}
	if w := do(s, "POST", "/v1/stats", "  "); w.Code != 400 {
		t.Errorf("empty chart = %d, want 400", w.Code)
	}
}
