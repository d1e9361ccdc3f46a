package pipeline_test

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/orgchart/orgchart"

// imports returns, for each package of the module (by import path), the
// packages its non-test files import.
func imports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != ".." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", filepath.Dir(path))
		pkg := module
		if rel != "." {
			pkg += "/" + filepath.ToSlash(rel)
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if !slices.Contains(out[pkg], p) {
				out[pkg] = append(out[pkg], p)
			}
		}
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func importsUnder(list []string, prefix string) bool {
	for _, p := range list {
		if p == prefix || strings.HasPrefix(p, prefix+"/") {
			return true
		}
	}
	return false
}

// TestLayering checks the dependency rules of docs/architecture.md.
func TestLayering(t *testing.T) {
	all := imports(t)
	var both []string
	for pkg, list := range all {
		if slices.Contains(list, module+"/graph/check") && slices.Contains(list, module+"/render") {
			both = append(both, pkg)
		}
		if pkg == module+"/render" || strings.HasPrefix(pkg, module+"/render/") {
			if importsUnder(list, module+"/graph/check") || importsUnder(list, module+"/graph/load") {
				t.Errorf("%s imports a rule or loader package: %v", pkg, list)
			}
		}
		if !strings.HasPrefix(pkg, module+"/graph") && slices.Contains(list, "github.com/dominikbraun/graph") {
			t.Errorf("%s imports dominikbraun/graph outside graph/", pkg)
		}
	}
	if !slices.Equal(both, []string{module + "/pipeline"}) {
		t.Errorf("packages importing both the rules and the renderer = %v, want only pipeline", both)
	}
	for _, leaf := range []string{module + "/graph/diag", module + "/render/option"} {
		for _, p := range all[leaf] {
			if strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
				t.Errorf("leaf package %s imports %s (standard library only)", leaf, p)
			}
		}
	}
}

// TestFileSize: no Go file over 700 lines.
func TestFileSize(t *testing.T) {
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != ".." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if n := bytes.Count(data, []byte("\n")); n > 700 {
			t.Errorf("%s has %d lines: split it (at most 700)", path, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
