package scene

import (
	"math"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/tdewolff/canvas"
)

func TestMeasureKnownWidths(t *testing.T) {
	// Advance widths of Liberation Sans Regular (2048 units per em), read
	// from its hmtx table: H 1479, e 1139, l 455, o 1139; bold H 1479,
	// e 1139, l 569, o 1251. "Hello" has no kern pairs; "AV" kerns by -152
	// (A and V are 1366 each).
	tests := []struct {
		s    string
		size float64
		bold bool
		want float64
	}{
		{"Hello", 10, false, (1479 + 1139 + 455 + 455 + 1139) * 10.0 / 2048},
		{"Hello", 10, true, (1479 + 1139 + 569 + 569 + 1251) * 10.0 / 2048},
		{"AV", 12, false, (1366 + 1366 - 152) * 12.0 / 2048},
		{"", 10, false, 0},
		{"\x00\t\x7f", 10, false, 0},
		{"He\x00llo", 10, false, (1479 + 1139 + 455 + 455 + 1139) * 10.0 / 2048},
	}
	for _, tt := range tests {
		if got := Measure(tt.s, tt.size, tt.bold); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Measure(%q, %v, %v) = %v, want %v", tt.s, tt.size, tt.bold, got, tt.want)
		}
	}
}

func TestMeasureAgreesWithCanvas(t *testing.T) {
	// canvas shapes text with a HarfBuzz port; Measure must agree with it.
	for _, bold := range []bool{false, true} {
		fam := canvas.NewFontFamily("x")
		f := mustFace(bold, false)
		if err := fam.LoadFont(f.ttf, 0, canvas.FontRegular); err != nil {
			t.Fatal(err)
		}
		face := fam.Face(11, canvas.Black) // size in pt, widths in mm
		for _, s := range []string{
			"Hello", "AVAVA Tower", "Yves LeTourneau", "Chief Financial Officer",
			"Zoë Ångström-Weiß", "To: Wally, Ty (VP)", "1,234.50 €",
		} {
			want := face.TextWidth(s) * 72 / 25.4
			if got := Measure(s, 11, bold); math.Abs(got-want) > 1e-6 {
				t.Errorf("Measure(%q, 11, %v) = %.6f, canvas says %.6f", s, bold, got, want)
			}
		}
	}
}

func TestTextWidth(t *testing.T) {
	// Liberation Sans Italic kerns "AV" less tightly than the upright face.
	up := Text{S: "AV", Size: 10}
	it := Text{S: "AV", Size: 10, Italic: true}
	if got, want := up.Width(), Measure("AV", 10, false); got != want {
		t.Errorf("Text.Width upright = %v, want Measure's %v", got, want)
	}
	if it.Width() <= up.Width() {
		t.Errorf("italic AV %v is not wider than upright %v", it.Width(), up.Width())
	}
}

