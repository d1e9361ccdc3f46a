package scene

import (
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSVGInLibreOffice opens an SVG in LibreOffice (as a slide deck's
// author inserting the chart would), exports it to PDF and rasterises that
// with pdftoppm: the cards must keep their fill. Styles LibreOffice 7.4
// does not apply (descendant selectors in the style sheet) once drew every
// card black, with text starting where it should be centred.
func TestSVGInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("soffice (LibreOffice) is not installed: run scripts/setup.sh, which installs libreoffice-impress")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatalf("pdftoppm (poppler-utils) is not installed: run scripts/setup.sh")
	}
	dir := t.TempDir()
	svg := filepath.Join(dir, "chart.svg")
	if err := os.WriteFile(svg, svgOf(t, testDoc(), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "pdf", "--outdir", dir, svg).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	// 144 dpi: two pixels a point.
	if out, err := exec.Command("pdftoppm", "-r", "144", "-png", "-singlefile", filepath.Join(dir, "chart.pdf"), filepath.Join(dir, "chart")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "chart.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 790 || b.Dx() > 810 || b.Dy() < 490 || b.Dy() > 510 {
		t.Fatalf("LibreOffice's page is %v, want the SVG's 400 x 250 pt at 2 px a point", b)
	}
	// The bottom middle of each card (below its text): its fill, #e8f0fe.
	for _, c := range []struct {
		id   string
		x, y int
	}{{"ceo", 150, 20}, {"cfo", 40, 130}, {"eng", 250, 130}} {
		px := img.At(2*(c.x+60), 2*(c.y+42))
		r, g, b, _ := px.RGBA()
		if r>>8 < 200 || g>>8 < 210 || b>>8 < 230 {
			t.Errorf("card %s drawn %v by LibreOffice at its bottom middle, want its light blue fill #e8f0fe", c.id, px)
		}
	}
	dark, all := 0, 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if (r>>8)+(g>>8)+(b>>8) < 3*64 {
				dark++
			}
			all++
		}
	}
	if dark*20 > all {
		t.Errorf("%d of %d pixels nearly black in LibreOffice's drawing: styles not applied?", dark, all)
	}
}
