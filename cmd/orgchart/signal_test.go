package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/orgchart/orgchart/internal/synth"
)

// TestSignalStopsRender starts orgchart render on a chart whose Graphviz
// layout takes far longer than the test (WebAssembly, which ignores
// cancellation), sends SIGINT or SIGTERM and wants the process gone within
// a generous bound, with exit code 130 or 143 and no file left behind.
func TestSignalStopsRender(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "orgchart") // the test binary runs as orgchart (TestMain)
	must(t, os.Symlink(os.Args[0], exe))
	var csv bytes.Buffer
	must(t, synth.WriteCSV(&csv, synth.Generate(10000, 1))) // about 19 s to lay out
	chart := filepath.Join(dir, "big.csv")
	must(t, os.WriteFile(chart, csv.Bytes(), 0o644))
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		out := filepath.Join(dir, "out.svg")
		cmd := exec.Command(exe, "render", "--layout", "dot", chart, "-o", out) // Graphviz: the layout that ignores cancellation
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		must(t, cmd.Start())
		time.Sleep(1500 * time.Millisecond) // loading done or nearly: either way it must stop
		start := time.Now()
		must(t, cmd.Process.Signal(tc.sig))
		err := cmd.Wait()
		elapsed := time.Since(start)
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
			t.Errorf("%v: exit %v, want code %d\n%s", tc.sig, err, tc.code, stderr.Bytes())
		}
		// The process exits after interruptGrace (1.5 s); 10 s leaves room
		// for a busy machine and -race.
		if elapsed > 10*time.Second {
			t.Errorf("%v: stopped after %v, want about %v", tc.sig, elapsed, interruptGrace)
		}
		t.Logf("%v: stopped after %v", tc.sig, elapsed)
		left, _ := filepath.Glob(filepath.Join(dir, "*out.svg*"))
		if len(left) > 0 {
			t.Errorf("%v: left %v", tc.sig, left)
		}
	}
}

// TestRemoveTemps: a temporary output file registered by writeOutput is
// removed by removeTemps (what main does on a signal).
func TestRemoveTemps(t *testing.T) {
	tmp := filepath.Join(t.TempDir(), ".out.svg.123.tmp")
	must(t, os.WriteFile(tmp, []byte("half"), 0o600))
	addTemp(tmp)
	removeTemps()
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temp file still there: %v", err)
	}
}

// TestOutputThroughSymlink: -o onto a symbolic link writes the file it
// points to and keeps the link.
func TestOutputThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.svg")
	link := filepath.Join(dir, "link.svg")
	must(t, os.WriteFile(target, []byte("old"), 0o644))
	must(t, os.Symlink("real.svg", link))
	must(t, writeOutput(nil, link, []byte("new")))
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("link replaced: %v %v", fi, err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target = %q, want %q", got, "new")
	}
	dangling := filepath.Join(dir, "dangling.svg")
	must(t, os.Symlink("made.svg", dangling))
	must(t, writeOutput(nil, dangling, []byte("x")))
	if got, _ := os.ReadFile(filepath.Join(dir, "made.svg")); string(got) != "x" {
		t.Errorf("dangling link target = %q, want %q", got, "x")
	}
}
