package diag

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 2, 0},
		{"ceo", "ceo", 2, 0},
		{"ceo", "ce0", 2, 1},
		{"SEC02", "SEC002", 2, 1},
		{"CSIO", "CISO", 1, 1}, // adjacent letters swapped: one edit
		{"SCE002", "SEC002", 2, 1},
		{"chiefexec", "chiefexce", 2, 1},
		{"abc", "abcdef", 2, 3},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3},
		{"kitten", "sitting", 0, 1},
		{"", "ab", 2, 2},
		{"", "abc", 5, 3},
		{"a", "b", -1, 1},
		{strings.Repeat("x", 1<<20), strings.Repeat("x", 1<<20-1) + "y", 2, 1},
	} {
		if got := EditDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("EditDistance(%.10q, %.10q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// osa is the textbook optimal string alignment distance, over the whole
// table: the reference EditDistance's band must agree with.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestEditDistanceBand checks the banded, early-stopping computation against
// the full table on random strings over a small alphabet, for every limit.
func TestEditDistanceBand(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(9))
		for i := range b {
			b[i] = "abc"[r.IntN(3)]
		}
		return string(b)
	}
	for range 5000 {
		a, b := word(), word()
		want := osa(a, b)
		for limit := range 6 {
			if got := EditDistance(a, b, limit); got != min(want, limit+1) {
				t.Fatalf("EditDistance(%q, %q, %d) = %d, want %d (distance %d)", a, b, limit, got, min(want, limit+1), want)
			}
		}
	}
}

func TestDidYouMean(t *testing.T) {
	fields := []string{"id", "name", "reports_to", "dotted", "people", "rules", "parent id"}
	for _, tt := range []struct {
		name  string
		known []string
		want  string
	}{
		{"peopel", fields, "people"},
		{"Reports-To", fields, "reports_to"}, // case and separators
		{"reportsto", fields, "reports_to"},
		{"rulez", fields, "rules"},
		{"parentid2", fields, "parent id"},
		{"xyz", fields, ""},
		{"people", fields, ""}, // known: nothing to suggest
		{"", fields, ""},
		{"CSIO", []string{"CEO", "CIO", "CISO", "CSO"}, "CISO"}, // a swap beats a dropped letter
		{"CHEIF", []string{"CEO", "CIO", "CAE"}, ""},
		{"idd", []string{"ixy", "id"}, "id"},  // nearest wins over first
		{"idd", []string{"id", "ida"}, "ida"}, // then the nearest length
		{"ab", []string{"ax", "ay"}, "ax"},    // first among equals
	} {
		if got := DidYouMean(tt.name, tt.known); got != tt.want {
			t.Errorf("DidYouMean(%q, %q) = %q, want %q", tt.name, tt.known, got, tt.want)
		}
	}
}

// TestSuggesterBudget checks that scans stop when the budget is spent, while
// names equal up to case and separators are still found.
func TestSuggesterBudget(t *testing.T) {
	s := &Suggester{Known: []string{"chief-exec", "cto", "cfo"}, Budget: 7}
	for i, want := range []string{"chief-exec", "chief-exec", ""} { // 3 + 3 names compared, then 9 > 7
		if got := s.Suggest("chief-exce"); got != want {
			t.Errorf("question %d: Suggest = %q, want %q", i+1, got, want)
		}
	}
	if got := s.Suggest("Chief_Exec"); got != "chief-exec" {
		t.Errorf("after the budget, Suggest(%q) = %q, want %q", "Chief_Exec", got, "chief-exec")
	}
}
