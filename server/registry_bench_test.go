package server

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/orgchart/orgchart/server/store"
)

// BenchmarkCachedEmbed compares a cached GET of a registry chart's latest
// drawing (/charts/NAME.svg) with a cached Kroki GET of the same chart, in
// the same run: the registry's goal is at least 80% of the Kroki route's
// throughput (ns/op of Kroki / ns/op of registry >= 0.8).
func BenchmarkCachedEmbed(b *testing.B) {
	st, err := store.Open(context.Background(), "", filepath.Join(b.TempDir(), "data"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s, _ := newTestServer(b, Config{Store: st})
	if w := do(s, "PUT", "/v1/charts/acme", conflictChart); w.Code != 201 {
		b.Fatalf("PUT = %d %s", w.Code, w.Body)
	}
	for _, route := range []struct{ name, path string }{
		{"kroki", "/orgchart/svg/" + Encode([]byte(conflictChart))},
		{"registry", "/charts/acme.svg"},
	} {
		b.Run(route.name, func(b *testing.B) {
			if w := do(s, "GET", route.path, ""); w.Code != 200 {
				b.Fatalf("GET %s = %d", route.path, w.Code)
			}
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", route.path, nil)
				req.Header.Set("Accept-Encoding", "gzip")
				w := httptest.NewRecorder()
				s.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatalf("GET %s = %d", route.path, w.Code)
				}
			}
		})
	}
}
