//go:build linux

package server

import "syscall"

// workerProcAttr makes the kernel SIGKILL a render worker when the server
// that started it dies, however it dies (kill -9 included): a worker in the
// middle of a render does not read its stdin, so it would otherwise run on
// (up to its deadline, with its memory) after the server is gone.
//
// Pdeathsig fires when the OS thread that started the child exits, not the
// process; the Go runtime does not end threads (only a goroutine that exits
// while locked to its thread does, and the pool locks none), and Go's
// forkExec kills the child itself if the parent died before the setting
// took effect.
func workerProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
