package main

import (
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/server"
)

func init() { subcommands = append(subcommands, newWorkerCmd) }

// workerCommand is the hidden subcommand `orgchart serve` re-executes for
// each render worker.
const workerCommand = "render-worker"

// newWorkerCmd returns the hidden render-worker subcommand: it reads render
// jobs on stdin and writes results on stdout (a length-prefixed JSON
// protocol, see server.ServeWorker) until stdin closes.
func newWorkerCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:    workerCommand,
		Short:  "Run one render worker for orgchart serve (internal)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var out io.Writer = e.stdout
			if e.stdout == os.Stdout {
				// Keep the protocol stream private: anything a library
				// prints to fd 1 goes to stderr instead.
				if f, err := privateStdout(); err == nil {
					out = f
				}
			}
			return server.ServeWorker(e.stdin, out, server.WorkerOptions{})
		},
	}
}
