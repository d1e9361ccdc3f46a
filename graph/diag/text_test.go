package diag

import (
	"strconv"
	"strings"
	"testing"
)

func TestQuoteList(t *testing.T) {
	for _, tt := range []struct {
		ids  []string
		max  int
		want string
	}{
		{nil, 3, ``},
		{[]string{"a"}, 3, `"a"`},
		{[]string{"a", "b"}, 3, `"a" and "b"`},
		{[]string{"a", "b", "c", "d"}, 3, `"a", "b", "c" and "d"`},
		{[]string{"a", "b", "c", "d", "e"}, 3, `"a", "b", "c" and 2 more`},
		{[]string{`say "hi"`}, 3, `"say \"hi\""`},
	} {
		if got := QuoteList(tt.ids, tt.max); got != tt.want {
			t.Errorf("QuoteList(%q, %d) = %s, want %s", tt.ids, tt.max, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 levels"}, {1, "1 level"}, {2, "2 levels"}} {
		if got := Plural(tt.n, "level", "levels"); got != tt.want {
			t.Errorf("Plural(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestClipExcerpt(t *testing.T) {
	long := strings.Repeat("x", 1000)
	euros := strings.Repeat("€", 40) // 3 bytes each: 80 is not a boundary
	for _, tt := range []struct {
		in, clip, excerpt string
	}{
		{"", "", `""`},
		{"ceo", "ceo", `"ceo"`},
		{long[:ExcerptMax], long[:ExcerptMax], `"` + long[:ExcerptMax] + `"`},
		{long, long[:ExcerptMax] + "…", `"` + long[:ExcerptMax] + `…"`},
		{euros, strings.Repeat("€", 26) + "…", `"` + strings.Repeat("€", 26) + `…"`},
		{"a\nb", "a\nb", `"a\nb"`},
	} {
		if got := Clip(tt.in); got != tt.clip {
			t.Errorf("Clip(%.20q) = %q, want %q", tt.in, got, tt.clip)
		}
		if got := Excerpt(tt.in); got != tt.excerpt {
			t.Errorf("Excerpt(%.20q) = %s, want %s", tt.in, got, tt.excerpt)
		}
	}
}

// TestExcerptEscapes: escapes count towards the excerpt's length (80 bytes
// of \x95 would quote as 320).
func TestExcerptEscapes(t *testing.T) {
	for _, in := range []string{strings.Repeat("\x95", 100), strings.Repeat("\u200b", 100), strings.Repeat("a\x00", 100)} {
		got := Excerpt(in)
		u, err := strconv.Unquote(got)
		if len(got) > ExcerptMax+2+len("…") || err != nil || !strings.HasSuffix(u, "…") ||
			!strings.HasPrefix(in, strings.TrimSuffix(u, "…")) || len(u) < 10 {
			t.Errorf("Excerpt(%.20q) = %s (%d bytes), want a quoted prefix of at most %d bytes", in, got, len(got), ExcerptMax+2+len("…"))
		}
	}
}
