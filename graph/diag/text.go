package diag

import (
	"fmt"
	"strconv"
	"strings"
)

// Quote quotes an id or a name for a message, as %q does.
func Quote(s string) string { return strconv.Quote(s) }

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
