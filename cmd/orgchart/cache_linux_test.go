package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestCompiledCodeCacheTwoUsers checks go-graphviz's compiled-code cache on
// a shared machine (package gvcache): user A runs orgchart first, with the
// same world-writable $TMPDIR as user B, and plants a poisoned cache entry
// (native code replaced with int3 bytes, wazero's checksum fixed) where
// go-graphviz used to look; B then runs every command. B's own cache entry,
// tampered the same way or truncated, is recompiled, never executed.
//
// It needs root to create the two users (useradd) and switch to them
// (runuser); CI runs as root.
func TestCompiledCodeCacheTwoUsers(t *testing.T) {
	// Parallel: it starts some twenty processes one or a few at a time,
	// leaving a core to the scripts.
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("needs root: creates two users with useradd and runs orgchart as each with runuser (CI runs as root)")
	}
	for _, tool := range []string{"useradd", "userdel", "runuser"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install passwd and util-linux", tool)
		}
	}
	base, err := os.MkdirTemp("", "orgchart-users-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	must(t, os.Chmod(base, 0o755))
	shared := filepath.Join(base, "tmp") // a second /tmp
	must(t, os.Mkdir(shared, 0o777))
	must(t, os.Chmod(shared, 0o1777))
	// The test binary doubles as orgchart when its name is orgchart (TestMain).
	exe := filepath.Join(base, "orgchart")
	copyFile(t, os.Args[0], exe, 0o755)
	chart := filepath.Join(base, "chart.yaml")
	copyFile(t, filepath.Join("..", "..", "examples", "clean.yaml"), chart, 0o644)

	a, b := newUser(t, base, "a"), newUser(t, base, "b")
	run := func(u user, args ...string) string {
		t.Helper()
		out, err := u.cmd(shared, exe, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: orgchart %s: %v\n%s", u.name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}

	run(a, "version")
	run(a, "render", chart, "-o", filepath.Join(a.home, "a.svg"))
	if _, err := os.Stat(filepath.Join(shared, "go-graphviz")); err == nil {
		t.Fatalf("orgchart wrote its code cache into the shared $TMPDIR %s", shared)
	}
	entries := cacheEntries(t, a.home)
	if len(entries) == 0 {
		t.Fatalf("no compiled-code cache entry under %s/.cache/orgchart", a.home)
	}
	// A plants poisoned copies of its entries where go-graphviz v0.2.10 looks.
	for _, e := range entries {
		rel := e[strings.Index(e, "go-graphviz"):]
		p := filepath.Join(shared, rel)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, poison(t, readFile(t, e)), 0o644))
	}
	must(t, exec.Command("chown", "-R", a.name, filepath.Join(shared, "go-graphviz")).Run())

	// B runs every command: the first builds B's own cache entry, the
	// others (each reads it) run two at a time.
	run(b, "version")
	svg := filepath.Join(b.home, "b.svg")
	cmds := [][]string{
		{"--help"}, {"validate", chart}, {"validate", "--format", "sarif", chart}, {"rules"}, {"completion", "bash"},
		{"render", chart, "-o", svg}, {"render", chart, "-o", filepath.Join(b.home, "b.png")},
		{"render", chart, "-o", filepath.Join(b.home, "b.pdf")},
	}
	errs := make([]error, len(cmds))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, args := range cmds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if out, err := b.cmd(shared, exe, args...).CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("%s: orgchart %s: %v\n%s", b.name, strings.Join(args, " "), err, out)
			}
		})
	}
	serveOnce(t, b.cmd(shared, exe, "serve", "--addr", "127.0.0.1:0"), readFile(t, chart))
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	want := readFile(t, svg)

	// B's own entry, tampered or truncated, is rebuilt.
	bEntries := cacheEntries(t, b.home)
	if len(bEntries) == 0 {
		t.Fatalf("no compiled-code cache entry under %s/.cache/orgchart", b.home)
	}
	for _, damage := range []struct {
		name string
		f    func([]byte) []byte
	}{
		{"int3 code, checksum fixed", func(p []byte) []byte { return poison(t, p) }},
		{"truncated", func(p []byte) []byte { return p[:len(p)/2] }},
	} {
		for _, e := range bEntries {
			must(t, os.WriteFile(e, damage.f(readFile(t, e)), 0o600))
		}
		bad := readFile(t, bEntries[0])
		run(b, "render", chart, "-o", svg)
		if got := readFile(t, svg); !bytes.Equal(got, want) {
			t.Errorf("%s cache entry: render differs from the first", damage.name)
		}
		if bytes.Equal(readFile(t, bEntries[0]), bad) {
			t.Errorf("%s cache entry was kept", damage.name)
		}
	}
}