func TestMeasureScales(t *testing.T) {
	a, b := Measure("Finance & Operations", 7, true), Measure("Finance & Operations", 14, true)
	if math.Abs(2*a-b) > 1e-9 {
		t.Errorf("Measure at 14 pt = %v, want twice %v", b, a)
	}
	if Measure("Finance", 10, true) <= Measure("Finance", 10, false) {
		t.Errorf("bold Finance is not wider than regular")
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\x00b\x1fc\x7fd\u0085e", "abcde"},
		{"tab\there\nnl", "tabherenl"},
		{"bad\xffutf8", "badutf8"},
		{"nonchar\uffff\ufffe", "nonchar"},
		{"Zoë 日本 🙂", "Zoë 日本 🙂"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		s     string
		width float64
		want  []string
	}{
		{"", 100, nil},
		{"   \t\n ", 100, nil},
		{"Chief Financial Officer", 1000, []string{"Chief Financial Officer"}},
		{"Chief Financial Officer", Measure("Chief Financial", 10, false), []string{"Chief Financial", "Officer"}},
		{"Chief  Financial\nOfficer", Measure("Financial", 10, false), []string{"Chief", "Financial", "Officer"}},
		// "califra" is 26.67 pt, "califrag" 32.24, "gilistic" 27.23.
		{"Supercalifragilistic", Measure("Super", 10, false), []string{"Super", "califra", "gilisti", "c"}},
		{"a\u00a0b c", Measure("a\u00a0b", 10, false), []string{"a\u00a0b", "c"}},
		{"WWW", 1, []string{"W", "W", "W"}},
	}
	for _, tt := range tests {
		got := Wrap(tt.s, 10, false, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || (got == nil) != (tt.want == nil) {
			t.Errorf("Wrap(%q, 10, false, %.2f) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

// checkWrap asserts Wrap's properties: nothing lost or reordered, every line
// within the width unless it is a single character, lines never start or
// end with a break, and each line break was needed.
func checkWrap(t *testing.T, s string, size float64, bold bool, width float64) {
	lines := Wrap(s, size, bold, width)
	words := strings.FieldsFunc(Clean(s), isBreak)
	if got, want := strings.Join(lines, ""), strings.Join(words, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
		t.Fatalf("Wrap(%q) = %q: characters changed", s, lines)
	}
	// Word boundaries as offsets into the words written without spaces.
	bounds := map[int]bool{0: true}
	off := 0
	for _, w := range words {
		off += len(w)
		bounds[off] = true
	}
	pos := 0 // where the line after the current one starts, likewise
	for i, l := range lines {
		if l == "" || strings.TrimFunc(l, isBreak) != l {
			t.Fatalf("Wrap(%q) line %d = %q: empty or padded", s, i, l)
		}
		if w := Measure(l, size, bold); w > width+1e-9 && utf8.RuneCountInString(l) > 1 {
			t.Fatalf("Wrap(%q, %v) line %q is %v wide", s, width, l, w)
		}
		pos += len(strings.ReplaceAll(l, " ", ""))
		if i+1 < len(lines) {
			// The next line's first word, if it is a whole word of s (its
			// ends are word boundaries, not a piece of a broken word), had
			// to go there.
			next, _, _ := strings.Cut(lines[i+1], " ")
			if bounds[pos] && bounds[pos+len(next)] && Measure(l+" "+next, size, bold) <= width {
				t.Fatalf("Wrap(%q, %v): %q fits after %q", s, width, next, l)
			}
		}
	}
}

func TestWrapProperties(t *testing.T) {
	texts := []string{
		"Head of Platform Engineering and Developer Experience",
		"Vice President, Global Security, Risk & Compliance (EMEA)",
		"Antidisestablishmentarianism is a long word indeed",
		"x y z", "Ångström Weiß Ödön ŁÓDŹ 日本語のテキスト",
	}
	for _, s := range texts {
		for _, w := range []float64{5, 20, 40, 60, 90, 150, 400} {
			checkWrap(t, s, 9, false, w)
			checkWrap(t, s, 9, true, w)
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("Head of Platform Engineering", 40.0)
	f.Add("a\x00b \xff\tc", 3.0)
	f.Add("WWWWWWWWWW MMMM", 0.0)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if math.IsNaN(width) || math.IsInf(width, 0) || len(s) > 2000 {
			return
		}
		checkWrap(t, s, 10, false, width)
		if got, want := Wrap(s, 10, false, width), wrapWords(mustFace(false, false), Clean(s), 10, width); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("Wrap(%q, %v) = %q, the greedy wrap gives %q", s, width, got, want)
		}
	})
}

var sink float64

func BenchmarkMeasure(b *testing.B) {
	names := []string{"Alice Johnson", "Chief Financial Officer", "Zoë Ångström", "Platform", "Bob Lee", "VP Engineering"}
	for i := 0; b.Loop(); i++ {
		sink += Measure(names[i%len(names)], 10, i&1 == 0)
	}
}

func BenchmarkMeasureMillion(b *testing.B) {
	names := []string{"Alice Johnson", "Chief Financial Officer", "Zoë Ångström", "Platform", "Bob Lee", "VP Engineering"}
	for b.Loop() {
		for i := range 1_000_000 {
			sink += Measure(names[i%len(names)], 10, i&1 == 0)
		}
	}
}

// TestKerningNeverShrinks is what Wrap's one-line shortcut rests on: no
// kerning pair takes back more than either glyph's advance, so a part of a
// line is never wider than the line.
func TestKerningNeverShrinks(t *testing.T) {
	for i := range 4 {
		f := mustFace(i&1 == 1, i&2 == 2)
		check := func(l, r uint16, k int16) {
			if int(f.adv[l])+int(k) < 0 || int(f.adv[r])+int(k) < 0 {
				t.Errorf("face %d: kerning %d between glyphs %d and %d exceeds an advance (%d, %d)", i, k, l, r, f.adv[l], f.adv[r])
			}
		}
		for l := range kernLo {
			for r := range kernLo {
				check(uint16(l), uint16(r), f.lo[l*kernLo+r])
			}
		}
		for key, k := range f.kern {
			check(uint16(key>>16), uint16(key), k)
		}
	}
}

// TestWrapShortcut holds Wrap (with its one-line shortcut) to the greedy
// wrap alone, on strings that fit and strings that almost fit.
func TestWrapShortcut(t *testing.T) {
	texts := []string{"Clara Ali", "Vice President, Information Technology", "Information Technology",
		"AV Wa To", "Zoë Ångström", "a  b", " a", "a ", "x\u2028y", "x\u00a0y", "LT AW", "日本語 のテキスト", "W"}
	for _, s := range texts {
		for _, bold := range []bool{false, true} {
			f := mustFace(bold, false)
			full := f.width(s, 10)
			for _, w := range []float64{full - 0.01, full, full + 0.01, full / 2, 1000} {
				got, want := Wrap(s, 10, bold, w), wrapWords(f, Clean(s), 10, w)
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("Wrap(%q, %v) = %q, the greedy wrap gives %q", s, w, got, want)
				}
			}
		}
	}
}

// TestGlyphLookedUpOnce checks the glyph ids filled in as runes are met,
// from several goroutines at once, against the font's own cmap.
func TestGlyphLookedUpOnce(t *testing.T) {
	for i := range 4 {
		f := mustFace(i&1 == 1, i&2 == 2)
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() {
				for r := rune(w); r < 0x10000; r += 3 {
					f.glyph(r)
				}
			})
		}
		wg.Wait()
		for r := rune(0); r < 0x10000; r++ {
			want := f.font.SFNT.GlyphIndex(r)
			if r >= 0xD800 && r <= 0xDFFF {
				want = 0
			}
			if got := f.glyph(r); got != want {
				t.Fatalf("face %d: glyph(%U) = %d, want %d", i, r, got, want)
			}
		}
	}
}
