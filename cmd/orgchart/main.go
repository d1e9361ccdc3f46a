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

	"github.com/orgchart/orgchart/internal/huge"
	"github.com/orgchart/orgchart/pipeline"
)

func main() {
	oneShot = true
	os.Exit(runInterruptible(os.Args[1:]))
}

// oneShot is set when this process runs one command and exits, as a user
// runs it; tests run many commands in one process and keep the runtime's
// defaults (see tuneGC).
var oneShot bool

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

// tuneGC tunes the runtime for a one-shot batch command (validate, render,
// diff, stats) on the charts srcs, unless the user set GOGC or GOMEMLIMIT:
// a loaded chart is almost all live data, so the default GOGC=100 spends
// much of a million-person run re-marking it, and a 1.5 GiB soft limit
// keeps the peak under 2 GB. For a large input it also has the heap the
// chart will fill put on huge pages (huge.Reserve; 100,000 people from CSV
// to SVG: 0.34 s to 0.27 s, 62,000 page faults to 7,000).
func tuneGC(srcs ...pipeline.Source) {
	if !oneShot {
		return
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1536 << 20)
	}
	if n := heapEstimate(srcs); n >= reserveMin {
		huge.Reserve(n)
	}
}

// A chart takes up to about 40 times its file's size in memory while it is
// checked and drawn (a 10 MB CSV of 100,000 people: 360 MB). Heap is
// reserved for inputs of a few megabytes and more (smaller charts take few
// page faults), and at most reserveMax of it: the runtime counts freed
// memory against the 1.5 GiB limit until it returns it.
const (
	heapPerInputByte = 40
	reserveMin       = 64 << 20
	reserveMax       = 512 << 20
)

// heapEstimate is the heap srcs are expected to fill, from their sizes, up
// to reserveMax.
func heapEstimate(srcs []pipeline.Source) int {
	const most = reserveMax / heapPerInputByte // input bytes; no overflow on 32 bits
	n := 0
	for _, s := range srcs {
		size := int64(len(s.Data))
		if s.Data == nil && s.Path != "" {
			if fi, err := os.Stat(s.Path); err == nil && fi.Mode().IsRegular() {
				size = fi.Size()
			}
		}
		n = min(n+int(min(size, most)), most)
	}
	return n * heapPerInputByte
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
