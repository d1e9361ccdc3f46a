package scene

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestIDSetMatchesMap holds idSet to a map over IDs with many duplicates,
// in tables from tiny (probes wrap around) to large.
func TestIDSetMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 8, 100, 20000} {
		s, m, seed := newIDSet(n), map[string]bool{}, maphash.MakeSeed()
		for i := range n + 8 { // a few more than sized for: still at most half full
			id := "c" + strconv.Itoa(r.IntN(n+8))
			if i%5 == 0 {
				id = ""
			}
			if got, want := s.add(id, idHash(seed, id)), !m[id]; got != want {
				t.Fatalf("n=%d: add(%q) = %v, want %v", n, id, got, want)
			}
			m[id] = true
		}
		for i := range 2 * (n + 8) {
			id := "c" + strconv.Itoa(i)
			if got := s.has(id, idHash(seed, id)); got != m[id] {
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

// TestValidateIDsInPageOrder: duplicate IDs and dangling connector ends
// spread over several chunks and shards are reported in page order, as one
// serial pass over a map reports them.
func TestValidateIDsInPageOrder(t *testing.T) {
	n := 3*chunkItems + 17
	items := make([]Item, 0, 2*n)
	for i := range n {
		id := "b" + strconv.Itoa(i)
		switch i {
		case 5, chunkItems + 3, 2*chunkItems + 9, n - 1:
			id = "b" + strconv.Itoa((i*7919)%4) // repeats one of b0..b3
		}
		items = append(items, Box{ID: id, Rect: Rect{W: 1, H: 1}})
		to := id
		if i%chunkItems == 7 {
			to = "missing" + strconv.Itoa(i)
		}
		items = append(items, Path{Points: []Point{{0, 0}, {1, 1}}, From: "b0", To: to})
	}
	seen := map[string]bool{}
	var want []string
	for _, it := range items {
		if b, ok := it.(Box); ok {
			if seen[b.ID] {
				want = append(want, fmt.Sprintf("box %q: duplicate id", b.ID))
			}
			seen[b.ID] = true
		}
	}
	for _, it := range items {
		if p, ok := it.(Path); ok && !seen[p.To] {
			want = append(want, fmt.Sprintf("connector end %q names no box", p.To))
		}
	}
	if len(want) < 6 || len(want) > maxProblems {
		t.Fatalf("the test makes %d problems, want 6..%d", len(want), maxProblems)
	}
	d := &Document{Pages: []Page{{Width: 10, Height: 10, Items: items}}}
	err := d.Validate()
	if err == nil {
		t.Fatal("Validate = nil, want the problems")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("Validate gave %d problems, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("problem %d = %q, want it to say %q", i+1, lines[i], w)
		}
	}
}
