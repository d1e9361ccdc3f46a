// Package pptx writes scene documents as an Office Open XML presentation
// (PowerPoint .pptx) with native, editable shapes: it only translates the
// scene, deciding nothing about placement.
//
// A card (a scene.Group whose Box holds Text lines) becomes a rounded
// rectangle (p:sp, prstGeom roundRect) whose text frame holds its lines as
// text runs; a group of several shapes (a card and its badges) becomes a
// p:grpSp so it moves as one. A Path becomes a connector (p:cxnSp, the
// straight or elbow preset that draws its route) glued with a:stCxn/a:endCxn
// to the sites of the shapes its From and To name on the sides it touches,
// so moving a card in PowerPoint keeps its lines attached. Each page becomes a slide, scaled
// uniformly to fit below a title placeholder holding the page's title; links
// to pages become slide jumps, links to URLs hyperlinks, and each slide's
// Notes become its speaker notes.
//
// Invariants:
//   - The same charts and size give the same bytes: zip entries carry a fixed
//     time, parts are written in a fixed order, numbers are integers (EMU,
//     1 pt = 12700 EMU; hundredths of a point for font sizes).
//   - Shape ids are unique on a slide; every connector end names a shape on
//     its own slide; every relationship target is a part of the package.
//   - Every run names Arial (see font), metric-compatible with the Liberation
//     Sans the scene was measured with.
//
// No Go library writes PresentationML shapes and connectors under an MIT or
// BSD licence (unioffice is AGPL or commercial; D2's lib/pptx places one
// picture per slide from a template), so the XML is written here with the
// standard library: archive/zip, and strings with encoding/xml's escaping.
package pptx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/orgchart/orgchart/render/scene"
)

// Size is a slide size in points.
type Size struct{ W, H float64 }

// Slide sizes.
var (
	Wide     = Size{W: 960, H: 540} // 16:9, 13.333 x 7.5 in (12192000 x 6858000 EMU)
	Standard = Size{W: 720, H: 540} // 4:3, 10 x 7.5 in (9144000 x 6858000 EMU)
)

// Note is one entry of a slide's speaker notes: a finding drawn on it.
type Note struct {
	Code    string // rule code, e.g. "SEC002"
	Message string
	URL     string // the rule's documentation; optional
}

// Chart is one chart's pages in a deck and the speaker notes of each page.
type Chart struct {
	Doc   *scene.Document
	Notes [][]Note // by page index; may be shorter than Doc.Pages
}

// Write writes the charts as one deck, their slides in order, at size s.
// Each chart's links to its own pages jump to the matching slides; a page
// that the chart's first page links to (a unit page of an overview) gets a
// "back to overview" link unless it already links to the first page. It
// writes nothing when a document does not validate.
func Write(w io.Writer, s Size, charts ...Chart) error {
	if !(s.W > 0 && s.H > 0) {
		return fmt.Errorf("pptx: slide size %vx%v is not positive", s.W, s.H)
	}
	n := 0
	for i, c := range charts {
		if c.Doc == nil {
			return fmt.Errorf("pptx: chart %d: no document", i+1)
		}
		if err := c.Doc.Validate(); err != nil {
			return fmt.Errorf("pptx: chart %d: %w", i+1, err)
		}
		n += len(c.Doc.Pages)
	}
	if n == 0 {
		return fmt.Errorf("pptx: no pages")
	}
	var slides []slideIn
	for _, c := range charts {
		base := len(slides)
		backs := backLinks(c.Doc)
		for i := range c.Doc.Pages {
			var notes []Note
			if i < len(c.Notes) {
				notes = c.Notes[i]
			}
			slides = append(slides, slideIn{page: &c.Doc.Pages[i], base: base, notes: notes, back: backs[i]})
		}
	}
	p := newPackage()
	p.add("ppt/presentation.xml", ctPML+"presentation.main+xml", presentation(s, len(slides)))
	p.add("ppt/_rels/presentation.xml.rels", "", presentationRels(len(slides)))
	p.add("ppt/slideMasters/slideMaster1.xml", ctPML+"slideMaster+xml", slideMaster(s))
	p.add("ppt/slideMasters/_rels/slideMaster1.xml.rels", "", rels(rel{"slideLayout", "../slideLayouts/slideLayout1.xml", false}, rel{"theme", "../theme/theme1.xml", false}))
	p.add("ppt/slideLayouts/slideLayout1.xml", ctPML+"slideLayout+xml", slideLayout(s))
	p.add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", "", rels(rel{"slideMaster", "../slideMasters/slideMaster1.xml", false}))
	p.add("ppt/notesMasters/notesMaster1.xml", ctPML+"notesMaster+xml", notesMaster())
	p.add("ppt/notesMasters/_rels/notesMaster1.xml.rels", "", rels(rel{"theme", "../theme/theme2.xml", false}))
	p.add("ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", theme)
	p.add("ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml", theme)
	for i, sl := range slides {
		xml, r := writeSlide(s, sl)
		name := fmt.Sprintf("slide%d.xml", i+1)
		p.add("ppt/slides/"+name, ctPML+"slide+xml", xml)
		r = append([]rel{{"slideLayout", "../slideLayouts/slideLayout1.xml", false}, {"notesSlide", fmt.Sprintf("../notesSlides/notesSlide%d.xml", i+1), false}}, r...)
		p.add("ppt/slides/_rels/"+name+".rels", "", rels(r...))
		nxml, nr := notesSlide(sl.notes)
		nname := fmt.Sprintf("notesSlide%d.xml", i+1)
		p.add("ppt/notesSlides/"+nname, ctPML+"notesSlide+xml", nxml)
		nr = append([]rel{{"notesMaster", "../notesMasters/notesMaster1.xml", false}, {"slide", "../slides/" + name, false}}, nr...)
		p.add("ppt/notesSlides/_rels/"+nname+".rels", "", rels(nr...))
	}
	title := ""
	if len(charts) > 0 {
		title = charts[0].Doc.Title
	}
	p.add("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", coreProps(title))
	p.add("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", appProps(len(slides)))
	return p.write(w)
}

