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

	"github.com/orgchart/orgchart/render"
)

func main() {
	if t, err := sourceDate(os.Getenv("SOURCE_DATE_EPOCH")); err != nil {
		fmt.Fprintf(os.Stderr, "orgchart: SOURCE_DATE_EPOCH ignored: %v\n", err)
	} else {
		render.PDFCreationTime = t
	}
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
