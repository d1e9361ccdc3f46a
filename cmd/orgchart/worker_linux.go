package main

import (
	"os"
	"syscall"
)

// privateStdout returns a new file for the process's standard output and
// points fd 1 at standard error, so that stray prints cannot corrupt the
// worker protocol.
func privateStdout() (*os.File, error) {
	fd, err := syscall.Dup(1)
	if err != nil {
		return nil, err
	}
	if err := syscall.Dup3(2, 1, 0); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	syscall.CloseOnExec(fd)
	return os.NewFile(uintptr(fd), "worker-stdout"), nil
}
