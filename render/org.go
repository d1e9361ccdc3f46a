package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/draw"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// orgPages draws the chart with the org engine (render/draw on
// render/layout) and writes its pages in opts' format. Notes from the
// drawing (what was split and why, pages with small names) go on the first
// page's Note.
func orgPages(ctx context.Context, g *graph.Graph, findings []diag.Diagnostic, opts option.Options) ([]Page, error) {
	units, err := orgUnits(g, opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, err := draw.Draw(g, findings, opts, units)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := res.Doc
	var pages []Page
	switch f := opts.OutputFormat(); f {
	case "pdf":
		var b bytes.Buffer
		if err := scene.WritePDF(&b, doc); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
		pages = []Page{{Title: doc.Pages[0].Title, Data: b.Bytes()}}
	default:
		if pages, err = writePages(ctx, doc, f, opts); err != nil {
			return nil, err
		}
	}
	if len(res.Notes) > 0 {
		note := strings.Join(res.Notes, "; ")
		if pages[0].Note != "" {
			note += "; " + pages[0].Note
		}
		pages[0].Note = note
	}
	return pages, nil
}

// pageWorkers bounds the pages written at once: a raster page may take
// 200 MB while it is drawn.
const pageWorkers = 4

// writePages writes every page of doc in format f (not pdf), several at a
// time: rasterising and compressing a slide is most of a split chart's PNG.
func writePages(ctx context.Context, doc *scene.Document, f string, opts option.Options) ([]Page, error) {
	pages := make([]Page, len(doc.Pages))
	errs := make([]error, len(doc.Pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), pageWorkers, len(pages)) {
		wg.Go(func() {
			for n := range next {
				if errs[n] = ctx.Err(); errs[n] == nil {
					pages[n], errs[n] = writePage(doc, n, f, opts)
				}
			}
		})
	}
	for n := range pages {
		next <- n
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for n, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("render page %d: %w", n+1, err)
		}
	}
	return pages, nil
}

// writePage writes page n (zero-based) of doc in format f.
func writePage(doc *scene.Document, n int, f string, opts option.Options) (Page, error) {
	var b bytes.Buffer
	var err error
	pg := Page{Title: doc.Pages[n].Title}
	switch f {
	case "svg":
		so := scene.SVGOptions{}
		if opts.PageFile != "" {
			so.PageURL = func(k int) string { return fmt.Sprintf(opts.PageFile, k) }
		}
		if opts.Stream {
			pg.Write = func(w io.Writer) error { return scene.WriteSVG(w, doc, n+1, so) }
			return pg, nil
		}
		err = scene.WriteSVG(&b, doc, n+1, so)
	case "dot":
		err = draw.WriteDOT(&b, &doc.Pages[n])
	default:
		dpi := opts.DPI
		if dpi == 0 {
			dpi = option.DefaultDPI
		}
		ro := scene.RasterOptions{Scale: dpi / 72}
		var scale float64
		if f == "png" {
			scale, err = scene.WritePNG(&b, doc, n+1, ro)
		} else {
			scale, err = scene.WriteJPEG(&b, doc, n+1, ro)
		}
		pg.DPI = scale * 72
		if pg.DPI < dpi-0.5 {
			pg.Note = fmt.Sprintf("page %d is %.0fx%.0f pt: drawn at %.0f dpi instead of %.0f to stay under %d pixels", n+1, doc.Pages[n].Width, doc.Pages[n].Height, pg.DPI, dpi, scene.DefaultMaxPixels)
		}
	}
	pg.Data = b.Bytes()
	return pg, err
}

// orgUnits returns the units to draw: none (the whole chart) unless a root,
// a depth or a split asks for a part.
func orgUnits(g *graph.Graph, opts option.Options) ([]draw.Unit, error) {
	if opts.Root == "" && opts.Depth == 0 && opts.Split == "" {
		return nil, checkHighlight(g, opts.Highlight)
	}
	c := newChart(g)
	us, err := c.units(opts)
	if err != nil {
		return nil, err
	}
	out := make([]draw.Unit, len(us))
	for i, u := range us {
		t := u.title
		if opts.Title != "" {
			t = strings.Replace(t, c.org.Title, opts.Title, 1)
			if c.org.Title == "" {
				t = pageTitle(opts.Title, u.title, "")
			}
		}
		out[i] = draw.Unit{In: u.in, Title: t}
	}
	return out, nil
}
