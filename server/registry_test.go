package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/orgchart/orgchart/internal/pgtest"
	"github.com/orgchart/orgchart/server/store"
)

var (
	pgOnce sync.Once
	pgSrv  *pgtest.Server
	pgErr  error
)

func stopPostgres() {
	if pgSrv != nil {
		pgSrv.Stop()
	}
}

const testToken = "s3cret-token-for-tests"

// registryPair runs test with two servers (two instances) on one store of
// each kind: the embedded SQLite file and a throwaway PostgreSQL.
func registryPair(t *testing.T, test func(t *testing.T, a, b http.Handler)) {
	tokens, err := ParseTokens("tokens", []byte(testToken+" ci-bot\n"))
	if err != nil {
		t.Fatal(err)
	}
	open := map[string]func(t *testing.T) store.Store{
		"sqlite": func(t *testing.T) store.Store {
			// Both instances open the same file in the subtest's directory.
			return mustOpen(t, "", filepath.Join(sqliteDir(t), "data"))
		},
		"postgres": func(t *testing.T) store.Store {
			pgOnce.Do(func() { pgSrv, pgErr = pgtest.Start() })
			if pgErr != nil {
				t.Fatalf("start PostgreSQL: %v", pgErr)
			}
			return mustOpen(t, pgSrv.DSN, "")
		},
	}
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			sa := open[kind](t)
			sb := open[kind](t)
			for _, name := range []string{"acme", "race"} {
				sa.Delete(context.Background(), name)
			}
			a, _ := newTestServer(t, Config{Store: sa, Tokens: tokens})
			b, _ := newTestServer(t, Config{Store: sb, Tokens: tokens})
			test(t, a, b)
		})
	}
}

var (
	sqliteDirsMu sync.Mutex
	sqliteDirs   = map[string]string{}
)

// sqliteDir returns one temporary directory per test, whichever instance
// asks.
func sqliteDir(t *testing.T) string {
	sqliteDirsMu.Lock()
	defer sqliteDirsMu.Unlock()
	if d, ok := sqliteDirs[t.Name()]; ok {
		return d
	}
	d := t.TempDir()
	sqliteDirs[t.Name()] = d
	return d
}

func mustOpen(t *testing.T, dsn, dir string) store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return v
}

type versionDoc struct {
	Name     string            `json:"name"`
	Version  int               `json:"version"`
	Author   string            `json:"author"`
	Findings store.Summary     `json:"findings"`
	Embed    map[string]string `json:"embed"`
}

const v2Chart = conflictChart + `  - id: cfo
    name: Fay Lin
    title: Chief Financial Officer
    reports_to: ceo
`

