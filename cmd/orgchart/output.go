package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// writeOutput writes data to path atomically (see writeOutputWith).
func writeOutput(w io.Writer, path string, data []byte) error {
	return writeOutputWith(w, path, func(f io.Writer) error {
		_, err := f.Write(data)
		return err
	})
}

// writeOutputWith writes what write writes to path atomically: a temporary
// file in the same directory, synced, then renamed over path, so a reader
// never sees a half-written file, even when write fails half-way. "" or "-"
// writes to w instead.
func writeOutputWith(w io.Writer, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(w)
	}
	// -o onto a symbolic link writes the file it points to (the link stays).
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	} else if l, lerr := os.Readlink(path); lerr == nil {
		// A dangling link: create its target.
		if !filepath.IsAbs(l) {
			l = filepath.Join(filepath.Dir(path), l)
		}
		path = l
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	addTemp(tmp.Name())
	defer func() {
		os.Remove(tmp.Name()) // after a successful rename this is a no-op
		dropTemp(tmp.Name())
	}()
	if err := write(&writeback{f: tmp}); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// temps are the temporary files being written, removed by removeTemps when
// a signal ends the process before they are renamed.
var temps struct {
	sync.Mutex
	names map[string]bool
}

func addTemp(name string) {
	temps.Lock()
	defer temps.Unlock()
	if temps.names == nil {
		temps.names = map[string]bool{}
	}
	temps.names[name] = true
}

func dropTemp(name string) {
	temps.Lock()
	defer temps.Unlock()
	delete(temps.names, name)
}

// removeTemps removes every temporary file still being written.
func removeTemps() {
	temps.Lock()
	defer temps.Unlock()
	for name := range temps.names {
		os.Remove(name)
		delete(temps.names, name)
	}
}

// writeback writes to f, asking the kernel every writebackEvery bytes to
// start writing what came before to disk (startWriteback): the Sync before
// the rename then waits for the last stretch only, not for all of a 65 MB
// poster after it is formatted (18 ms of a 0.27 s render here).
type writeback struct {
	f            *os.File
	off, started int64
}

const writebackEvery = 8 << 20

func (w *writeback) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.off += int64(n)
	if w.off-w.started >= writebackEvery {
		startWriteback(w.f, w.started, w.off-w.started)
		w.started = w.off
	}
	return n, err
}
