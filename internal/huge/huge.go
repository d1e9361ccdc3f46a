// Package huge allocates the large slabs that loading and building a
// million-person chart fill at once, advised for transparent huge pages.
package huge

import "unsafe"

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
