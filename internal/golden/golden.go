// Package golden compares what a test produced with a golden file kept in
// the repository, and rewrites the file instead when the test binary runs
// with -update (then review the diff like code). Tests import it; the
// program does not.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Update reports whether -update was given: tests that keep their golden
// data in a form of their own (txtar archives) rewrite it themselves.
func Update() bool { return *update }

// Check fails t unless got is the content of the golden file at path, or
// with -update writes got there (creating its directory).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs (-golden +got; go test -update rewrites it, then review the diff):\n%s", path, d)
	}
}
