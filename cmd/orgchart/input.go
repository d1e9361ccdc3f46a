package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
)

// stdinName is the file name that charts read from standard input carry in
// positions and output.
const stdinName = "<stdin>"

// inputFormats are the values of --input-format.
var inputFormats = load.Formats

// inputFlags are the flags shared by every subcommand that reads charts
// (validate, render, serve's CLI side): --input-format, --no-infer-roles,
// --policy and --profile.
type inputFlags struct {
	InputFormat  string
	NoInferRoles bool
	Sheet        string
	PolicyFile   string
	Profiles     []string
}

// addInputFlags registers the input flags on cmd, with completions, and
// returns where their values land.
func addInputFlags(cmd *cobra.Command) *inputFlags {
	f := &inputFlags{}
	fs := cmd.Flags()
	fs.StringVar(&f.InputFormat, "input-format", "", "chart `FORMAT`: "+strings.Join(inputFormats, "|")+" (default: from the file extension, or sniffed)")
	fs.BoolVar(&f.NoInferRoles, "no-infer-roles", false, "do not infer role codes from titles")
	fs.StringVar(&f.Sheet, "sheet", "", "read the worksheet `NAME` of an xlsx workbook (default: the first)")
	fs.StringVar(&f.PolicyFile, "policy", "", "policy `FILE` applied over each chart's own policy section")
	fs.StringArrayVar(&f.Profiles, "profile", nil, "activate the rule profile `NAME` (repeatable; -NAME removes a default one)")
	_ = cmd.RegisterFlagCompletionFunc("input-format", fixedCompletion(inputFormats))
	_ = cmd.RegisterFlagCompletionFunc("profile", completeProfiles)
	_ = cmd.RegisterFlagCompletionFunc("policy", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return f
}

// check validates the flag values that do not need any input: an unknown
// --input-format or --profile is a usage error naming the valid values.
func (f *inputFlags) check() error {
	if f.InputFormat != "" {
		if err := oneOf("--input-format", f.InputFormat, inputFormats); err != nil {
			return err
		}
	}
	if _, err := check.NewPolicy(f.Profiles); err != nil {
		return &usageError{fmt.Errorf("bad --profile: %s", profileError(err))}
	}
	return nil
}

// profileError turns NewPolicy's errors about --profile values (positioned
// at the pseudo-file "--profile") into plain messages.
func profileError(err error) string {
	var list diag.ErrorList
	if !errors.As(err, &list) {
		return err.Error()
	}
	msgs := make([]string, len(list))
	for i, e := range list {
		msgs[i] = e.Msg
	}
	return strings.Join(msgs, "; ")
}

// loadOptions returns the load.Options the flags ask for.
func (f *inputFlags) loadOptions() load.Options {
	return load.Options{Format: f.InputFormat, NoInferRoles: f.NoInferRoles, Sheet: f.Sheet}
}

// loadInputs reads and loads each of files: a path, or "-" for e.stdin
// (read once; "-" may appear only once). Every file is tried, so the user
// sees all problems at once; any failure makes the whole call fail with a
// usageError (exit 2) that joins the failures, each load error positioned
// file:line:col.
func loadInputs(e *env, files []string, opts load.Options) ([]*graph.Org, error) {
	if len(files) == 0 {
		return nil, &usageError{errors.New("no chart given: name one or more FILEs, or - for standard input")}
	}
	if n := countStdin(files); n > 1 {
		return nil, &usageError{fmt.Errorf("standard input (-) named %d times: it can be read only once", n)}
	}
	var (
		orgs []*graph.Org
		errs []error
	)
	for _, name := range files {
		org, err := loadInput(e, name, opts)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		orgs = append(orgs, org)
	}
	if len(errs) > 0 {
		return nil, &usageError{errors.Join(errs...)}
	}
	return orgs, nil
}

func countStdin(files []string) int {
	n := 0
	for _, f := range files {
		if f == "-" {
			n++
		}
	}
	return n
}

// loadInput loads one chart, from a file or ("-") standard input.
func loadInput(e *env, name string, opts load.Options) (*graph.Org, error) {
	var (
		data []byte
		err  error
	)
	if name == "-" {
		name = stdinName
		data, err = io.ReadAll(e.stdin)
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
	} else {
		// LoadFile reads big files into memory backed by huge pages,
		// which a million-person chart loads noticeably faster from.
		org, err := load.File(name, opts)
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			return nil, fmt.Errorf("read chart: %w", pe)
		}
		return org, err
	}
	org, err := load.Chart(name, data, opts)
	if err != nil {
		return nil, err
	}
	return org, nil
}

// loadPolicyFile reads the --policy file; "" gives a nil spec.
func loadPolicyFile(path string) (*graph.PolicySpec, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &usageError{fmt.Errorf("read policy: %w", err)}
	}
	spec, err := load.Policy(path, data)
	if err != nil {
		return nil, &usageError{err}
	}
	return spec, nil
}

// policyFor builds the policy to check org with: the default profiles, the
// chart's own policy section, then the --policy file (which overrides the
// chart for the same rule), then the --profile flags. An invalid policy is
// a usage error with positions.
func policyFor(org *graph.Org, profiles []string, file *graph.PolicySpec) (*check.Policy, error) {
	pol, err := check.NewPolicy(profiles, org.Policy, file)
	if err != nil {
		return nil, &usageError{err}
	}
	return pol, nil
}

// checkInputs loads files, builds each chart's policy and runs the rules:
// the shared pipeline of validate (and of any command that needs findings).
//
// It validates the flags first (inputFlags.check), so callers need not.
func checkInputs(e *env, files []string, f *inputFlags) ([]*graph.Org, []*check.Result, error) {
	if err := f.check(); err != nil {
		return nil, nil, err
	}
	spec, err := loadPolicyFile(f.PolicyFile)
	if err != nil {
		return nil, nil, err
	}
	orgs, err := loadInputs(e, files, f.loadOptions())
	if err != nil {
		return nil, nil, err
	}
	results := make([]*check.Result, 0, len(orgs))
	var errs []error
	for _, org := range orgs {
		pol, err := policyFor(org, f.Profiles, spec)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		results = append(results, check.Run(org, pol))
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	return orgs, results, nil
}

// oneOf returns a usage error unless value is one of valid.
func oneOf(flag, value string, valid []string) error {
	if slices.Contains(valid, value) {
		return nil
	}
	return &usageError{fmt.Errorf("invalid %s %q: want one of %s", flag, value, strings.Join(valid, ", "))}
}

// fixedCompletion completes a flag from a fixed list of values.
func fixedCompletion(values []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, v := range values {
			if strings.HasPrefix(v, toComplete) {
				out = append(out, v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeProfiles completes --profile with the profile names and summaries.
func completeProfiles(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, p := range check.Profiles() {
		if strings.HasPrefix(p.Name, toComplete) {
			out = append(out, p.Name+"\t"+p.Summary)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeCharts completes chart file arguments.
func completeCharts(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"yaml", "yml", "json", "csv", "tsv"}, cobra.ShellCompDirectiveFilterFileExt
}
