package server

import (
	"net/http/httptest"
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
