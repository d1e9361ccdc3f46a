package load

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestCursorAt checks cursor.at (newlines found a line at a time,
// characters counted eight bytes at a time) against a count a byte at a
// time, at every offset of texts mixing ASCII, multi-byte characters,
// invalid bytes and newlines, asked in increasing order with repeats.
func TestCursorAt(t *testing.T) {
	pieces := []string{"a", "bc", "\n", "é", "€", "😀", "\xff", "\x80", "\r\n", "01234567", "\"key\": "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var text []byte
		for range rng.IntN(60) {
			text = append(text, pieces[rng.IntN(len(pieces))]...)
		}
		c := newCursor(text)
		off := 0
		for off <= len(text) {
			wantLine, wantCol := 1, 1
			for _, b := range text[:off] {
				switch {
				case b == '\n':
					wantLine, wantCol = wantLine+1, 1
				case b < utf8.RuneSelf || utf8.RuneStart(b):
					wantCol++
				}
			}
			if line, col := c.at(off); line != wantLine || col != wantCol {
				t.Fatalf("%q at %d: %d:%d, want %d:%d", text, off, line, col, wantLine, wantCol)
			}
			off += rng.IntN(12)
		}
		if line, _ := c.at(0); line != 1 {
			t.Fatalf("%q: going back to 0 gives line %d", text, line)
		}
	}
}
