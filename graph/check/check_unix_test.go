//go:build unix

package check

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user plus system) the test process has
// used so far. Benchmarks report it per operation next to the wall time,
// because on a shared machine wall time mostly measures the other load.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
