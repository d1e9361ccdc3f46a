package scene

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// The PDF backend writes with codeberg.org/go-pdf/fpdf, the maintained
// successor of jung-kurt/gofpdf: it embeds TrueType fonts as UTF-8 subsets,
// and it writes internal links (GoTo a page), URI links and an outline
// (bookmarks). tdewolff/canvas's PDF renderer, which the Graphviz path uses,
// has URI links only, no internal links and no outline, and stamps every
// file with time.Now(). fpdf stamps /CreationDate and /ModDate too (there is
// no switch to omit them); we pin both and then blank the two entries with
// spaces of the same length, which keeps every byte offset in the xref table
// valid, so a document's bytes depend on its content alone.

// pdfFont is the family name the fonts are registered under in fpdf.
const pdfFont = "LiberationSans"

// pdfStyles are fpdf's style names by faceIndex.
var pdfStyles = [4]string{"", "B", "I", "BI"}

// pdfEpoch is the instant fpdf is told to stamp; the stamps are then blanked.
var pdfEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WritePDF writes d as one PDF document, a page per Page at the page's size,
// with Liberation Sans embedded (subset), links from boxes and groups to
// pages and URLs, and an outline of d's Outline (or the pages' titles),
// bookmarks listed in page order. It writes nothing when d does not
// validate or when fpdf fails.
func WritePDF(w io.Writer, d *Document) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if len(d.Pages) == 0 {
		return fmt.Errorf("pdf: no pages")
	}
	first := d.Pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.Width, Ht: first.Height}})
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(pdfEpoch)
	pdf.SetModificationDate(pdfEpoch)
	pdf.SetProducer("orgchart", false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetLineCapStyle("butt")
	used := [4]bool{true} // regular: titles and bookmarks need a UTF-8 font
	for i := range d.Pages {
		stylesUsed(d.Pages[i].Items, &used)
	}
	for i, style := range pdfStyles {
		if used[i] { // fpdf embeds every font added, used or not
			pdf.AddUTF8FontFromBytes(pdfFont, style, faceTTF(i))
		}
	}
	pdf.SetFont(pdfFont, "", 10) // UTF-8 titles need a UTF-8 font set
	if d.Title != "" {
		pdf.SetTitle(d.Title, true)
	}
	links := make([]int, len(d.Pages))
	for i := range links {
		links[i] = pdf.AddLink()
		pdf.SetLink(links[i], 0, i+1)
	}
	p := pdfWriter{pdf: pdf, links: links}
	outline := d.outline()
	level := -1
	for i := range d.Pages {
		pg := &d.Pages[i]
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width, Ht: pg.Height})
		pdf.SetFont(pdfFont, "", 10)
		for _, o := range outline {
			if o.Page == i+1 {
				// fpdf nests an entry under the last one a level up, so
				// a level may rise by one at most.
				level = min(o.Level, level+1)
				// fpdf measures a bookmark's y from the top of the
				// last page, whatever its page: aim at this page's top.
				pdf.Bookmark(Clean(o.Title), level, d.Pages[len(d.Pages)-1].Height-pg.Height)
			}
		}
		if pg.Background.Visible() {
			p.fill(pg.Background)
			pdf.Rect(0, 0, pg.Width, pg.Height, "F")
		}
		p.items(pg.Items)
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err := w.Write(blankDates(b.Bytes()))
	return err
}

// faceTTF returns the TrueType bytes of style i (bold | italic<<1).
func faceTTF(i int) []byte { return mustFace(i&1 == 1, i&2 == 2).ttf }

// stylesUsed marks the faceIndex of every Text in items.
func stylesUsed(items []Item, used *[4]bool) {
	for _, it := range items {
		switch it := it.(type) {
		case Text:
			used[faceIndex(it.Bold, it.Italic)] = true
		case Group:
			stylesUsed(it.Items, used)
		}
	}
}

