package scene

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/tdewolff/canvas"
)

// Text is set in Liberation Sans (SIL Open Font License), embedded through
// github.com/go-fonts/liberation, so widths and output are the same on a
// machine with no fonts installed; it is metric-compatible with Arial and
// Helvetica, the fallbacks the SVG names. The fonts are parsed once by
// tdewolff/canvas (its SFNT parser); Measure then reads flat tables built
// from hmtx, cmap and kern, because shaping every string through canvas is
// far too slow for a layout measuring a million names.
//
// Width is the sum of the glyphs' advances plus the kern table's pair
// adjustments, as browsers, canvas and this package's PDF writer set it. No
// ligatures: Liberation Sans has none in its default features for Latin text.

// face is one style of Liberation Sans with its metric tables.
type face struct {
	font *canvas.Font
	upem float64
	gid  []atomic.Uint32        // glyph id + 1 by rune, for the Basic Multilingual Plane; 0: not looked up yet
	adv  []uint16               // advance width by glyph id, in font units
	kern map[uint32]int16       // pair adjustment by left<<16|right glyph ids
	lo   [kernLo * kernLo]int16 // the same for glyph ids below kernLo, dense
	ttf  []byte

	glyphMu sync.Mutex
	glyphs  map[uint16]*glyphShape // outlines in font units, by glyph id
}

// kernLo bounds the dense kerning table: Liberation Sans numbers the ASCII
// glyphs below 100 and Latin-1 below 256.
const kernLo = 256

var (
	facesOnce sync.Once
	faces     [4]*face // index: bold | italic<<1
	facesErr  error
)

func faceIndex(bold, italic bool) int {
	i := 0
	if bold {
		i |= 1
	}
	if italic {
		i |= 2
	}
	return i
}

// fontFace returns the parsed face of the given style.
func fontFace(bold, italic bool) (*face, error) {
	facesOnce.Do(func() {
		// The four are parsed at once: the first measurement waits for them.
		var errs [4]error
		var wg sync.WaitGroup
		for i, ttf := range [4][]byte{
			liberationsansregular.TTF, liberationsansbold.TTF,
			liberationsansitalic.TTF, liberationsansbolditalic.TTF,
		} {
			wg.Go(func() {
				faces[i], errs[i] = loadFace(ttf, canvas.FontStyle(i&1)*canvas.FontBold|canvas.FontStyle(i>>1)*canvas.FontItalic)
			})
		}
		wg.Wait()
		if err := errors.Join(errs[:]...); err != nil {
			facesErr = fmt.Errorf("load embedded Liberation Sans: %w", err)
		}
	})
	return faces[faceIndex(bold, italic)], facesErr
}

// mustFace is fontFace for code that cannot return an error: the fonts are
// compiled in, so failing to parse them is a broken build, caught by tests.
func mustFace(bold, italic bool) *face {
	f, err := fontFace(bold, italic)
	if err != nil {
		panic(err)
	}
	return f
}

func loadFace(ttf []byte, style canvas.FontStyle) (*face, error) {
	cf, err := canvas.LoadFont(ttf, 0, style)
	if err != nil {
		return nil, err
	}
	sf := cf.SFNT
	f := &face{font: cf, upem: float64(sf.Head.UnitsPerEm), ttf: ttf, kern: map[uint32]int16{}}
	f.gid = make([]atomic.Uint32, 0x10000) // filled as runes are met: most never are
	f.adv = make([]uint16, sf.NumGlyphs())
	for g := range f.adv {
		f.adv[g] = sf.GlyphAdvance(uint16(g))
	}
	if sf.Kern != nil {
		for _, st := range sf.Kern.Subtables {
			for _, p := range st.Pairs {
				l, r := uint16(p.Key>>16), uint16(p.Key)
				k := sf.Kerning(l, r) // all subtables combined
				if l < kernLo && r < kernLo {
					f.lo[int(l)*kernLo+int(r)] = k
				} else {
					f.kern[p.Key] = k
				}
			}
		}
	}
	return f, nil
}

// glyph returns r's glyph id (0, .notdef, when the font lacks it).
func (f *face) glyph(r rune) uint16 {
	if r >= 0 && int(r) < len(f.gid) {
		g := f.gid[r].Load()
		if g == 0 {
			if r >= 0xD800 && r <= 0xDFFF { // surrogates: no glyph
				g = 1
			} else {
				g = uint32(f.font.SFNT.GlyphIndex(r)) + 1
			}
			f.gid[r].Store(g)
		}
		return uint16(g - 1)
	}
	return f.font.SFNT.GlyphIndex(r)
}

// kerning returns the adjustment between glyphs l and r in font units.
func (f *face) kerning(l, r uint16) int16 {
	if l < kernLo && r < kernLo {
		return f.lo[int(l)*kernLo+int(r)]
	}
	if len(f.kern) == 0 {
		return 0
	}
	return f.kern[uint32(l)<<16|uint32(r)]
}

// units returns the width of s in font units; characters that are not drawn
// (see Clean) count nothing.
func (f *face) units(s string) int {
	w, prev := 0, -1
	for i := 0; i < len(s); {
		var r rune
		if c := s[i]; c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		if !drawn(r) {
			continue
		}
		g := f.glyph(r)
		w += int(f.adv[g])
		if prev >= 0 {
			w += int(f.kerning(uint16(prev), g))
		}
		prev = int(g)
	}
	return w
}

// width is the advance width of s at size in points.
func (f *face) width(s string, size float64) float64 {
	return float64(f.units(s)) * size / f.upem
}

// Measure is the advance width in points of the line s set in upright
// Liberation Sans (bold or regular) at size points, kerning included.
// Characters that are not drawn (see Clean) count nothing. Italic kerns a
// little differently (up to about 2% wider): use Text.Width for it. Safe
// for concurrent use.
func Measure(s string, size float64, bold bool) float64 {
	return mustFace(bold, false).width(s, size)
}

// Width is the advance width of t in points, in its own style: what every
// backend draws.
func (t Text) Width() float64 { return mustFace(t.Bold, t.Italic).width(t.S, t.Size) }

// drawn reports whether backends draw rune r: control characters (C0, DEL,
// C1), the invalid-UTF-8 marker and the non-characters U+FFFE and U+FFFF are
// dropped, as XML cannot carry most of them and none has a glyph.
func drawn(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return false
	case r == utf8.RuneError, r == 0xfffe, r == 0xffff:
		return false
	}
	return true
}

// Clean returns s without the characters backends do not draw (control
// characters, invalid UTF-8, U+FFFE, U+FFFF), so it is valid in XML.
func Clean(s string) string {
	for i, r := range s {
		if !drawn(r) {
			b := []byte(s[:i])
			for _, r := range s[i:] {
				if drawn(r) {
					b = utf8.AppendRune(b, r)
				}
			}
			return string(b)
		}
	}
	return s
}
