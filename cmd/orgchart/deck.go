package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/render/option"
)

// renderDeck draws every chart of srcs into one PowerPoint deck, their
// slides in order, and writes it to out.
func renderDeck(e *env, cmd *cobra.Command, srcs []pipeline.Source, copts pipeline.CheckOptions, opts option.Options, out string) error {
	d, err := pipeline.Deck(cmd.Context(), srcs, copts, opts)
	if err != nil {
		return &usageError{err}
	}
	for _, n := range d.Notes {
		fmt.Fprintf(e.stderr, "orgchart: %s\n", n)
	}
	return writeOutput(e.stdout, out, d.Data)
}
