package pptx

import (
	"flag"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/render/scene"
)

// keep names a directory to copy the decks and LibreOffice's PDFs to, so a
// person can look at them (pdftoppm -png -r 80 deck.pdf page).
var keep = flag.String("keep", "", "copy the generated decks and their PDFs to this `dir`")

// convert converts decks (name → bytes) to PDF with LibreOffice Impress in
// one soffice run, with a profile of its own, and returns each PDF's path.
func convert(t *testing.T, decks map[string][]byte) map[string]string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("soffice (LibreOffice Impress) is not installed: run scripts/setup.sh, which installs libreoffice-impress")
	}
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s (poppler-utils) is not installed: run scripts/setup.sh", tool)
		}
	}
	dir := t.TempDir()
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile"), "--convert-to", "pdf", "--outdir", dir}
	for name, data := range decks {
		p := filepath.Join(dir, name+".pptx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	cmd := exec.Command(soffice, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdfs := map[string]string{}
	for name := range decks {
		p := filepath.Join(dir, name+".pdf")
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice did not convert %s.pptx: %v\n%s", name, err, out)
		}
		pdfs[name] = p
		if *keep != "" {
			os.MkdirAll(*keep, 0o755)
			for _, ext := range []string{".pptx", ".pdf"} {
				b, _ := os.ReadFile(filepath.Join(dir, name+ext))
				os.WriteFile(filepath.Join(*keep, name+ext), b, 0o644)
			}
		}
	}
	return pdfs
}

// word is a word pdftotext found: its page (one-based) and box in points.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	s                      string
}

var (
	pageRe = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRe = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// words returns every word of a PDF with its position, and the pages' sizes.
func words(t *testing.T, pdf string) ([]word, [][2]float64) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", pdf, err)
	}
	var ws []word
	var pages [][2]float64
	for _, line := range strings.Split(string(out), "\n") {
		if m := pageRe.FindStringSubmatch(line); m != nil {
			pages = append(pages, [2]float64{num(m[1]), num(m[2])})
			continue
		}
		if m := wordRe.FindStringSubmatch(line); m != nil {
			ws = append(ws, word{len(pages), num(m[1]), num(m[2]), num(m[3]), num(m[4]), html.UnescapeString(m[5])})
		}
	}
	return ws, pages
}

func num(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }

// find returns the words of s (split at spaces) found in sequence on page
// (0: any page), or nil.
func find(ws []word, page int, s string) []word {
	all := findAll(ws, page, s)
	if len(all) == 0 {
		return nil
	}
	return all[0]
}

// nearest returns the occurrence of s on page whose first word starts
// nearest to x, y, or nil.
func nearest(ws []word, page int, s string, x, y float64) []word {
	var best []word
	d := math.Inf(1)
	for _, f := range findAll(ws, page, s) {
		if e := math.Hypot(f[0].xMin-x, f[0].yMin-y); e < d {
			best, d = f, e
		}
	}
	return best
}

// findAll returns every sequence of words that reads s on page (0: any).
func findAll(ws []word, page int, s string) [][]word {
	var out [][]word
	parts := strings.Fields(s)
	for i := range ws {
		if page != 0 && ws[i].page != page {
			continue
		}
		if i+len(parts) > len(ws) {
			break
		}
		ok := true
		for j, p := range parts {
			if ws[i+j].s != p || ws[i+j].page != ws[i].page {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, ws[i:i+len(parts)])
		}
	}
	return out
}

// nameText returns the first line of a card's name: the hand-made scenes'
// second item, or the first Text of the drawing stage's "name" group.
func nameText(g scene.Group) (scene.Text, bool) {
	for _, it := range g.Items {
		if n, ok := it.(scene.Group); ok && n.Kind == "name" {
			return n.Items[0].(scene.Text), true
		}
	}
	t, ok := g.Items[1].(scene.Text)
	return t, ok
}

