package graph

import (
	"fmt"
	"testing"
)

// TestStoreIDIndex compares the index with a map on ids of every shape,
// repeats included.
func TestStoreIDIndex(t *testing.T) {
	var people []*Person
	for i := range 20000 {
		var id string
		switch i % 5 {
		case 0:
			id = fmt.Sprintf("u%d", i)
		case 1:
			id = fmt.Sprintf("User.%d@Example.COM", i)
		case 2:
			id = fmt.Sprintf("  spaced %d ", i)
		case 3:
			id = fmt.Sprintf("U%d", i-3) // repeats case 0 in another case
		case 4:
			id = fmt.Sprintf("user.%d@example.com", i-3) // repeats case 1
		}
		people = append(people, &Person{ID: id})
	}
	x := newIDIndex(people)
	want := map[string]int32{}
	for i, p := range people {
		k := Key(p.ID)
		_, seen := want[k]
		if !seen {
			want[k] = int32(i)
		}
		if added := x.insert(k, int32(i)); added == seen {
			t.Fatalf("insert(%q, %d) = %v, want %v", k, i, added, !seen)
		}
	}
	for k, i := range want {
		if got, ok := x.lookup(k); !ok || got != i {
			t.Errorf("lookup(%q) = %d, %v, want %d", k, got, ok, i)
		}
	}
	for _, k := range []string{"", "u3", "user.2@example.com", "nobody"} {
		if got, ok := x.lookup(k); ok {
			t.Errorf("lookup(%q) = %d, want none", k, got)
		}
	}
}
