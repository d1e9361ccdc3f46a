package server

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"strings"
	"testing"
)

// TestContentEncoding: gzip and deflate bodies are decoded and held to the
// body limit after decoding; other encodings are a 415.
func TestContentEncoding(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxBodyBytes: 64 << 10})
	h := s
	gz := func(b []byte) string {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(b)
		w.Close()
		return buf.String()
	}
	zl := func(b []byte) string {
		var buf bytes.Buffer
		w := zlib.NewWriter(&buf)
		w.Write(b)
		w.Close()
		return buf.String()
	}
	bomb := gz(bytes.Repeat([]byte("x"), 10<<20)) // 10 MiB from about 10 KB
	for _, tc := range []struct {
		name, enc, body string
		code            int
		contains        string
	}{
		{"gzip", "gzip", gz([]byte(conflictChart)), 200, "<svg"},
		{"deflate", "deflate", zl([]byte(conflictChart)), 200, "<svg"},
		{"bomb", "gzip", bomb, 413, "once decoded"},
		{"not gzip", "gzip", conflictChart, 400, "not valid gzip"},
		{"br", "br", conflictChart, 415, "Content-Encoding"},
	} {
		w := do(h, "POST", "/orgchart/svg", tc.body, "Content-Encoding", tc.enc, "Content-Type", "text/plain")
		if w.Code != tc.code || !strings.Contains(w.Body.String(), tc.contains) {
			t.Errorf("%s: %d %.200q, want %d containing %q", tc.name, w.Code, w.Body.String(), tc.code, tc.contains)
		}
	}
}
