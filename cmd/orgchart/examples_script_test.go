package main

import (
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestScriptExamples runs testdata/script-examples/*.txtar: scripts that use
// the repository's examples/ (in $EXAMPLES) rather than copies in the
// script, so the example a document shows is the one the test checks.
func TestScriptExamples(t *testing.T) {
	t.Parallel() // alongside TestScript
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	cache := shareCodeCache(t)
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script-examples",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			return cache(env)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":  cmdExitCode,
			"validjson": cmdValidJSON,
			"validxml":  cmdValidXML,
		},
	})
}
