package huge

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// node is a small heap object: a linked list of them fills the heap with
// 64-byte allocations, as a drawing's items do.
type node struct {
	next *node
	_    [56]byte
}

// fill allocates n bytes of nodes and returns the minor page faults the
// process took meanwhile.
func fill(n int) (*node, int64) {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	before := ru.Minflt
	var head *node
	for range n / 64 {
		head = &node{next: head}
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return head, ru.Minflt - before
}

const reserveChild = "ORGCHART_HUGE_RESERVE_CHILD"

// TestReserve: filling 64 MB with small objects takes a 4 KB page fault for
// each 4 KB (16,384 faults), but after Reserve a fault for each 2 MB: at
// least half of those faults are gone. It fails if the runtime stops placing
// new objects in the memory Reserve freed, or the advice stops reaching
// them. The fills run in a fresh process (this test binary, run again), so
// nothing earlier has advised its heap; the race detector's shadow memory
// faults in both fills alike, so the two are compared by difference.
func TestReserve(t *testing.T) {
	const size = 64 << 20
	if os.Getenv(reserveChild) != "" {
		a, plain := fill(size)
		Reserve(2 * size)
		b, reserved := fill(size)
		runtime.KeepAlive(a)
		runtime.KeepAlive(b)
		fmt.Printf("faults %d %d\n", plain, reserved)
		return
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("this kernel gives no transparent huge pages (%q, %v): nothing to measure", mode, err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReserve$", "-test.count=1")
	cmd.Env = append(os.Environ(), reserveChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var plain, reserved int64
	if _, err := fmt.Sscanf(string(out), "faults %d %d", &plain, &reserved); err != nil {
		t.Fatalf("child printed %q: %v", out, err)
	}
	t.Logf("page faults filling 64 MB: %d, then %d after Reserve", plain, reserved)
	if plain < size/4096 {
		t.Fatalf("filling 64 MB took %d page faults, fewer than its 4 KB pages: the heap is on huge pages already, so this shows nothing", plain)
	}
	if plain-reserved < size/4096/2 {
		t.Errorf("after Reserve, filling 64 MB took %d page faults against %d before: not half of its 4 KB pages fewer", reserved, plain)
	}
}
