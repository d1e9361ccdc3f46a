package render

import (
	"fmt"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/tdewolff/canvas"
)

// The fonts of PNG, JPEG and PDF output: Liberation Sans (SIL Open Font
// License, see fonts/LICENSE), embedded in the binary through
// github.com/go-fonts/liberation, so output is the same on a machine with no
// fonts installed. Liberation Sans is metric-compatible with Helvetica and
// Arial, the family the DOT names and Graphviz measures text with, so text
// fits the boxes Graphviz laid out. Every family Graphviz writes into its SVG
// is drawn with it.

var (
	fontOnce   sync.Once
	fontFamily *canvas.FontFamily
	fontErr    error
)

// sansFamily returns the embedded Liberation Sans family with its regular,
// bold, italic and bold-italic faces.
func sansFamily() (*canvas.FontFamily, error) {
	fontOnce.Do(func() {
		fam := canvas.NewFontFamily("Liberation Sans")
		for _, f := range []struct {
			ttf   []byte
			style canvas.FontStyle
		}{
			{liberationsansregular.TTF, canvas.FontRegular},
			{liberationsansbold.TTF, canvas.FontBold},
			{liberationsansitalic.TTF, canvas.FontItalic},
			{liberationsansbolditalic.TTF, canvas.FontBold | canvas.FontItalic},
		} {
			if err := fam.LoadFont(f.ttf, 0, f.style); err != nil {
				fontErr = fmt.Errorf("load embedded font: %w", err)
				return
			}
		}
		fontFamily = fam
	})
	return fontFamily, fontErr
}