var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:` + pdfEpoch.Format("20060102150405") + `\)`)

// blankDates overwrites fpdf's date entries in b with spaces; see above.
func blankDates(b []byte) []byte {
	return pdfDate.ReplaceAllFunc(b, func(m []byte) []byte { return bytes.Repeat([]byte{' '}, len(m)) })
}

type pdfWriter struct {
	pdf   *fpdf.Fpdf
	links []int // fpdf link id by page index
	alpha float64
}

// setAlpha sets the opacity of what follows (fill, stroke and text alike).
func (p *pdfWriter) setAlpha(c Color) {
	if a := c.Opacity(); a != p.alpha {
		p.pdf.SetAlpha(a, "Normal")
		p.alpha = a
	}
}

func (p *pdfWriter) fill(c Color) {
	p.setAlpha(c)
	p.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
}

func (p *pdfWriter) stroke(c Color, width float64, dash []float64) {
	p.setAlpha(c)
	p.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	p.pdf.SetLineWidth(width)
	p.pdf.SetDashPattern(dash, 0) // nil: solid
}

func (p *pdfWriter) link(l Link, r Rect) {
	switch {
	case l.Page > 0:
		p.pdf.Link(r.X, r.Y, r.W, r.H, p.links[l.Page-1])
	case l.URL != "":
		p.pdf.LinkString(r.X, r.Y, r.W, r.H, l.URL)
	}
}

func (p *pdfWriter) items(items []Item) {
	for _, it := range items {
		switch it := it.(type) {
		case Box:
			p.box(it)
		case Text:
			p.text(it)
		case Path:
			p.path(it)
		case Group:
			p.items(it.Items)
			if r, ok := bounds(it.Items); ok {
				p.link(it.Link, r)
			}
		}
	}
}

func (p *pdfWriter) box(b Box) {
	style := ""
	if b.Fill.Visible() {
		p.fill(b.Fill)
		style = "F"
	}
	if b.Stroke.Visible() && b.StrokeWidth > 0 {
		if style != "" && b.Stroke.A != b.Fill.A {
			p.rect(b, style)
			style = ""
		}
		p.stroke(b.Stroke, b.StrokeWidth, b.Dash)
		style += "D"
	}
	if style != "" {
		p.rect(b, style)
	}
	p.link(b.Link, b.Rect)
}

func (p *pdfWriter) path(pt Path) {
	if !pt.Stroke.Visible() || pt.Width <= 0 {
		return
	}
	pts, arrows := pt.stroked()
	p.stroke(pt.Stroke, pt.Width, pt.Dash)
	p.pdf.SetLineJoinStyle("round")
	p.pdf.MoveTo(pts[0].X, pts[0].Y)
	for _, q := range pts[1:] {
		p.pdf.LineTo(q.X, q.Y)
	}
	p.pdf.DrawPath("D")
	p.pdf.SetLineJoinStyle("miter")
	for _, a := range arrows {
		c := a.corners()
		p.fill(pt.Stroke)
		p.pdf.Polygon([]fpdf.PointType{{X: c[0].X, Y: c[0].Y}, {X: c[1].X, Y: c[1].Y}, {X: c[2].X, Y: c[2].Y}}, "F")
	}
}

// text draws t in runs split where the kern table adjusts a pair, since fpdf
// sets text by advance widths alone; so PDF text is as wide as Measure says.
func (p *pdfWriter) text(t Text) {
	s := Clean(t.S)
	if s == "" || !t.Color.Visible() {
		return
	}
	f := mustFace(t.Bold, t.Italic)
	p.pdf.SetFont(pdfFont, pdfStyles[faceIndex(t.Bold, t.Italic)], t.Size)
	p.setAlpha(t.Color)
	p.pdf.SetTextColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
	scale := t.Size / f.upem
	x := t.anchorX(f.width(s, t.Size))
	start, units, prev := 0, 0, -1
	for i, r := range s {
		g := f.glyph(r)
		if prev >= 0 {
			if k := f.kerning(uint16(prev), g); k != 0 {
				p.pdf.Text(x, t.Y, s[start:i])
				x += float64(units+int(k)) * scale
				start, units = i, 0
			}
		}
		units += int(f.adv[g])
		prev = int(g)
	}
	p.pdf.Text(x, t.Y, s[start:])
}

// rect draws b's outline, filled ("F"), stroked ("D") or both ("FD").
func (p *pdfWriter) rect(b Box, style string) {
	if r := b.radius(); r > 0 {
		p.pdf.RoundedRect(b.X, b.Y, b.W, b.H, r, "1234", style)
	} else {
		p.pdf.Rect(b.X, b.Y, b.W, b.H, style)
	}
}
