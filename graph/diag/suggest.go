package diag

import (
	"strings"
	"unicode"
)

// DidYouMean returns the name among known that name was probably meant to
// be, for a "did you mean" hint, or "" when none is close. See Suggester for
// what counts as close.
func DidYouMean(name string, known []string) string {
	return (&Suggester{Known: known}).Suggest(name)
}

// Suggester answers did-you-mean questions about one list of known names
// (the ids of a chart, the fields of a format, the rule codes). It is the
// one did-you-mean of orgchart: loaders, rules and the CLI all use it.
//
// A known name is close to a misspelt one when the two are equal up to case
// and separators ("-", "_", ".", spaces: "Chief_Exec" for "chief-exec"), or
// when their edit distance (EditDistance, on those folded forms) is at most 1
// for names of up to four bytes and at most 2 for longer ones. The nearest
// wins; among equally near ones, the one whose length is nearest name's
// (so a swap or a changed letter beats a dropped one: "CISO" for "CSIO",
// not "CIO"), then the first in Known.
//
// The folded forms and an index of them are built on the first question, so
// asking many times over a long list costs a map lookup plus, within the
// Budget, one scan of the list per question.
type Suggester struct {
	Known []string
	// Budget bounds how many known names the edit-distance scans compare,
	// over all questions; a scan runs only when it fits whole, and once the
	// budget is spent only names equal up to case and separators are found.
	// Zero means no bound.
	Budget int

	folded   []string
	index    map[string]int // folded form -> first known name with it
	compared int
}

// Suggest returns the known name closest to name, or "" when none is close
// (or name itself is known).
func (s *Suggester) Suggest(name string) string {
	f := fold(name)
	if f == "" {
		return ""
	}
	if s.index == nil {
		s.folded = make([]string, len(s.Known))
		s.index = make(map[string]int, len(s.Known))
		for i, k := range s.Known {
			s.folded[i] = fold(k)
			if _, ok := s.index[s.folded[i]]; !ok {
				s.index[s.folded[i]] = i
			}
		}
	}
	if i, ok := s.index[f]; ok {
		if s.Known[i] == name {
			return ""
		}
		return s.Known[i]
	}
	if s.Budget > 0 && s.compared+len(s.folded) > s.Budget {
		return ""
	}
	s.compared += len(s.folded)
	limit := 1
	if len(f) > 4 {
		limit = 2
	}
	best, bestD, bestLen := "", limit+1, 0
	for i, k := range s.folded {
		dl := abs(len(k) - len(f))
		lim := bestD - 1
		if best != "" && dl < bestLen {
			lim = bestD // a tie with a length nearer name's wins
		}
		if d := EditDistance(f, k, lim); d < bestD || (d == bestD && dl < bestLen) {
			best, bestD, bestLen = s.Known[i], d, dl
		}
	}
	return best
}

// fold lower-cases s, trims it and drops the separators "-", "_", ".",
// spaces and tabs, so that names written in another style compare equal.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '.', ' ', '\t':
			return -1
		}
		return unicode.ToLower(r)
	}, strings.TrimSpace(s))
}

// EditDistance returns the edit distance of a and b in bytes, counting an
// insertion, a deletion, a substitution or a swap of two adjacent bytes as
// one edit (the optimal string alignment distance, so "CSIO" is one edit
// from "CISO"), or limit+1 when the distance is over limit (a negative
// limit counts as 0).
//
// Hand-written because the standard library has none: it computes only the
// band of cells within limit of the diagonal and stops as soon as a whole
// row is over limit, so comparing long or hostile strings costs at most
// len(a)·(2·limit+1) steps.
func EditDistance(a, b string, limit int) int {
	limit = max(limit, 0)
	over := limit + 1
	n, m := len(a), len(b)
	if n-m > limit || m-n > limit {
		return over
	}
	var buf [3][64]int
	pp, prev, cur := buf[0][:], buf[1][:], buf[2][:]
	if m+1 > len(prev) {
		pp, prev, cur = make([]int, m+1), make([]int, m+1), make([]int, m+1)
	}
	for j := 0; j <= m; j++ {
		prev[j] = min(j, over)
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-limit), min(m, i+limit)
		cur[0] = min(i, over)
		rowMin := over
		if lo == 1 {
			rowMin = cur[0]
		} else {
			cur[lo-1] = over
		}
		for j := lo; j <= hi; j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, pp[j-2]+1)
			}
			c = min(c, over)
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if hi < m {
			cur[hi+1] = over
		}
		if rowMin > limit {
			return over
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[m]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
