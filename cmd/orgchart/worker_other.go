//go:build !linux

package main

import (
	"errors"
	"os"
)

// privateStdout is only implemented on Linux; elsewhere the worker writes
// to stdout as it is.
func privateStdout() (*os.File, error) { return nil, errors.New("not supported") }
