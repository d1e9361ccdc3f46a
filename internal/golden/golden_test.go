package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Fatal(...any)          { r.failed = true }

// TestCheck: the same bytes pass, other bytes and a missing file fail, and
// -update writes the file.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.txt")
	r := &recorder{TB: t}
	Check(r, path, []byte("a"))
	if !r.failed {
		t.Error("a missing golden file passed")
	}
	*update = true
	Check(t, path, []byte("a\nb\n"))
	*update = false
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\nb\n" {
		t.Fatalf("-update wrote %q, %v", b, err)
	}
	r = &recorder{TB: t}
	Check(r, path, []byte("a\nb\n"))
	if r.failed {
		t.Error("the golden file's own bytes failed")
	}
	Check(r, path, []byte("a\nc\n"))
	if !r.failed {
		t.Error("different bytes passed")
	}
}
