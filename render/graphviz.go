package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"testing/fstest"

	"early.orgchart.invalid/gvcache"
	"github.com/goccy/go-graphviz"
)

// The go-graphviz backend. go-graphviz runs Graphviz 12 compiled to
// WebAssembly; it is not safe for concurrent use even across instances, so
// every call goes through gvMu. One *graphviz.Graphviz is created lazily and
// reused, to pay the WebAssembly compile cost once per process. Graphviz is
// given an empty file system so that no chart can make it read a file (an
// image= or shapefile= attribute). Only SVG is asked of it: its own PNG/JPG
// renderer is broken (upstream #106) and it has no PDF; convert.go makes
// those from the SVG.
//
// go-graphviz ignores context cancellation, and its WebAssembly memory only
// grows. ctx is checked before and after a layout; real cancellation and
// memory recycling are the job of the server's worker processes.
var (
	gvMu sync.Mutex
	gv   *graphviz.Graphviz
)

// Seal puts $TMPDIR back and records the compiled-code cache entries
// go-graphviz wrote while initialising in a private directory (see package
// gvcache): this init runs after go-graphviz's, which this package imports.
func init() { gvcache.Seal() }

// noFS is the file system Graphviz sees: empty.
var noFS fs.FS = fstest.MapFS{}

// MaxDOTBytes caps the DOT handed to Graphviz (about 50,000 people).
var MaxDOTBytes = 64 << 20

// layoutSVG lays out dot with Graphviz's dot engine and returns the SVG.
func layoutSVG(ctx context.Context, dot []byte) (svg []byte, err error) {
	if len(dot) > MaxDOTBytes {
		return nil, fmt.Errorf("chart too large: %d bytes of DOT, limit %d", len(dot), MaxDOTBytes)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	gvMu.Lock()
	defer gvMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			// A panic inside the WebAssembly bridge leaves the instance in
			// an unknown state: drop it so the next call starts afresh.
			gv = nil
			svg, err = nil, fmt.Errorf("graphviz: internal error: %v", r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if gv == nil {
		graphviz.SetFileSystem(noFS)
		g, err := graphviz.New(context.Background())
		if err != nil {
			return nil, fmt.Errorf("graphviz: start: %w", err)
		}
		gv = g
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz: parse: %w", err)
	}
	defer g.Close()
	var buf bytes.Buffer
	// context.Background: go-graphviz does not honour cancellation, and a
	// cancelled context inside it could leave the instance half-used.
	if err := gv.Render(context.Background(), g, graphviz.SVG, &buf); err != nil {
		return nil, fmt.Errorf("graphviz: layout: %w", err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("</svg>")) {
		// go-graphviz swallows Graphviz's errors; a truncated SVG is one.
		gv = nil
		return nil, errors.New("graphviz: layout failed (no complete SVG); the chart may be too large")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
