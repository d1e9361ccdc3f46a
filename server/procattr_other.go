//go:build !linux

package server

import "syscall"

// workerProcAttr is nil where there is no parent-death signal: a worker
// ends when it next reads its closed stdin, after the render in progress.
func workerProcAttr() *syscall.SysProcAttr { return nil }
