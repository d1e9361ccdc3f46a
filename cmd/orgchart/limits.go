package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/render"
)

// limitFlags names the flag that raises each of render.Limits' fields.
var limitFlags = map[string]string{
	"Lines":           "max-lines",
	"Dotted":          "max-dotted",
	"DottedPerPerson": "max-dotted-per-person",
	"DOTBytes":        "max-dot-bytes",
}

// addLimitFlags gives cmd (render) the flags that set render.ChartLimits.
func addLimitFlags(cmd *cobra.Command) {
	fs := cmd.Flags()
	l, d := &render.ChartLimits, render.DefaultLimits
	fs.IntVar(&l.Lines, limitFlags["Lines"], d.Lines, "draw at most `N` lines, solid and dotted (-1: no limit)")
	fs.IntVar(&l.Dotted, limitFlags["Dotted"], d.Dotted, "draw at most `N` dotted lines (-1: no limit)")
	fs.IntVar(&l.DottedPerPerson, limitFlags["DottedPerPerson"], d.DottedPerPerson, "draw at most `N` dotted lines from one person (-1: no limit)")
	fs.IntVar(&l.DOTBytes, limitFlags["DOTBytes"], d.DOTBytes, "draw charts of at most `N` bytes of estimated DOT (-1: no limit)")
}

// limitHint adds to a render.LimitError the flag that raises the limit.
func limitHint(err error) (string, bool) {
	var le *render.LimitError
	if !errors.As(err, &le) {
		return "", false
	}
	return fmt.Sprintf("orgchart: %v\n  Graphviz's time and memory grow fast with such charts; draw a part (--root, --depth, --split)\n  or raise the limit with --%s=N (-1: none) if the machine can take it", le, limitFlags[le.Name]), true
}
