package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/diff"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/render/option"
)

func init() { subcommands = append(subcommands, newDiffCmd) }

func newDiffCmd(e *env) *cobra.Command {
	var format, failOn, output string
	var ropts option.Options
	cmd := &cobra.Command{
		Use:   "diff [flags] OLD NEW",
		Short: "Show what changed between two versions of a chart, and which findings it introduced or resolved",
		Long: `Diff compares two versions of a chart, matching entries by id: who joined, left
or moved (first solid-line manager changed), was retitled, renamed, given other
roles or another department, and which dotted lines were added or removed.
Both versions are checked with the same flags (each keeps its own policy
section); findings are matched by code and subject, and those NEW introduces
or resolves are listed. Findings present in both versions are in neither list.

OLD and NEW are chart files, - for standard input, or git:REV:PATH to read
PATH at revision REV of the git repository in the current directory (as
"git show REV:PATH" reads it: PATH from the repository root, or ./PATH from
the current directory).

-o with .svg, .png, .jpg or .pdf draws the NEW chart instead, with the
changes marked: joiners and movers outlined and badged (a mover's card
says from whom), leavers listed under the chart, and the findings NEW
introduced in their colour (findings of both versions are not drawn).

Exit status: 1 when NEW introduces a finding at or above --fail-on (findings
already in OLD never fail a change), 2 for a usage error or unreadable
input, 0 otherwise. A one-line summary goes to standard error.`,
		Example: `  orgchart diff examples/diff/old.yaml examples/diff/new.yaml
  orgchart diff --format markdown --fail-on warning git:origin/main:org.yaml org.yaml
  orgchart diff --format json -o diff.json old.csv new.csv
  orgchart diff --preset slide-16x9 -o diff.png old.yaml new.yaml`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeCharts,
	}
	in := addInputFlags(cmd)
	fs := cmd.Flags()
	fs.StringVarP(&format, "format", "f", "text", "output `FORMAT`: "+strings.Join(diff.Formats, "|"))
	fs.StringVar(&failOn, "fail-on", "error", "exit 1 when NEW introduces a finding at or above `SEVERITY`: error|warning|info|none")
	fs.StringVarP(&output, "output", "o", "", "write the comparison to `FILE` (atomically) instead of standard output; .svg, .png, .jpg, .pdf draw it")
	fs.StringVar(&ropts.Preset, "preset", "", "with a drawn -o: page preset: "+strings.Join(option.PresetNames, "|"))
	fs.StringVar(&ropts.Theme, "theme", "light", "with a drawn -o: colours: "+strings.Join(option.Themes, "|"))
	fs.BoolVar(&ropts.Redact, "redact", false, "with a drawn -o: hide names (titles and roles stay)")
	_ = cmd.RegisterFlagCompletionFunc("preset", fixedCompletion(option.PresetNames))
	_ = cmd.RegisterFlagCompletionFunc("theme", fixedCompletion(option.Themes))
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(diff.Formats))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletion(failOnLevels))

	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) != 2 {
			return &usageError{fmt.Errorf("diff needs two charts, OLD and NEW; got %d argument(s) (see \"orgchart diff --help\")", len(args))}
		}
		if err := oneOf("--format", format, diff.Formats); err != nil {
			return err
		}
		if err := oneOf("--fail-on", failOn, failOnLevels); err != nil {
			return err
		}
		drawn, err := diffDrawing(cmd, output, &ropts)
		if err != nil {
			return err
		}
		threshold, err := diag.ParseSeverity(failOn)
		if err != nil {
			return &usageError{err}
		}
		opts, err := in.checkOptions()
		if err != nil {
			return err
		}
		if countStdin(args) > 1 {
			return &usageError{errors.New("standard input (-) named twice: it can be read only once")}
		}
		var srcs [2]pipeline.Source
		for i, arg := range args {
			if srcs[i], err = diffSource(cmd.Context(), e, arg); err != nil {
				return err
			}
		}
		tuneGC(srcs[:]...)
		r, err := pipeline.Diff(cmd.Context(), srcs[0], srcs[1], opts)
		if err != nil {
			return &usageError{err}
		}
		if drawn {
			d, err := pipeline.DrawDiff(cmd.Context(), r, ropts)
			if err != nil {
				return &usageError{err}
			}
			if err := writePages(e, output, d.Chart.Org.File, d); err != nil {
				return err
			}
		} else {
			var buf bytes.Buffer
			if err := diff.Write(&buf, format, r); err != nil {
				return err
			}
			if err := writeOutput(e.stdout, output, buf.Bytes()); err != nil {
				return err
			}
		}
		fmt.Fprintln(e.stderr, r.Summary())
		if threshold != diag.SeverityNone && r.Max() >= threshold {
			return &exitError{exitFindings}
		}
		return nil
	}
	return cmd
}

// diffDrawing reports whether output names a drawing (.svg, .png, .jpg,
// .jpeg, .pdf) and sets ropts for it; --format and the drawing flags are
// refused where they do not apply.
func diffDrawing(cmd *cobra.Command, output string, ropts *option.Options) (bool, error) {
	f := drawnFormat(output)
	if f == "" {
		for _, name := range []string{"preset", "theme", "redact"} {
			if cmd.Flags().Changed(name) {
				return false, &usageError{fmt.Errorf("--%s applies to a drawn diff only (-o diff.svg, .png, .jpg or .pdf)", name)}
			}
		}
		return false, nil
	}
	if cmd.Flags().Changed("format") {
		return false, &usageError{fmt.Errorf("--format is for the reports; -o %s draws the chart (drop --format)", output)}
	}
	ropts.Format, ropts.Compact = f, true
	if err := fileOptions(ropts, output); err != nil {
		return false, err
	}
	if err := ropts.Validate(); err != nil {
		return false, &usageError{err}
	}
	return true, nil
}

// drawnFormat returns the drawing format output's extension names (svg,
// png, jpeg, pdf) for diff and stats, or "" for a report.
func drawnFormat(output string) string {
	f := extFormats[strings.ToLower(filepath.Ext(output))]
	if output == "-" || !slices.Contains(pipeline.StatsFormats, f) {
		return ""
	}
	return f
}

// diffSource reads one argument of diff: git:REV:PATH through git, anything
// else as validate reads its FILE arguments.
func diffSource(ctx context.Context, e *env, arg string) (pipeline.Source, error) {
	spec, ok := strings.CutPrefix(arg, "git:")
	if !ok {
		srcs, err := sources(e, []string{arg})
		if err != nil {
			return pipeline.Source{}, err
		}
		return srcs[0], nil
	}
	rev, path, ok := strings.Cut(spec, ":")
	if !ok || rev == "" || path == "" {
		return pipeline.Source{}, &usageError{fmt.Errorf("%s: want git:REV:PATH, such as git:main:org.yaml", arg)}
	}
	data, err := gitShow(ctx, rev, path)
	if err != nil {
		return pipeline.Source{}, &usageError{fmt.Errorf("read %s: %w", arg, err)}
	}
	return pipeline.Source{Name: arg, Data: data}, nil
}

// gitShow returns the bytes of path at rev in the repository of the current
// directory ("git show REV:PATH").
func gitShow(ctx context.Context, rev, path string) ([]byte, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("revision %q must not start with -", rev)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "git", "show", "--no-textconv", rev+":"+path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git show %s:%s: %s", rev, path, msg)
	}
	return stdout.Bytes(), nil
}