// TestRegistrySequence walks the sequence on both stores, writing
// on one instance and reading on the other.
func TestRegistrySequence(t *testing.T) {
	registryPair(t, func(t *testing.T, a, b http.Handler) {
		auth := []string{"Authorization", "Bearer " + testToken}
		if w := do(a, "PUT", "/v1/charts/acme", conflictChart); w.Code != 401 {
			t.Fatalf("PUT without a token = %d, want 401", w.Code)
		}
		if w := do(a, "PUT", "/v1/charts/acme", conflictChart, "Authorization", "Bearer wrong-token-xxxxxxxx"); w.Code != 401 {
			t.Fatalf("PUT with a wrong token = %d, want 401", w.Code)
		}
		w := do(a, "PUT", "/v1/charts/acme", conflictChart, auth...)
		v := decode[versionDoc](t, w.Body.Bytes())
		if w.Code != 201 || v.Version != 1 || v.Author != "ci-bot" || v.Findings.Errors == 0 || w.Header().Get("ETag") != `"1"` {
			t.Fatalf("first PUT = %d %s", w.Code, w.Body)
		}
		if w := do(b, "PUT", "/v1/charts/acme", conflictChart, auth...); w.Code != 200 || decode[versionDoc](t, w.Body.Bytes()).Version != 1 {
			t.Fatalf("identical PUT = %d %s, want 200 version 1", w.Code, w.Body)
		}
		if w := do(b, "PUT", "/v1/charts/acme", v2Chart, append(auth, "If-Match", `"1"`)...); w.Code != 200 || decode[versionDoc](t, w.Body.Bytes()).Version != 2 {
			t.Fatalf("PUT If-Match 1 = %d %s, want 200 version 2", w.Code, w.Body)
		}
		if w := do(a, "PUT", "/v1/charts/acme", conflictChart, append(auth, "If-Match", `"1"`)...); w.Code != 412 {
			t.Fatalf("stale If-Match = %d %s, want 412", w.Code, w.Body)
		}
		w = do(a, "PUT", "/v1/charts/acme", "people:\n  - id: [\n", auth...)
		if w.Code != 422 || !strings.Contains(w.Body.String(), `"line"`) {
			t.Fatalf("bad chart = %d %s, want 422 with positions", w.Code, w.Body)
		}
		if w := do(a, "GET", "/v1/charts/acme", ""); w.Code != 200 || decode[versionDoc](t, w.Body.Bytes()).Version != 2 {
			t.Fatalf("GET chart = %d %s, want version 2", w.Code, w.Body)
		}
		w = do(a, "GET", "/v1/charts/acme/versions?limit=1", "")
		list := decode[struct{ Versions []versionDoc }](t, w.Body.Bytes())
		if w.Code != 200 || len(list.Versions) != 1 || list.Versions[0].Version != 2 || !strings.Contains(w.Header().Get("Link"), "before=2") {
			t.Fatalf("versions page = %d %s Link %q", w.Code, w.Body, w.Header().Get("Link"))
		}
		if w := do(b, "GET", "/v1/charts/acme/versions/1", ""); w.Code != 200 || w.Body.String() != conflictChart {
			t.Fatalf("GET version 1 = %d %q", w.Code, w.Body)
		}
		w = do(b, "GET", "/v1/charts/acme/diff?from=1&to=2", "")
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"kind": "joined"`) || !strings.Contains(w.Body.String(), `"cfo"`) {
			t.Fatalf("diff 1→2 = %d %s, want cfo joined", w.Code, w.Body)
		}
		if w := do(b, "GET", "/v1/charts/acme/diff?format=markdown", ""); w.Code != 200 || !strings.Contains(w.Body.String(), "cfo") {
			t.Fatalf("diff of the latest as markdown = %d %s", w.Code, w.Body)
		}
		latest := do(b, "GET", "/charts/acme.svg", "")
		if latest.Code != 200 || !strings.Contains(latest.Body.String(), "<svg") || latest.Header().Get("Cache-Control") != latestCache {
			t.Fatalf("GET latest svg = %d %v", latest.Code, latest.Header())
		}
		pinned := do(b, "GET", "/charts/acme@1.svg", "")
		if pinned.Code != 200 || pinned.Header().Get("Cache-Control") != cacheForever || pinned.Header().Get("ETag") == latest.Header().Get("ETag") {
			t.Fatalf("GET pinned svg = %d %v", pinned.Code, pinned.Header())
		}
		// A write replaces the writing instance's latest at once (another
		// instance's within latestTTL).
		do(b, "PUT", "/v1/charts/acme", v2Chart+"    location: Oslo\n", auth...)
		if again := do(b, "GET", "/charts/acme.svg", ""); again.Header().Get("ETag") == latest.Header().Get("ETag") {
			t.Errorf("the latest drawing's ETag did not change with a new version")
		}
		for _, tc := range []struct {
			method, path string
			code         int
		}{
			{"GET", "/v1/charts/nope", 404},
			{"GET", "/charts/nope.svg", 404},
			{"GET", "/v1/charts/acme/versions/99", 404},
			{"GET", "/v1/charts/..%2Fetc", 400},
			{"GET", "/charts/acme.gif", 400},
			{"DELETE", "/v1/charts/acme", 401},
		} {
			if w := do(a, tc.method, tc.path, ""); w.Code != tc.code {
				t.Errorf("%s %s = %d, want %d", tc.method, tc.path, w.Code, tc.code)
			}
		}
		if w := do(b, "DELETE", "/v1/charts/acme", "", auth...); w.Code != 204 {
			t.Fatalf("DELETE = %d", w.Code)
		}
		if w := do(a, "GET", "/v1/charts/acme", ""); w.Code != 404 {
			t.Fatalf("GET after DELETE = %d, want 404", w.Code)
		}
	})
}

// TestRegistryConcurrentWrites: 20 writes split across two instances give
// versions 1..20 with no gap and no duplicate.
func TestRegistryConcurrentWrites(t *testing.T) {
	registryPair(t, func(t *testing.T, a, b http.Handler) {
		const n = 20
		got := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			h := a
			if i%2 == 1 {
				h = b
			}
			wg.Go(func() {
				w := do(h, "PUT", "/v1/charts/race", fmt.Sprintf("people:\n  - id: p%d\n", i), "Authorization", "Bearer "+testToken)
				if w.Code/100 == 2 {
					got[i] = decode[versionDoc](t, w.Body.Bytes()).Version
				}
			})
		}
		wg.Wait()
		slices.Sort(got)
		for i, v := range got {
			if v != i+1 {
				t.Fatalf("versions = %v, want 1..%d", got, n)
			}
		}
	})
}

// serveRegistry runs a server on the embedded store in dir, on a loopback
// port it writes to dir/addr: the child process of TestRegistryKill9.
func serveRegistry(dir string) {
	st, err := store.Open(context.Background(), "", filepath.Join(dir, "data"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	s, err := New(Config{Store: st})
	if err != nil {
		os.Exit(3)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		os.Exit(3)
	}
	os.WriteFile(filepath.Join(dir, "addr.tmp"), []byte(l.Addr().String()), 0o600)
	os.Rename(filepath.Join(dir, "addr.tmp"), filepath.Join(dir, "addr"))
	s.Run(context.Background(), l, nil)
}

// startRegistryProcess starts serveRegistry in a child process.
func startRegistryProcess(t *testing.T, dir string) (*exec.Cmd, string) {
	t.Helper()
	os.Remove(filepath.Join(dir, "addr"))
	exe, _ := os.Executable()
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "ORGCHART_TEST_REGISTRY="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var addr []byte
	waitFor(t, "the registry server", func() bool {
		addr, _ = os.ReadFile(filepath.Join(dir, "addr"))
		return len(addr) > 0
	})
	return cmd, "http://" + string(addr)
}

// TestRegistryKill9: every acknowledged write to the embedded store survives
// kill -9 of the server.
func TestRegistryKill9(t *testing.T) {
	dir := t.TempDir()
	cmd, base := startRegistryProcess(t, dir)
	const n = 15
	for i := range n {
		req, _ := http.NewRequest("PUT", base+"/v1/charts/durable", strings.NewReader(fmt.Sprintf("people:\n  - id: p%d\n", i)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			t.Fatalf("PUT %d = %d", i, resp.StatusCode)
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	cmd, base = startRegistryProcess(t, dir)
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + "/v1/charts/durable")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v versionDoc
	json.NewDecoder(resp.Body).Decode(&v)
	if resp.StatusCode != 200 || v.Version != n {
		t.Fatalf("after kill -9: %d version %d, want version %d", resp.StatusCode, v.Version, n)
	}
}
