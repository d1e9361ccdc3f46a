//go:build linux

package server

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// servePoolParent is the server process of TestWorkerDiesWithServer: a
// pool of one worker, busy with a render that holds for an hour.
func servePoolParent(dir string) {
	os.Setenv("ORGCHART_TEST_HOLD", filepath.Join(dir, "worker"))
	cmd, err := workerCommand()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	p, err := NewPool(PoolConfig{Size: 1, Command: cmd, RenderTimeout: time.Hour, Stderr: os.Stderr})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	p.Render(context.Background(), svgJob("#orgchart-test:hold\n"))
	os.Exit(4) // not reached: the test kills this process
}

// TestWorkerDiesWithServer: when the server is killed (kill -9, which it
// cannot handle), a worker in the middle of a render dies with it rather
// than rendering on (procattr_linux.go).
func TestWorkerDiesWithServer(t *testing.T) {
	dir := t.TempDir()
	exe, _ := os.Executable()
	server := exec.Command(exe, "-test.run=^$")
	server.Env = append(os.Environ(), "ORGCHART_TEST_POOL_PARENT="+dir)
	// A file, not a buffer: Wait would wait for a surviving worker, which
	// inherits the server's stderr, to close it.
	stderr, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer stderr.Close()
	server.Stderr = stderr
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { server.Process.Kill(); server.Wait() }()
	var pid int
	waitFor(t, "the worker to start its render", func() bool {
		b, _ := os.ReadFile(filepath.Join(dir, "worker"))
		pid, _ = strconv.Atoi(string(b))
		return pid > 0
	})
	defer syscall.Kill(pid, syscall.SIGKILL) // whatever happens, no worker outlives the test
	if processGone(pid) {
		t.Fatalf("worker %d is gone before the server was killed", pid)
	}
	server.Process.Signal(syscall.SIGKILL)
	server.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for !processGone(pid) {
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(stderr.Name())
			t.Fatalf("worker %d still runs 10 s after its server was killed (server stderr: %s)", pid, b)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// processGone reports whether process pid has exited: no /proc entry, or a
// zombie waiting for a parent (a container's init may never reap it).
func processGone(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	// The state follows the command name in parentheses.
	if i := bytes.LastIndexByte(b, ')'); i >= 0 && i+2 < len(b) {
		return b[i+2] == 'Z' || b[i+2] == 'X'
	}
	return false
}
