package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestMain doubles as the render worker: a Pool in these tests re-executes
// the test binary with ORGCHART_WORKER=1, which runs ServeWorker (with the
// test hooks) instead of the tests, so the tests exercise real processes.
func TestMain(m *testing.M) {
	if os.Getenv("ORGCHART_WORKER") == "1" {
		if err := ServeWorker(os.Stdin, os.Stdout, WorkerOptions{TestHooks: true, Render: holdRender}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	if dir := os.Getenv("ORGCHART_TEST_POOL_PARENT"); dir != "" {
		servePoolParent(dir) // a server process for the parent-death test
		return
	}
	if dir := os.Getenv("ORGCHART_TEST_REGISTRY"); dir != "" {
		serveRegistry(dir) // a server process for the kill -9 test
		return
	}
	code := m.Run()
	stopPostgres()
	os.Exit(code)
}

// testWorker is the worker command of the tests: this test binary.
func testWorker(t testing.TB) WorkerCommand {
	c, err := workerCommand()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// workerCommand is testWorker for code outside a test (a child process).
func workerCommand() (WorkerCommand, error) {
	exe, err := os.Executable()
	if err != nil {
		return WorkerCommand{}, err
	}
	// HOME (or XDG_CACHE_HOME) lets the worker use its compiled-code cache
	// (package gvcache); without it Graphviz is compiled in memory at each
	// start, over 5 s under -race.
	env := []string{"ORGCHART_WORKER=1"}
	for _, k := range []string{"HOME", "XDG_CACHE_HOME"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	if v, ok := os.LookupEnv("ORGCHART_TEST_HOLD"); ok {
		env = append(env, "ORGCHART_TEST_HOLD="+v)
	}
	return WorkerCommand{Path: exe, Args: []string{"-test.run=^$"}, Env: env}, nil
}

// holdRender is the test workers' render: a source containing
// "#orgchart-test:hold" writes the worker's pid to the file
// $ORGCHART_TEST_HOLD names and then renders for an hour (the worker is
// known to be mid-render); any other source is rendered by Execute.
func holdRender(ctx context.Context, job *Job) ([]byte, error) {
	if path := os.Getenv("ORGCHART_TEST_HOLD"); path != "" && strings.Contains(string(job.Source), "#orgchart-test:hold") {
		os.WriteFile(path+".tmp", []byte(strconv.Itoa(os.Getpid())), 0o600)
		os.Rename(path+".tmp", path)
		time.Sleep(time.Hour)
	}
	return Execute(ctx, job)
}

// conflictChart has a dual solid-line report (ORG005) and a name that
// would be markup if it were not escaped.
const conflictChart = `org: Test Corp
people:
  - id: ceo
    name: Dana Reyes
    title: Chief Executive Officer
  - id: cto
    name: Tom Baker
    title: Chief Technology Officer
    reports_to: ceo
  - id: coo
    name: Carla Ruiz
    title: Chief Operating Officer
    reports_to: ceo
  - id: eve
    name: "<script>alert(1)</script>"
    title: Head of Data
    reports_to: [cto, coo]
`

// logBuffer is a concurrency-safe buffer for the server's JSON logs.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newTestServer returns an in-process Server (no worker processes) with
// cfg's non-zero fields, and its log.
func newTestServer(t testing.TB, cfg Config) (*Server, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	if cfg.Version == "" {
		cfg.Version = "test"
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, logs
}

// do runs one request against h and returns the recorded response.
func do(h http.Handler, method, target string, body string, header ...string) *httptest.ResponseRecorder {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// waitFor polls cond until it holds or 20 s pass (a failure, not a timing
// assertion: the conditions hold within milliseconds on a working server).
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// startLoopback runs a Server for cfg on 127.0.0.1 (a random port) until
// the test ends, and returns its base URL.
func startLoopback(t testing.TB, cfg Config) string {
	t.Helper()
	s, _ := newTestServer(t, cfg)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, l, nil) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return "http://" + l.Addr().String()
}
