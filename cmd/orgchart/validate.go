package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/report"
)

func init() { subcommands = append(subcommands, newValidateCmd) }

// failOnLevels are the values of --fail-on, most severe first.
var failOnLevels = []string{"error", "warning", "info", "none"}

func newValidateCmd(e *env) *cobra.Command {
	var (
		format         string
		failOn         string
		output         string
		showSuppressed bool
	)
	cmd := &cobra.Command{
		Use:   "validate [flags] FILE...",
		Short: "Check charts for structural and security-governance conflicts",
		Long: `Validate loads each chart (YAML, JSON or CSV; - reads standard input) and
checks it against the rules of the active profiles (see "orgchart rules").

Findings go to standard output in the chosen --format; a one-line summary
goes to standard error. Exit status: 0 when nothing is at or above --fail-on,
1 when something is, 2 for a usage error or unreadable input (a chart that
cannot be read is reported as file:line:col: message).`,
		Example: `  orgchart validate examples/seed.yaml
  orgchart validate --format sarif -o orgchart.sarif org.yaml
  hr-export | orgchart validate --input-format csv -
  orgchart validate --profile ffiec --fail-on warning org.yaml`,
		ValidArgsFunction: completeCharts,
	}
	in := addInputFlags(cmd)
	fs := cmd.Flags()
	fs.StringVarP(&format, "format", "f", "text", "output `FORMAT`: text|json|sarif|junit|github")
	fs.StringVar(&failOn, "fail-on", "error", "exit 1 when a finding is at or above `SEVERITY`: error|warning|info|none")
	fs.StringVarP(&output, "output", "o", "", "write the report to `FILE` (atomically) instead of standard output")
	fs.BoolVar(&showSuppressed, "show-suppressed", false, "text format: also print findings silenced by an exception")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(report.Formats))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletion(failOnLevels))

	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := oneOf("--format", format, report.Formats); err != nil {
			return err
		}
		if err := oneOf("--fail-on", failOn, failOnLevels); err != nil {
			return err
		}
		threshold, err := diag.ParseSeverity(failOn)
		if err != nil {
			return &usageError{err}
		}
		copts, srcs, err := in.inputs(e, args)
		if err != nil {
			return err
		}
		tuneGC(srcs...)
		// Every chart is tried, so the user sees all problems at once.
		charts, err := pipeline.Validate(cmd.Context(), srcs, copts)
		if err != nil {
			return &usageError{err}
		}
		in.notes(e.stderr, pipeline.Orgs(charts)...)
		results := pipeline.Results(charts)
		var buf bytes.Buffer
		opts := report.Options{ToolVersion: version, ShowSuppressed: showSuppressed, Orgs: pipeline.Orgs(charts)}
		if err := report.WriteOptions(&buf, format, results, opts); err != nil {
			return err
		}
		if err := writeOutput(e.stdout, output, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintln(e.stderr, report.Summary(results))
		if threshold != diag.SeverityNone && check.Count(results...).Max() >= threshold {
			return &exitError{exitFindings}
		}
		return nil
	}
	return cmd
}
