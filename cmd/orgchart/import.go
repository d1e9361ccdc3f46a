package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/pipeline"
)

func init() { subcommands = append(subcommands, newImportCmd) }

func newImportCmd(e *env) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "import [flags] FILE",
		Short: "Convert a directory export, workbook or CSV into a YAML chart",
		Long: `Import reads a chart in any input format (an Entra ID, Google Workspace,
Okta, SCIM or LDIF export, an xlsx workbook, a CSV, a YAML or JSON chart;
- reads standard input) and writes it as a YAML chart, to commit and review
with "orgchart diff". Ids are readable: an e-mail or sign-in id becomes its
local part when that is unique ("dana.reyes" for dana.reyes@contoso.com);
the directory's own id (or the e-mail id) is kept in fields.source_id.
Validating the YAML gives the findings validating the export gives.

Standard error says what was left out: directory entries skipped on purpose
(deprovisioned users) and problems of the export the chart cannot carry
(an unknown CSV column, a manager name that matched nobody).

Exit status: 0, or 2 for a usage error or unreadable input.`,
		Example: `  orgchart import users.json -o chart.yaml
  orgchart import --sheet Staff org.xlsx -o chart.yaml
  orgchart import --map title="Business Title" workday.csv > chart.yaml`,
		ValidArgsFunction: completeCharts,
	}
	in := addInputFlags(cmd)
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the chart to `FILE` (atomically) instead of standard output")
	// import writes the chart, it does not check it: the policy flags
	// belong to validate.
	for _, name := range []string{"policy", "profile"} {
		_ = cmd.Flags().MarkHidden(name)
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return &usageError{fmt.Errorf("import needs one chart, FILE or -; got %d argument(s) (see \"orgchart import --help\")", len(args))}
		}
		for _, name := range []string{"policy", "profile"} {
			if cmd.Flags().Changed(name) {
				return &usageError{fmt.Errorf("import does not check the chart: give --%s to validate", name)}
			}
		}
		opts, srcs, err := in.inputs(e, args)
		if err != nil {
			return err
		}
		imp, err := pipeline.Import(cmd.Context(), srcs[0], opts)
		if err != nil {
			return &usageError{err}
		}
		if err := writeOutput(e.stdout, output, imp.YAML); err != nil {
			return err
		}
		writeNotes(e.stderr, imp.Notes)
		for _, d := range imp.Dropped {
			fmt.Fprintln(e.stderr, d.String())
		}
		to := output
		if to == "" || to == "-" {
			to = "standard output"
		}
		fmt.Fprintf(e.stderr, "imported %s from %s (%s) to %s; %s renamed\n",
			diag.Plural(len(imp.Org.People), "entry", "entries"), srcs[0].Name, imp.Org.Format, to,
			diag.Plural(len(imp.Renames), "id", "ids"))
		return nil
	}
	return cmd
}

// writeNotes prints what a loader left out on purpose, one
// "file:line:col: note: message" line each.
func writeNotes(w io.Writer, notes []diag.Related) {
	for _, n := range notes {
		fmt.Fprintf(w, "%s: note: %s\n", n.Pos, n.Message)
	}
}
