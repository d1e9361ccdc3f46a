//go:build !linux

package huge

import "unsafe"

// advises: memory cannot be advised for huge pages here.
const advises = false

// adviseHugePages is a no-op where transparent huge pages are not known.
func adviseHugePages(unsafe.Pointer, uintptr) {}
