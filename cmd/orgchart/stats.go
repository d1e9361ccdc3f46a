package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/stats"
)

func init() { subcommands = append(subcommands, newStatsCmd) }

func newStatsCmd(e *env) *cobra.Command {
	var format, by, output, themeName string
	cmd := &cobra.Command{
		Use:   "stats [flags] FILE",
		Short: "Count headcount, vacancies, managers, span of control and layers",
		Long: `Stats reads a chart (- for standard input) and prints its numbers: headcount,
vacancies, managers, span of control (mean, median, max, histogram), layers,
the same per department and per top-level unit, and where each CISO and CSO
sits (distance from the CEO, line to the board). docs/stats.md defines each
number. --by adds a row per department or unit to the text, CSV and Markdown
tables; JSON always has every group. -o with .svg, .png, .jpg or .pdf draws
a chart of the span-of-control histogram and the people per department
instead of writing a table.

Exit status: 0, or 2 for a usage error or unreadable input.`,
		Example: `  orgchart stats examples/seed.yaml
  orgchart stats --by department --format markdown org.yaml
  orgchart stats --format csv --by unit -o stats.csv hr-export.csv
  orgchart stats -o stats.png org.yaml`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeCharts,
	}
	in := addInputFlags(cmd)
	fs := cmd.Flags()
	fs.StringVarP(&format, "format", "f", "text", "output `FORMAT`: "+strings.Join(stats.Formats, "|"))
	fs.StringVar(&by, "by", "", "add a row per `GROUP` to the table: "+strings.Join(stats.Groupings, "|"))
	fs.StringVarP(&output, "output", "o", "", "write the numbers to `FILE` (atomically) instead of standard output; .svg, .png, .jpg, .pdf draw them")
	fs.StringVar(&themeName, "theme", "light", "with a drawn -o: colours: "+strings.Join(option.Themes, "|"))
	_ = cmd.RegisterFlagCompletionFunc("theme", fixedCompletion(option.Themes))
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(stats.Formats))
	_ = cmd.RegisterFlagCompletionFunc("by", fixedCompletion(stats.Groupings))

	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return &usageError{fmt.Errorf("stats needs one chart, FILE or -; got %d argument(s) (see \"orgchart stats --help\")", len(args))}
		}
		if err := oneOf("--format", format, stats.Formats); err != nil {
			return err
		}
		if by != "" {
			if err := oneOf("--by", by, stats.Groupings); err != nil {
				return err
			}
		}
		drawn := drawnFormat(output)
		switch {
		case drawn != "" && (cmd.Flags().Changed("format") || by != ""):
			return &usageError{fmt.Errorf("--format and --by are for the tables; -o %s draws the chart (drop them)", output)}
		case drawn == "" && cmd.Flags().Changed("theme"):
			return &usageError{errors.New("--theme applies to a drawn chart only (-o stats.svg, .png, .jpg or .pdf)")}
		}
		if err := oneOf("--theme", themeName, option.Themes); err != nil {
			return err
		}
		opts, srcs, err := in.inputs(e, args)
		if err != nil {
			return err
		}
		tuneGC(srcs...)
		s, err := pipeline.Stats(cmd.Context(), srcs[0], opts)
		if err != nil {
			return &usageError{err}
		}
		if drawn != "" {
			data, err := pipeline.DrawStats(s, drawn, themeName)
			if err != nil {
				return err
			}
			return writeOutput(e.stdout, output, data)
		}
		var buf bytes.Buffer
		if err := stats.Write(&buf, format, s, stats.Options{By: by}); err != nil {
			return err
		}
		return writeOutput(e.stdout, output, buf.Bytes())
	}
	return cmd
}
