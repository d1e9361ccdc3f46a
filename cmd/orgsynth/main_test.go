package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/internal/synth"
)

func TestRun(t *testing.T) {
	var want bytes.Buffer
	if err := synth.WriteYAML(&want, synth.Generate(50, 3)); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-n", "50", "-format", "yaml", "-seed", "3"}, &out, &errb); code != 0 {
		t.Fatalf("run = %d, stderr %q", code, errb.String())
	}
	if out.String() != want.String() {
		t.Errorf("stdout differs from WriteYAML(Generate(50, 3))")
	}

	path := filepath.Join(t.TempDir(), "org.csv")
	if code := run([]string{"-n", "50", "-o", path}, &out, &errb); code != 0 {
		t.Fatalf("run -o = %d, stderr %q", code, errb.String())
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want.Reset()
	synth.WriteCSV(&want, synth.Generate(50, 1))
	if string(got) != want.String() {
		t.Errorf("-o file differs from WriteCSV(Generate(50, 1))")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("output directory holds %d files, want only org.csv (no temporary left)", len(entries))
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "xml"},
		{"-n", "-3"},
		{"-bogus"},
		{"extra"},
		{"-o", "/nonexistent-dir/org.csv"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
		if !strings.Contains(errb.String(), "orgsynth") && !strings.Contains(errb.String(), "flag") {
			t.Errorf("run(%q) stderr = %q, want a message", args, errb.String())
		}
		if out.Len() != 0 {
			t.Errorf("run(%q) wrote %d bytes to stdout", args, out.Len())
		}
	}
}