type user struct{ name, home string }

// newUser creates a throwaway user with a home below base, deleted at the end.
func newUser(t *testing.T, base, tag string) user {
	t.Helper()
	u := user{name: fmt.Sprintf("oc%s%d", tag, os.Getpid()), home: filepath.Join(base, "home-"+tag)}
	if out, err := exec.Command("useradd", "--create-home", "--home-dir", u.home, "--shell", "/bin/sh", "--no-user-group", u.name).CombinedOutput(); err != nil {
		t.Fatalf("useradd %s: %v\n%s", u.name, err, out)
	}
	t.Cleanup(func() { exec.Command("userdel", u.name).Run() })
	return u
}

// cmd runs exe as u with a clean environment and $TMPDIR at tmp.
func (u user) cmd(tmp, exe string, args ...string) *exec.Cmd {
	argv := append([]string{"-u", u.name, "--", "env", "-i",
		"HOME=" + u.home, "TMPDIR=" + tmp, "PATH=/usr/bin:/bin", exe}, args...)
	c := exec.Command("runuser", argv...)
	c.Dir = u.home
	// A process group of its own, so that killing it (serveOnce) takes
	// runuser's child and that child's render workers too: a server left
	// running as the user would start workers that prune the cache while
	// the test damages and checks it.
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return c
}

// cacheEntries lists the compiled-code files in home's orgchart cache.
func cacheEntries(t *testing.T, home string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(home, ".cache", "orgchart", "wazero-*", "go-graphviz", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// poison replaces the native code of a wazero (wazevo) cache entry with int3
// instructions and recomputes wazero's CRC-32C, as an attacker would.
func poison(t *testing.T, p []byte) []byte {
	t.Helper()
	p = bytes.Clone(p)
	if !bytes.HasPrefix(p, []byte("WAZEVO")) {
		t.Fatalf("not a wazevo cache entry: % x", p[:min(len(p), 8)])
	}
	off := 6 + 1 + int(p[6])
	nfunc := int(binary.LittleEndian.Uint32(p[off:]))
	off += 4 + 8*nfunc
	n := int(binary.LittleEndian.Uint64(p[off:]))
	off += 8
	code := p[off : off+n]
	for i := range code {
		code[i] = 0xCC
	}
	binary.LittleEndian.PutUint32(p[off+n:], crc32.Checksum(code, crc32.MakeTable(crc32.Castagnoli)))
	return p
}

// serveOnce starts c (orgchart serve), renders chart through it and stops it.
func serveOnce(t *testing.T, c *exec.Cmd, chart []byte) {
	t.Helper()
	stderr, err := c.StderrPipe()
	must(t, err)
	must(t, c.Start())
	defer func() {
		syscall.Kill(-c.Process.Pid, syscall.SIGKILL) // the whole group: runuser, serve, its workers
		c.Wait()
	}()
	sc := bufio.NewScanner(stderr)
	var url string
	for sc.Scan() {
		if _, u, ok := strings.Cut(sc.Text(), "editor at "); ok {
			url = strings.TrimSuffix(u, "/")
			break
		}
	}
	if url == "" {
		t.Fatal("serve: no address on stderr")
	}
	go io.Copy(io.Discard, stderr)
	cl := &http.Client{Timeout: 60 * time.Second}
	resp, err := cl.Post(url+"/orgchart/svg", "text/plain", bytes.NewReader(chart))
	must(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("</svg>")) {
		t.Fatalf("serve: POST /orgchart/svg = %d\n%.300s", resp.StatusCode, body)
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	must(t, os.WriteFile(to, readFile(t, from), mode))
	must(t, os.Chmod(to, mode))
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	must(t, err)
	return b
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
