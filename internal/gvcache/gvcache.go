// Package gvcache gives go-graphviz a private compiled-code cache.
//
// go-graphviz v0.2.10 compiles Graphviz's WebAssembly with wazero in the
// init function of its internal/wasm package, with a compilation cache in
// filepath.Join(os.TempDir(), "go-graphviz") created 0755 and trusted as is.
// On a shared machine that path is shared: a second user cannot write it
// (every command panics at start-up), and a file another user put there is
// mapped and executed as native code. go-graphviz offers no option and no
// variable to choose the path; it reads $TMPDIR once, at package init.
//
// This package runs first (the Go spec initialises, among the packages whose
// imports are initialised, the one with the smallest import path first, and
// this module's path, early.orgchart.invalid/..., sorts before
// github.com/goccy/...; gvcache_test.go checks it). Its init points $TMPDIR
// at a private directory, os.UserCacheDir()/orgchart/wazero-<version>,
// created 0700 and checked to be a real directory owned by this user and not
// writable by group or others. When no such directory can be had, $TMPDIR
// points below /dev/null, go-graphviz cannot create its cache and compiles in
// memory. Seal, called from the init of the package that imports go-graphviz,
// puts $TMPDIR back.
//
// Entries are trusted only if this process or an earlier one of the same user
// recorded their SHA-256 in the directory's manifest: anything else
// (truncated, changed, left by someone else) is deleted before go-graphviz
// looks, so it recompiles instead of loading it; wazero's own checksum is a
// CRC anyone can recompute, and a cache entry wazero rejects makes go-graphviz
// panic in its init, where no one can recover.
//
// This package reads the environment, which only cmd/orgchart otherwise
// does: it has to act before main runs.
package gvcache

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
)

// noCache is where $TMPDIR points when no private directory can be had:
// below a file that is not a directory, so go-graphviz's Mkdir fails and it
// runs without a file cache.
const noCache = "/dev/null/orgchart-no-cache"

const manifestName = "manifest"

var (
	dir      string // the private cache directory, "" when compiling in memory
	dirErr   error  // why there is no private directory
	oldTMP   string
	hadTMP   bool
	verified map[string]string // relative path -> SHA-256 of entries kept
	sealed   bool
	lock     *os.File // flock on dir/lock, held from init to Seal
)

func init() {
	oldTMP, hadTMP = os.LookupEnv("TMPDIR")
	d, err := privateDir()
	if err != nil {
		dirErr = err
		os.Setenv("TMPDIR", noCache)
		return
	}
	dir = d
	// Hold the directory's lock from here to Seal, so that a process
	// starting meanwhile waits for this one's entries to be recorded
	// instead of deleting them as unknown.
	if f, err := os.OpenFile(filepath.Join(d, "lock"), os.O_CREATE|os.O_RDWR, 0o600); err == nil {
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX) == nil {
			lock = f
		} else {
			f.Close()
		}
	}
	verified = prune(d)
	os.Setenv("TMPDIR", d)
}

// Dir returns the private cache directory in use, or "" and the reason when
// go-graphviz compiles in memory.
func Dir() (string, error) { return dir, dirErr }

// Seal restores $TMPDIR and records the SHA-256 of every cache entry in the
// manifest, so the next process trusts the entries this one wrote. Call it
// once go-graphviz has initialised (from an init of a package importing it);
// later calls do nothing.
func Seal() {
	if sealed {
		return
	}
	sealed = true
	if hadTMP {
		os.Setenv("TMPDIR", oldTMP)
	} else {
		os.Unsetenv("TMPDIR")
	}
	if dir == "" {
		return
	}
	if lock != nil {
		defer lock.Close() // releases the flock
	}
	sums := map[string]string{}
	changed := false
	_ = walkEntries(dir, func(rel, path string) {
		if sum, ok := verified[rel]; ok {
			sums[rel] = sum
			return
		}
		if sum, err := fileSum(path); err == nil {
			sums[rel] = sum
			changed = true
		}
	})
	if changed || len(sums) != len(verified) {
		_ = writeManifest(dir, sums)
	}
}

// privateDir makes and checks os.UserCacheDir()/orgchart/wazero-<version>.
func privateDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	parent := filepath.Join(base, "orgchart")
	d := filepath.Join(parent, "wazero-"+wazeroVersion())
	if err := os.MkdirAll(d, 0o700); err != nil {
		return "", err
	}
	if err := checkOwned(parent, 0o022); err != nil {
		return "", err
	}
	if err := checkOwned(d, 0o077); err != nil {
		return "", err
	}
	return d, nil
}

// checkOwned requires path to be a directory (not a symbolic link) owned by
// the effective user with none of the permission bits in deny.
func checkOwned(path string, deny fs.FileMode) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: not a directory", path)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("%s: cannot tell the owner", path)
	}
	if int(st.Uid) != os.Geteuid() {
		return fmt.Errorf("%s: owned by uid %d, not %d", path, st.Uid, os.Geteuid())
	}
	if fi.Mode().Perm()&deny != 0 {
		return fmt.Errorf("%s: mode %v is open to others", path, fi.Mode().Perm())
	}
	return nil
}

// wazeroVersion is the wazero module version built in, so that a new wazero
// starts a new directory.
func wazeroVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/tetratelabs/wazero" {
				if m.Replace != nil {
					m = m.Replace
				}
				return m.Version
			}
		}
	}
	return "unknown"
}

// prune deletes every file under d/go-graphviz whose SHA-256 the manifest
// does not vouch for, and returns the entries kept.
func prune(d string) map[string]string {
	want := readManifest(d)
	kept := map[string]string{}
	_ = walkEntries(d, func(rel, path string) {
		if sum, ok := want[rel]; ok && !strings.HasSuffix(rel, ".tmp") {
			if got, err := fileSum(path); err == nil && got == sum {
				kept[rel] = sum
				return
			}
		}
		_ = os.Remove(path)
	})
	return kept
}

// walkEntries calls f for every non-directory under d/go-graphviz, with its
// slash-separated path relative to d. Symbolic links are reported, not
// followed, so that prune removes them.
func walkEntries(d string, f func(rel, path string)) error {
	root := filepath.Join(d, "go-graphviz")
	return filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(d, path)
		if err != nil {
			return err
		}
		f(filepath.ToSlash(rel), path)
		return nil
	})
}

func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return "", errors.New("not a regular file")
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// readManifest reads lines of "<sha256> <relative path>".
func readManifest(d string) map[string]string {
	m := map[string]string{}
	f, err := os.Open(filepath.Join(d, manifestName))
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, rel, ok := strings.Cut(sc.Text(), " ")
		if ok && len(sum) == 64 {
			m[rel] = sum
		}
	}
	return m
}

// writeManifest replaces the manifest atomically.
func writeManifest(d string, sums map[string]string) error {
	tmp, err := os.CreateTemp(d, manifestName+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	for rel, sum := range sums {
		fmt.Fprintf(w, "%s %s\n", sum, rel)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(d, manifestName))
}
