package diag

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Quote quotes an id or a name for a message, as %q does.
func Quote(s string) string { return strconv.Quote(s) }

// ExcerptMax is the most bytes of input an error message quotes.
const ExcerptMax = 80

// Clip returns s, or its first ExcerptMax bytes (cut at a character
// boundary) followed by "…" when s is longer: the one place that decides
// how much of the input an error message echoes, so that a 1 MB line gives
// a short error, not a 1 MB one.
func Clip(s string) string { return ClipTo(s, ExcerptMax) }

// ClipTo returns s, or its first n bytes (cut at a character boundary)
// followed by "…" when s is longer; the backstop for whole messages.
func ClipTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Back to the start of the character at n (a UTF-8 character is at
	// most 4 bytes; in invalid UTF-8 any byte will do).
	cut := n
	for cut > 0 && cut > n-utf8.UTFMax && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if !utf8.RuneStart(s[cut]) {
		cut = n
	}
	return s[:cut] + "…"
}

// Excerpt quotes an excerpt of the input for an error message: Quote of
// Clip(s), cut shorter when escapes (\x95, \u200b) would make the quoted
// text longer than ExcerptMax bytes (plus the quotes and "…").
func Excerpt(s string) string {
	n := ExcerptMax
	for {
		q := strconv.Quote(ClipTo(s, n))
		if len(q) <= ExcerptMax+2+len("…") || n == 0 {
			return q
		}
		n = min(n-1, n*ExcerptMax/len(q))
	}
}

// QuoteList quotes ids and joins them as `"a", "b" and "c"`; past max ids it
// names max of them and counts the rest (`"a", "b" and 3 more`).
func QuoteList(ids []string, max int) string {
	var b strings.Builder
	n := len(ids)
	for k, s := range ids {
		if k == max && n > max+1 {
			fmt.Fprintf(&b, " and %d more", n-max)
			break
		}
		if k > 0 {
			if k == n-1 {
				b.WriteString(" and ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(Quote(s))
	}
	return b.String()
}

// Plural returns n with the word that fits it: "1 error", "2 errors".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