func TestLibreOffice(t *testing.T) {
	exec14 := executive()
	comp := company(6, 5)
	_, orgEx := drawOrg(t, executiveOrg(), "slide-16x9")
	_, orgCo := drawOrg(t, companyOrg(), "slide-16x9")
	decks := map[string][]byte{
		"executive":     write(t, Wide, Chart{Doc: exec14}),
		"company":       write(t, Wide, Chart{Doc: comp}),
		"board":         write(t, Standard, Chart{Doc: exec14}, Chart{Doc: comp}),
		"org-executive": write(t, Wide, Chart{Doc: orgEx.Doc}),
		"org-company":   write(t, Wide, Chart{Doc: orgCo.Doc}),
	}
	pdfs := convert(t, decks)

	// The org engine's charts: every name in the PDF where the scene put
	// it; the 14 people on one slide; the 400 on an overview and units.
	for _, tc := range []struct {
		name   string
		doc    *scene.Document
		people int
	}{{"org-executive", orgEx.Doc, 14}, {"org-company", orgCo.Doc, 400}} {
		t.Run(tc.name, func(t *testing.T) {
			ws, pages := words(t, pdfs[tc.name])
			if len(pages) != len(tc.doc.Pages) {
				t.Fatalf("%d pages, want %d", len(pages), len(tc.doc.Pages))
			}
			checkCards(t, ws, Wide, tc.doc, 0)
			n := 0
			for k, names := range cardNames(tc.doc) {
				for _, name := range names {
					n++
					if find(ws, k+1, name) == nil {
						t.Errorf("page %d: %q is not in the PDF", k+1, name)
					}
				}
			}
			if n != tc.people {
				t.Errorf("%d people on the slides, want %d", n, tc.people)
			}
		})
	}

	t.Run("executive", func(t *testing.T) {
		ws, pages := words(t, pdfs["executive"])
		if len(pages) != 1 || math.Abs(pages[0][0]-960) > 1 || math.Abs(pages[0][1]-540) > 1 {
			t.Fatalf("pages %v, want one 960x540 pt page", pages)
		}
		checkCards(t, ws, Wide, exec14, 0)
		if find(ws, 1, "Executive team") == nil {
			t.Errorf("the title is not in the PDF")
		}
	})
	t.Run("company", func(t *testing.T) {
		ws, pages := words(t, pdfs["company"])
		if len(pages) != len(comp.Pages) {
			t.Fatalf("%d pages, want %d", len(pages), len(comp.Pages))
		}
		checkCards(t, ws, Wide, comp, 0)
		for i := 2; i <= len(pages); i++ {
			if find(ws, i, backText) == nil {
				t.Errorf("page %d has no %q", i, backText)
			}
		}
	})
	t.Run("board pack", func(t *testing.T) {
		ws, pages := words(t, pdfs["board"])
		if want := 1 + len(comp.Pages); len(pages) != want {
			t.Fatalf("%d pages, want %d", len(pages), want)
		}
		if math.Abs(pages[0][0]-720) > 1 {
			t.Errorf("page width %v, want 720 pt (4:3)", pages[0][0])
		}
		checkCards(t, ws, Standard, exec14, 0)
		checkCards(t, ws, Standard, comp, 1)
	})
}

// sceneWords returns the words of d as the scene's PDF backend draws them.
func sceneWords(t *testing.T, d *scene.Document) []word {
	t.Helper()
	p := filepath.Join(t.TempDir(), "scene.pdf")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := scene.WritePDF(f, d); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ws, _ := words(t, p)
	return ws
}

// checkCards checks that every card's name is on its page of the PDF, that
// the name's first word starts where the scene put it, and that names are
// at least 5 pt (10 px on a 1920x1080 slide). offset is the page number of
// the document's first page, less one.
func checkCards(t *testing.T, ws []word, s Size, d *scene.Document, offset int) {
	t.Helper()
	minSize := math.Inf(1)
	ref := sceneWords(t, d)
	for i := range d.Pages {
		pg := &d.Pages[i]
		sc, ox, oy, _ := place(s, pg)
		for _, it := range pg.Items {
			g, ok := it.(scene.Group)
			if !ok || g.Kind != "card" {
				continue
			}
			name, ok := nameText(g)
			if !ok {
				t.Fatalf("page %d: card %s has no name", i+1, g.ID)
			}
			r := textRect(name)
			// Where the scene's own PDF backend puts the name, as the same
			// pdftotext measures it, moved onto the slide.
			at := nearest(ref, i+1, name.S, r.X, r.Y)
			if at == nil {
				t.Fatalf("page %d: name %q is not in the scene's PDF", i+1, name.S)
			}
			wantX, wantY := ox+sc*at[0].xMin, oy+sc*at[0].yMin
			found := nearest(ws, offset+i+1, name.S, wantX, wantY)
			if found == nil {
				t.Errorf("page %d: name %q is not in LibreOffice's PDF", offset+i+1, name.S)
				continue
			}
			if dx, dy := found[0].xMin-wantX, found[0].yMin-wantY; math.Abs(dx) > 1.5 || math.Abs(dy) > 1.5 {
				t.Errorf("page %d: %q at (%.1f, %.1f), want (%.1f, %.1f) give or take 1.5 pt", offset+i+1, name.S, found[0].xMin, found[0].yMin, wantX, wantY)
			}
			last := found[len(found)-1]
			if w := last.xMax - found[0].xMin; math.Abs(w-sc*r.W) > 2 {
				t.Errorf("page %d: %q is %.1f pt wide, want %.1f (the width Measure gives)", offset+i+1, name.S, w, sc*r.W)
			}
			// The name's size in LibreOffice's PDF: the scene's size times
			// the ratio of the word's height there to its height in the
			// scene's PDF (pdftotext's boxes are proportional to the size).
			minSize = math.Min(minSize, name.Size*(found[0].yMax-found[0].yMin)/(at[0].yMax-at[0].yMin))
		}
	}
	px := minSize * min(1920/s.W, 1080/s.H)
	if px < 10 {
		t.Errorf("the smallest name is %.1f pt, %.1f px on a slide shown at 1920x1080; want at least 10 px", minSize, px)
	}
	t.Logf("%s: smallest name %.2f pt on the slide, %.1f px at 1920x1080", d.Title, minSize, px)
}
