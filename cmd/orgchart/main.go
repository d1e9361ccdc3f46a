// Command orgchart validates, renders and serves organisation charts kept as
// code. main wires the process's state into run; everything else is testable
// in process.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"
)

func main() {
	os.Exit(runInterruptible(os.Args[1:]))
}

// interruptGrace is how long a command may take to stop after the first
// SIGINT or SIGTERM before the process exits without it.
const interruptGrace = 1500 * time.Millisecond

// runInterruptible runs the command in a goroutine and returns its exit
// code, or, on the first SIGINT or SIGTERM, cancels its context, waits at
// most interruptGrace for it to return, removes the temporary files it was
// writing and returns 130 (SIGINT) or 143 (SIGTERM). The wait is bounded
// because a Graphviz layout runs in WebAssembly and ignores cancellation:
// main stops waiting for it and exits, which is the only way to stop it.
func runInterruptible(args []string) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- run(ctx, args, os.Stdin, os.Stdout, os.Stderr) }()
	select {
	case code := <-done:
		return code
	case sig := <-sigs:
		signal.Stop(sigs) // a second signal kills at once, as by default
		cancel()
		select {
		case <-done:
		case <-time.After(interruptGrace):
		}
		removeTemps() // output.go
		if sig == syscall.SIGTERM {
			return 128 + int(syscall.SIGTERM)
		}
		return 128 + int(syscall.SIGINT)
	}
}

// tuneGC trades memory for time in one-shot batch commands (validate, render,
// diff, stats)
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

// sourceDate parses SOURCE_DATE_EPOCH (reproducible-builds.org): seconds
// since 1970 UTC, the date written into files that carry one (PDF). Unset or
// empty means no date at all, the zero time.
func sourceDate(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 || n > 253402300799 {
		return time.Time{}, fmt.Errorf("%q is not a number of seconds since 1970 (up to year 9999)", v)
	}
	return time.Unix(n, 0).UTC(), nil
}