// slideIn is one page to write as a slide.
type slideIn struct {
	page  *scene.Page
	base  int // slide index of its document's first page, zero-based
	notes []Note
	back  bool // add a link back to the document's first page
}

// backLinks reports, by page index, the pages that get a "back to
// overview" link: those page 1 links to, when they do not link to page 1.
func backLinks(d *scene.Document) []bool {
	backs := make([]bool, len(d.Pages))
	if len(d.Pages) < 2 {
		return backs
	}
	walkLinks(d.Pages[0].Items, func(l scene.Link) {
		if l.Page > 1 {
			backs[l.Page-1] = true
		}
	})
	for i := 1; i < len(d.Pages); i++ {
		if backs[i] {
			walkLinks(d.Pages[i].Items, func(l scene.Link) {
				if l.Page == 1 {
					backs[i] = false
				}
			})
		}
	}
	return backs
}

// walkLinks calls f with every link of items, in order.
func walkLinks(items []scene.Item, f func(scene.Link)) {
	for _, it := range items {
		switch it := it.(type) {
		case scene.Box:
			f(it.Link)
		case scene.Group:
			f(it.Link)
			walkLinks(it.Items, f)
		}
	}
}

// presentation is ppt/presentation.xml: the master, the notes master, the
// slides (rId1 master, rId2 notes master, rId3 theme, rId4... slides).
func presentation(s Size, n int) string {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<p:presentation xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `" saveSubsetFonts="1">`)
	b.WriteString(`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>`)
	b.WriteString(`<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<p:sldId id="%d" r:id="rId%d"/>`, 256+i, 4+i)
	}
	fmt.Fprintf(&b, `</p:sldIdLst><p:sldSz cx="%d" cy="%d"/><p:notesSz cx="%d" cy="%d"/>`, emu(s.W), emu(s.H), notesW, notesH)
	b.WriteString(`</p:presentation>`)
	return b.String()
}

func presentationRels(n int) string {
	r := []rel{
		{"slideMaster", "slideMasters/slideMaster1.xml", false},
		{"notesMaster", "notesMasters/notesMaster1.xml", false},
		{"theme", "theme/theme1.xml", false},
	}
	for i := 0; i < n; i++ {
		r = append(r, rel{"slide", fmt.Sprintf("slides/slide%d.xml", i+1), false})
	}
	return rels(r...)
}

// coreProps are the document's core properties, without dates (so the
// bytes do not depend on when it was written).
func coreProps(title string) string {
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>orgchart</dc:creator></cp:coreProperties>`
}

func appProps(n int) string {
	return xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>orgchart</Application><Slides>` + itoa(n) + `</Slides><Notes>` + itoa(n) + `</Notes></Properties>`
}

// rel is one relationship of a part; its id is rId and its one-based
// position in the list.
type rel struct {
	typ, target string
	external    bool
}

func rels(rs ...rel) string {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsRel + `">`)
	for i, r := range rs {
		typ := relT + r.typ
		if r.typ == "core-properties" {
			typ = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
		}
		mode := ""
		if r.external {
			mode = ` TargetMode="External"`
		}
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s" Target="%s"%s/>`, i+1, typ, esc(r.target), mode)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// pkg is the zip package being assembled: its parts in order and their
// content types.
type pkg struct {
	names []string
	data  map[string]string
	types map[string]string
}

func newPackage() *pkg {
	p := &pkg{data: map[string]string{}, types: map[string]string{}}
	p.add("_rels/.rels", "", rels(
		rel{"officeDocument", "ppt/presentation.xml", false},
		rel{"core-properties", "docProps/core.xml", false},
		rel{"extended-properties", "docProps/app.xml", false},
	))
	return p
}

// add adds a part; ctype is its content type ("" for relationship parts,
// which the default for .rels covers).
func (p *pkg) add(name, ctype, data string) {
	p.names = append(p.names, name)
	p.data[name] = data
	if ctype != "" {
		p.types[name] = ctype
	}
}

// zipTime is the time every zip entry carries.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// write writes the package: [Content_Types].xml first, then the parts in
// the order they were added.
func (p *pkg) write(w io.Writer) error {
	var ct bytes.Buffer
	ct.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	ct.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	ct.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, n := range p.names {
		if t, ok := p.types[n]; ok {
			fmt.Fprintf(&ct, `<Override PartName="/%s" ContentType="%s"/>`, n, t)
		}
	}
	ct.WriteString(`</Types>`)
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, data string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, data)
		return err
	}
	if err := put("[Content_Types].xml", ct.String()); err != nil {
		return fmt.Errorf("pptx: %w", err)
	}
	for _, n := range p.names {
		if err := put(n, p.data[n]); err != nil {
			return fmt.Errorf("pptx: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("pptx: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
