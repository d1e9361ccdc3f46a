package main

import (
	"errors"
	"fmt"

	"github.com/orgchart/orgchart/render/option"
	"github.com/spf13/cobra"
)

// limitFlags names the flag that raises each of option.Limits' fields.
var limitFlags = map[string]string{
	"Lines":           "max-lines",
	"Dotted":          "max-dotted",
	"DottedPerPerson": "max-dotted-per-person",
	"DOTBytes":        "max-dot-bytes",
}

// addLimitFlags gives cmd (render) the flags that set l.
func addLimitFlags(cmd *cobra.Command, l *option.Limits) {
	fs := cmd.Flags()
	d := option.DefaultLimits
	fs.IntVar(&l.Lines, limitFlags["Lines"], d.Lines, "draw at most `N` lines, solid and dotted (-1: no limit)")
	fs.IntVar(&l.Dotted, limitFlags["Dotted"], d.Dotted, "draw at most `N` dotted lines (-1: no limit)")
	fs.IntVar(&l.DottedPerPerson, limitFlags["DottedPerPerson"], d.DottedPerPerson, "draw at most `N` dotted lines from one person (-1: no limit)")
	fs.IntVar(&l.DOTBytes, limitFlags["DOTBytes"], d.DOTBytes, "draw charts of at most `N` bytes of estimated DOT (-1: no limit)")
}

// limitHint adds to an option.LimitError the flag that raises the limit.
func limitHint(err error) (string, bool) {
	var le *option.LimitError
	if !errors.As(err, &le) {
		return "", false
	}
	return fmt.Sprintf("orgchart: %v\n  Graphviz's time and memory grow fast with such charts; draw a part (--root, --depth, --split)\n  or raise the limit with --%s=N (-1: none) if the machine can take it", le, limitFlags[le.Name]), true
}
