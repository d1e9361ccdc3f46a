package scene

import "strings"

// Wrap breaks s into lines no wider than maxWidth points when set at size
// (Measure's font): at spaces, tabs and line breaks, which it collapses, and
// inside a word only when the word alone is wider than maxWidth. Every line
// holds at least one character, so a line is wider than maxWidth only when
// one character is. Characters Clean drops are dropped; no-break spaces do
// not break. Wrap returns nil when s has nothing to draw.
func Wrap(s string, size float64, bold bool, maxWidth float64) []string {
	f := mustFace(bold, false)
	s = Clean(s)
	// Most names, titles and departments fit on one line as they are:
	// then the greedy wrap below would join every word again (a part of a
	// line is never wider than the line: no kerning pair takes back more
	// than a glyph's advance, TestKerningNeverShrinks), so skip it.
	if single(s) && f.width(s, size) <= maxWidth {
		return []string{s}
	}
	return wrapWords(f, s, size, maxWidth)
}

// single reports whether s is words separated by one space each, with no
// other break: what Wrap makes of a line.
func single(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' && s[i+1] == ' ', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9): // U+2028, U+2029
			return false
		}
	}
	return true
}

// wrapWords is Wrap's greedy line breaking of clean s.
func wrapWords(f *face, s string, size float64, maxWidth float64) []string {
	words := strings.FieldsFunc(s, isBreak)
	var lines []string
	line := ""
	for _, w := range words {
		if line != "" {
			if joined := line + " " + w; f.width(joined, size) <= maxWidth {
				line = joined
				continue
			}
			lines = append(lines, line)
			line = ""
		}
		for f.width(w, size) > maxWidth {
			n := fit(f, w, size, maxWidth)
			if n == len(w) {
				break
			}
			lines = append(lines, w[:n])
			w = w[n:]
		}
		line = w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// isBreak reports whether r separates words: ASCII white space (and the
// Unicode line and paragraph separators), but not the no-break space.
func isBreak(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x2028, 0x2029:
		return true
	}
	return false
}

// fit returns the length in bytes of the longest prefix of w, at least one
// character, that is no wider than maxWidth (w is clean: see Clean).
func fit(f *face, w string, size, maxWidth float64) int {
	limit := maxWidth * f.upem / size
	u, prev := 0, -1
	for i, r := range w {
		g := f.glyph(r)
		d := int(f.adv[g])
		if prev >= 0 {
			d += int(f.kerning(uint16(prev), g))
		}
		if i > 0 && float64(u+d) > limit {
			return i
		}
		u += d
		prev = int(g)
	}
	return len(w)
}
