//go:build linux

package huge

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the platforms Go
// supports Linux on (x86-64, arm64 with 4 KB base pages).
const hugePage = 2 << 20

// advises: memory can be advised for huge pages here.
const advises = true

// madvHugePage is MADV_HUGEPAGE, which the syscall package does not export
// on every architecture.
const madvHugePage = 14

// adviseHugePages asks the kernel to back the 2 MB pages that the n bytes
// at p touch with transparent huge pages (madvise MADV_HUGEPAGE). Loading a
// million-person chart writes several hundred megabytes of fresh memory, and
// on a virtual machine each 4 KB page fault costs microseconds: a slab backed
// by huge pages takes one fault per 2 MB instead of 512. Go's runtime does
// not advise its heap, and the kernel's default ("madvise") only uses huge
// pages where asked.
//
// The range is rounded out to whole huge pages, so the ends of a slab that
// share a 2 MB page with its neighbours in the heap (Go lays large objects
// out one after the other) are covered too. That is safe: the advice changes
// no contents, and the kernel only maps a huge page where no 4 KB page of
// that 2 MB is mapped yet, zero-filled, as the runtime expects fresh memory.
// Errors (no THP support, part of the range not mapped) are ignored.
func adviseHugePages(p unsafe.Pointer, n uintptr) {
	start := uintptr(p) &^ (hugePage - 1)
	end := (uintptr(p) + n + hugePage - 1) &^ (hugePage - 1)
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvHugePage)
	runtime.KeepAlive(p)
}
