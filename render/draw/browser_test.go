package draw

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// TestSlideNamesInChromium is the bar, measured where a person sees
// it: charts of 10, 14, 55 and 400 people drawn with the slide-16x9 preset,
// every page's SVG shown 1920x1080 pixels large in headless Chromium (Debian's
// chromium, as the server's editor test drives it). For every name the
// browser's own numbers are read: the font size times the screen transform
// (the em, in pixels) and getBoundingClientRect's height. Every name's em
// must be at least 14 px, and every person must be a card on some page.
func TestSlideNamesInChromium(t *testing.T) {
	chrome := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chrome = p
			break
		}
	}
	if chrome == "" {
		t.Fatal("chromium is not installed: run scripts/setup.sh (apt-get install chromium)")
	}
	dir := t.TempDir()
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome), chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("allow-file-access-from-files", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")), chromedp.WindowSize(1920, 1080))
	defer cancelA()
	ctx, cancelC := chromedp.NewContext(actx)
	defer cancelC()
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1920, 1080)); err != nil {
		t.Fatal(err)
	}
	type measure struct {
		Names, Cards     int
		MinEm, MinBox    float64
		Width, Height    float64
		SmallestNameText string
	}
	const js = `(() => {
	  const svg = document.querySelector('svg');
	  const r = svg.getBoundingClientRect();
	  let minEm = 1e9, minBox = 1e9, small = '';
	  const names = document.querySelectorAll('g.name text');
	  for (const t of names) {
	    const em = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
	    const h = t.getBoundingClientRect().height;
	    if (em < minEm) { minEm = em; small = t.textContent; }
	    minBox = Math.min(minBox, h);
	  }
	  return {Names: names.length, Cards: document.querySelectorAll('g.card').length,
	    MinEm: minEm, MinBox: minBox, Width: r.width, Height: r.height, SmallestNameText: small};
	})()`
	for _, n := range []int{10, 14, 55, 400} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			g := graph.Build(synth.Generate(n, 1))
			res, err := Draw(g, nil, option.Options{Compact: true, Preset: "slide-16x9"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			cards := 0
			for k := range res.Doc.Pages {
				var svg bytes.Buffer
				if err := scene.WriteSVG(&svg, res.Doc, k+1, scene.SVGOptions{}); err != nil {
					t.Fatal(err)
				}
				// The page fills a 1920x1080 window, as a slide shown full screen.
				html := "<!DOCTYPE html><html><head><style>html,body{margin:0;overflow:hidden}svg{display:block;width:1920px;height:1080px}</style></head><body>" +
					string(bytes.TrimPrefix(svg.Bytes(), []byte(`<?xml version="1.0" encoding="UTF-8"?>`))) + "</body></html>"
				file := filepath.Join(dir, fmt.Sprintf("chart%d-%d.html", n, k+1))
				if err := os.WriteFile(file, []byte(html), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file)); err != nil {
					t.Fatal(err)
				}
				m, err := chromedp.Run(ctx, chromedp.Evaluate[measure](js))
				if err != nil {
					t.Fatal(err)
				}
				if m.Width != 1920 || m.Height != 1080 {
					t.Fatalf("page %d shown %gx%g px, want 1920x1080", k+1, m.Width, m.Height)
				}
				if m.Names == 0 {
					t.Fatalf("page %d: no names found", k+1)
				}
				// The names' size comes from the SVG's style sheet: the browser
				// must see the size the drawing chose.
				if want := res.Names[k] * 1920 / res.Doc.Pages[k].Width; m.MinEm < want-0.05 || m.MinEm > want+0.05 {
					t.Errorf("page %d: smallest name is %.2f px (em) in Chromium, want the drawing's %.2f px", k+1, m.MinEm, want)
				}
				if m.MinEm < 14 {
					t.Errorf("page %d: name %q is %.2f px (em) at 1920x1080, want >= 14", k+1, m.SmallestNameText, m.MinEm)
				}
				t.Logf("page %d: %d names, smallest %.1f px em, %.1f px box", k+1, m.Names, m.MinEm, m.MinBox)
				cards += m.Cards
			}
			if cards != n {
				t.Errorf("%d people on the pages, want %d", cards, n)
			}
		})
	}
}
