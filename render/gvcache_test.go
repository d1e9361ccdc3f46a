package render

import (
	"os"
	"path/filepath"
	"testing"

	"early.orgchart.invalid/gvcache"
)

// TestGraphvizCacheIsPrivate checks that package gvcache initialised before
// go-graphviz: go-graphviz made its cache inside the private directory, and
// $TMPDIR is back to what it was.
func TestGraphvizCacheIsPrivate(t *testing.T) {
	d, err := gvcache.Dir()
	if d == "" {
		t.Fatalf("no private cache directory (%v); tests expect $HOME or $XDG_CACHE_HOME", err)
	}
	if fi, err := os.Stat(filepath.Join(d, "go-graphviz")); err != nil || !fi.IsDir() {
		t.Errorf("go-graphviz did not put its cache in %s: %v", d, err)
	}
	if os.Getenv("TMPDIR") == d {
		t.Errorf("TMPDIR still points at the private cache %s", d)
	}
}
