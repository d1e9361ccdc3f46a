package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/pipeline"
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
	Maps         []string // --map field=Column
	Verbose      bool     // --verbose: print what the loaders left out
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
	fs.StringArrayVar(&f.Maps, "map", nil, "read the CSV/xlsx column `FIELD=Column` as FIELD, e.g. title=\"Business Title\" (repeatable)")
	fs.BoolVarP(&f.Verbose, "verbose", "v", false, "say on standard error what the loader left out (unused directory attributes, deprovisioned users)")
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

// profileError turns NewPolicy's errors about --profile values (each a
// *check.ProfileError, joined) into one line.
func profileError(err error) string {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// checkOptions returns the pipeline options the flags ask for: it validates
// the flag values (check) and reads the --policy file.
func (f *inputFlags) checkOptions() (pipeline.CheckOptions, error) {
	if err := f.check(); err != nil {
		return pipeline.CheckOptions{}, err
	}
	spec, err := loadPolicyFile(f.PolicyFile)
	if err != nil {
		return pipeline.CheckOptions{}, err
	}
	cols, err := parseMaps(f.Maps)
	if err != nil {
		return pipeline.CheckOptions{}, err
	}
	return pipeline.CheckOptions{
		Load:     load.Options{Format: f.InputFormat, NoInferRoles: f.NoInferRoles, Sheet: f.Sheet, Columns: cols},
		Profiles: f.Profiles,
		Policy:   spec,
	}, nil
}

// parseMaps reads the --map values (field=Column, each field once); the
// loader checks the field names and that the columns exist.
func parseMaps(maps []string) (map[string]string, error) {
	if len(maps) == 0 {
		return nil, nil
	}
	cols := make(map[string]string, len(maps))
	for _, m := range maps {
		field, col, ok := strings.Cut(m, "=")
		field, col = strings.ToLower(strings.TrimSpace(field)), strings.TrimSpace(col)
		if !ok || field == "" || col == "" {
			return nil, &usageError{fmt.Errorf("invalid --map %q: write FIELD=Column, such as title=\"Business Title\"", m)}
		}
		if _, dup := cols[field]; dup {
			return nil, &usageError{fmt.Errorf("--map %s given twice: map each field once", field)}
		}
		cols[field] = col
	}
	return cols, nil
}

// notes prints, with --verbose, what the loaders left out of each chart.
func (f *inputFlags) notes(w io.Writer, orgs ...*graph.Org) {
	if !f.Verbose {
		return
	}
	for _, o := range orgs {
		writeNotes(w, o.Notes)
	}
}

// sources turns the FILE arguments into pipeline sources: a path, or "-"
// for e.stdin (read here, once; "-" may appear only once).
func sources(e *env, files []string) ([]pipeline.Source, error) {
	if len(files) == 0 {
		return nil, &usageError{errors.New("no chart given: name one or more FILEs, or - for standard input")}
	}
	if n := countStdin(files); n > 1 {
		return nil, &usageError{fmt.Errorf("standard input (-) named %d times: it can be read only once", n)}
	}
	srcs := make([]pipeline.Source, len(files))
	for i, name := range files {
		if name != "-" {
			srcs[i] = pipeline.Source{Name: name, Path: name}
			continue
		}
		data, err := io.ReadAll(e.stdin)
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		srcs[i] = pipeline.Source{Name: stdinName, Data: data}
	}
	return srcs, nil
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

// inputs is what every command that reads charts starts with: the
// pipeline options of the flags (checkOptions) and the FILE arguments as
// sources.
func (f *inputFlags) inputs(e *env, files []string) (pipeline.CheckOptions, []pipeline.Source, error) {
	opts, err := f.checkOptions()
	if err != nil {
		return opts, nil, err
	}
	srcs, err := sources(e, files)
	return opts, srcs, err
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
