package scene

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestIDSetMatchesMap holds idSet to a map over IDs with many duplicates,
// in tables from tiny (probes wrap around) to large.
func TestIDSetMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 8, 100, 20000} {
		s, m := newIDSet(n), map[string]bool{}
		for i := range n + 8 { // a few more than sized for: still at most half full
			id := "c" + strconv.Itoa(r.IntN(n+8))
			if i%5 == 0 {
				id = ""
			}
			if got, want := s.add(id), !m[id]; got != want {
				t.Fatalf("n=%d: add(%q) = %v, want %v", n, id, got, want)
			}
			m[id] = true
		}
		for i := range 2 * (n + 8) {
			id := "c" + strconv.Itoa(i)
			if got := s.has(id); got != m[id] {
				t.Fatalf("n=%d: has(%q) = %v, want %v", n, id, got, m[id])
			}
		}
	}
}

// BenchmarkValidatePoster is Validate on a 100,000-card page (200,000 IDs
// and connector ends).
func BenchmarkValidatePoster(b *testing.B) {
	d := bigDoc(100000)
	for b.Loop() {
		if err := d.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
