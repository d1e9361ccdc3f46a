package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkCachedGET measures the handler's cost for a cached GET (no
// network): decode, cache key, lookup, headers, metrics, log.
func BenchmarkCachedGET(b *testing.B) {
	s, _ := newTestServer(b, Config{})
	target := "/orgchart/svg/" + Encode([]byte(conflictChart))
	if w := do(s, "GET", target, ""); w.Code != 200 {
		b.Fatalf("prime: %d", w.Code)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkExecutePNG50 is what a render worker spends on one uncached
// 50-person PNG (cmd/orgload's chart: a CEO, 7 executives, 6 reports each):
// read, check, lay out, rasterise, encode. cmd/orgload measures the same
// through the server and its worker processes.
func BenchmarkExecutePNG50(b *testing.B) {
	var src strings.Builder
	src.WriteString("org: Load Test\npeople:\n  - id: ceo\n    name: Chief\n    title: Chief Executive Officer\n")
	for e, title := range []string{"Chief Technology Officer", "Chief Financial Officer", "Chief Operating Officer",
		"Chief Information Security Officer", "Chief People Officer", "Chief Marketing Officer", "General Counsel"} {
		fmt.Fprintf(&src, "  - id: e%d\n    name: Exec %d\n    title: %s\n    reports_to: ceo\n", e, e, title)
		for r := range 6 {
			fmt.Fprintf(&src, "  - id: p%d-%d\n    name: Person %d-%d\n    title: Engineer\n    department: Dept %d\n    reports_to: e%d\n", e, r, e, r, e, e)
		}
	}
	job := &Job{Source: []byte(src.String()), Format: "png", MaxPeople: DefaultMaxPeople}
	for b.Loop() {
		if _, err := Execute(context.Background(), job); err != nil {
			b.Fatal(err)
		}
	}
}
