// Package huge allocates the large slabs that loading and building a
// million-person chart fill at once, advised for transparent huge pages.
package huge

import (
	"runtime"
	"runtime/debug"
	"unsafe"
)

// hugeMin is the size from which a slab is worth advising for huge pages.
const hugeMin = 4 << 20

// Make is make([]T, n, c) for large slabs the loaders and Build fill
// at once: when the slab is big, its memory is advised for huge pages (see
// adviseHugePages) before anything touches it.
func Make[T any](n, c int) []T {
	s := make([]T, n, c)
	var zero T
	if size := uintptr(c) * unsafe.Sizeof(zero); size >= hugeMin {
		adviseHugePages(unsafe.Pointer(unsafe.SliceData(s)), size)
	}
	return s
}

// Reserve makes the next n bytes the Go heap is filled with advised for
// transparent huge pages. The runtime never advises its heap, so a process
// that fills hundreds of megabytes with small objects takes a 4 KB page
// fault for each 4 KB it touches: drawing a 100,000-person poster took
// 60,000 of them, and on a virtual machine they were a fifth of its time.
// Reserve allocates an n-byte slab that nothing touches (the runtime maps
// fresh heap memory for it), advises it (see Make), and frees it, returning
// it to the system (debug.FreeOSMemory: freed but kept, it would count
// against a memory limit and make the collector run early); the runtime
// then places the allocations that follow in that memory, lowest address
// first, where one fault now maps 2 MB: the advice stays with the mapping.
// What is not used of it costs address space only. Where huge pages are
// not known (see adviseHugePages), or for less than a few megabytes,
// Reserve does nothing.
func Reserve(n int) {
	if !advises || n < hugeMin {
		return
	}
	s := Make[byte](0, n)
	runtime.KeepAlive(s)
	debug.FreeOSMemory()
}
