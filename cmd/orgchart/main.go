// Command orgchart validates, renders and serves organisation charts kept as
// code. main wires the process's state into run; everything else is testable
// in process.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// tuneGC trades memory for time in one-shot batch commands (validate, render)
// unless the user set GOGC or GOMEMLIMIT: a loaded chart is almost all live
// data, so the default GOGC=100 spends much of a million-person run
// re-marking it. A 1.5 GiB soft limit keeps the peak under 2 GB.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1536 << 20)
	}
}
