package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files (and testscript files' cmp targets)")

// TestMain makes the test binary double as the orgchart command: testscript
// runs "orgchart" from scripts by re-executing this binary, which then calls
// run exactly as main does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"orgchart": func() {
			os.Exit(runInterruptible(os.Args[1:]))
		},
	})
}

// TestScript runs every testdata/script/*.txtar file. Scripts of any
// subcommand (validate, rules, render, serve, ...) live there; add a file to
// add a test. Besides testscript's built-in commands, scripts may use:
//
//	exitcode N cmd [args...]   run cmd and require exit status exactly N
//	                           (testscript's ! cannot tell 1 from 2); stdout
//	                           and stderr are kept for later checks.
//	validjson FILE             FILE (or "stdout") parses as JSON
//	validxml FILE              FILE (or "stdout") parses as XML
func TestScript(t *testing.T) {
	t.Parallel() // alongside TestScriptExamples: each script is one process at a time
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: false,
		Setup:               shareCodeCache(t),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":  cmdExitCode,
			"validjson": cmdValidJSON,
			"validxml":  cmdValidXML,
		},
	})
}

// cmdExitCode implements `exitcode N cmd args...`.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N cmd [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

func readArg(ts *testscript.TestScript, name string) []byte {
	if name == "stdout" {
		return []byte(ts.ReadFile("stdout"))
	}
	return []byte(ts.ReadFile(name))
}

func cmdValidJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: validjson FILE")
	}
	var v any
	err := jsonUnmarshal(readArg(ts, args[0]), &v)
	if (err == nil) == neg {
		ts.Fatalf("validjson %s: %v", args[0], err)
	}
}

func cmdValidXML(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: validxml FILE")
	}
	err := xmlWellFormed(readArg(ts, args[0]))
	if (err == nil) == neg {
		ts.Fatalf("validxml %s: %v", args[0], err)
	}
}

// runCLI runs the orgchart command line in process, as main does, and
// returns its standard output, standard error and exit code. Go tests of any
// subcommand may use it; scripts are preferred for end-to-end checks.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(t.Context(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// xmlWellFormed reports whether data is one well-formed XML document.
func xmlWellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	roots := 0
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d root elements, want 1", roots)
	}
	return nil
}

func TestSourceDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64 // Unix seconds; -1 for the zero time
		err  bool
	}{
		{"", -1, false},
		{"1700000000", 1700000000, false},
		{"0", 0, false},
		{"yesterday", -1, true},
		{"-5", -1, true},
	} {
		got, err := sourceDate(tc.in)
		if (err != nil) != tc.err {
			t.Errorf("sourceDate(%q) error = %v, want error %v", tc.in, err, tc.err)
			continue
		}
		if tc.want < 0 && !got.IsZero() || tc.want >= 0 && got.Unix() != tc.want {
			t.Errorf("sourceDate(%q) = %v, want %d", tc.in, got, tc.want)
		}
	}
}

// shareCodeCache gives every script's orgchart the compiled-code cache of
// the user running the tests (package gvcache: private to the user, 0700,
// checked before use), as the server tests' workers have it: each script's
// home is /no-home, and without a cache every orgchart command compiles
// Graphviz's WebAssembly again (about 1 s, 5 s under -race). With a fresh
// directory per test, each test run paid that compile once per test with
// every script's first command waiting on it; now a machine pays it once.
// Without a user cache directory, a directory of the test's own.
func shareCodeCache(t *testing.T) func(*testscript.Env) error {
	dir, err := os.UserCacheDir()
	if err != nil || os.MkdirAll(dir, 0o700) != nil {
		dir = t.TempDir()
	}
	return func(env *testscript.Env) error {
		env.Setenv("XDG_CACHE_HOME", dir)
		return nil
	}
}
