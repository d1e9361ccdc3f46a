package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/spf13/cobra"
)

// Exit codes, the same for every subcommand and --format.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitUsage    = 2 // usage error, unreadable input or internal failure
)

// env is the process state a command may use; tests fill it in process.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// exitError carries an exit code out of a command's RunE without printing.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError marks an error as the user's (bad flag value, unreadable input).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:           "orgchart",
		Short:         "Validate, render and serve organisation charts kept as code",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version,
	}
	root.SetVersionTemplate("orgchart {{.Version}}\n")
	// A bad flag is a usage error; point at the command's help.
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{fmt.Errorf("%w (see \"%s --help\")", err, c.CommandPath())}
	})
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetContext(e.ctx)
	for _, add := range subcommands {
		root.AddCommand(add(e))
	}
	return root
}

// subcommands lists the constructors of the subcommands; each subcommand's
// file appends its own in init.
var subcommands []func(*env) *cobra.Command

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCmd(e)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	printError(stderr, err)
	return exitUsage
}

// printError prints err for a person: positioned chart errors as
// "file:line:col: message", one per line, so editors can jump to them;
// anything else as "orgchart: message". Joined errors are printed one by one.
func printError(w io.Writer, err error) {
	if hint, ok := limitHint(err); ok {
		fmt.Fprintln(w, hint)
		return
	}
	if ue, ok := err.(*usageError); ok {
		printError(w, ue.err)
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			printError(w, e)
		}
		return
	}
	var list diag.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(w, list.Error())
		return
	}
	var pe *diag.Error
	if errors.As(err, &pe) {
		fmt.Fprintln(w, pe.Error())
		return
	}
	fmt.Fprintf(w, "orgchart: %v\n", err)
}
