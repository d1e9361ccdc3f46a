package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// newTestPool starts a pool of real worker processes (this test binary).
func newTestPool(t *testing.T, cfg PoolConfig) (*Pool, *sync.Map) {
	t.Helper()
	restarts := &sync.Map{}
	cfg.Command = testWorker(t)
	cfg.OnRestart = func(reason string) {
		v, _ := restarts.LoadOrStore(reason, new(int))
		*v.(*int)++ // called from one goroutine at a time per test below
	}
	p, err := NewPool(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	waitFor(t, "workers to start", func() bool { return len(p.Pids()) == cfg.Size })
	return p, restarts
}

func restartCount(m *sync.Map, reason string) int {
	v, ok := m.Load(reason)
	if !ok {
		return 0
	}
	return *v.(*int)
}

func svgJob(extra string) *Job {
	return &Job{Source: []byte(conflictChart + extra), Format: "svg"}
}

func TestPoolRenders(t *testing.T) {
	p, _ := newTestPool(t, PoolConfig{Size: 2})
	var wg sync.WaitGroup
	errs := make([]error, 6)
	outs := make([][]byte, 6)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = p.Render(context.Background(), svgJob(""))
		}()
	}
	wg.Wait()
	for i := range 6 {
		if errs[i] != nil || !strings.Contains(string(outs[i]), "Dana Reyes") {
			t.Fatalf("render %d: %v", i, errs[i])
		}
		if string(outs[i]) != string(outs[0]) {
			t.Errorf("render %d differs from render 0: renders are not deterministic", i)
		}
	}
	// A job error comes back as an *Error with its status, and the worker
	// stays.
	pids := p.Pids()
	_, err := p.Render(context.Background(), &Job{Source: []byte("people: ["), Format: "svg"})
	var he *Error
	if !errors.As(err, &he) || he.Code != 400 || !strings.Contains(he.Msg, "chart:1") {
		t.Errorf("bad chart: err = %v, want a 400 with a position", err)
	}
	if got := p.Pids(); !slices.Equal(got, pids) {
		t.Errorf("a failed job replaced a worker: %v → %v", pids, got)
	}
}

func TestPoolDeadlineKillsWorker(t *testing.T) {
	p, restarts := newTestPool(t, PoolConfig{Size: 1, RenderTimeout: 300 * time.Millisecond})
	before := p.Pids()
	_, err := p.Render(context.Background(), svgJob("#orgchart-test:hang\n"))
	var he *Error
	if !errors.As(err, &he) || he.Code != http.StatusRequestTimeout {
		t.Fatalf("hung render: err = %v, want 408", err)
	}
	// The hung process was killed (really: its pid is gone) and replaced.
	waitFor(t, "a replacement worker", func() bool {
		ids := p.Pids()
		return len(ids) == 1 && ids[0] != before[0]
	})
	if RSS(before[0]) != 0 {
		t.Errorf("the hung worker %d is still alive", before[0])
	}
	if n := restartCount(restarts, "deadline"); n != 1 {
		t.Errorf("deadline restarts = %d, want 1", n)
	}
	if out, err := p.Render(context.Background(), svgJob("")); err != nil || !strings.Contains(string(out), "<svg") {
		t.Errorf("render after the kill: %v", err)
	}
}

func TestPoolWorkerDies(t *testing.T) {
	p, restarts := newTestPool(t, PoolConfig{Size: 1})
	_, err := p.Render(context.Background(), svgJob("#orgchart-test:crash\n"))
	if err == nil || isJobError(err) || !strings.Contains(err.Error(), "died") {
		t.Fatalf("crash: err = %v, want a worker-died error", err)
	}
	if out, err := p.Render(context.Background(), svgJob("")); err != nil || !strings.Contains(string(out), "<svg") {
		t.Errorf("render after the crash: %v", err)
	}
	if n := restartCount(restarts, "died"); n != 1 {
		t.Errorf("died restarts = %d, want 1", n)
	}
}

func TestPoolRecyclesAfterMaxRenders(t *testing.T) {
	p, restarts := newTestPool(t, PoolConfig{Size: 1, MaxRenders: 2})
	first := p.Pids()
	for i := range 5 {
		if _, err := p.Render(context.Background(), svgJob("")); err != nil {
			t.Fatalf("render %d: %v", i, err)
		}
	}
	if n := restartCount(restarts, "renders"); n != 2 {
		t.Errorf("renders restarts = %d, want 2 (after renders 2 and 4)", n)
	}
	waitFor(t, "recycled worker", func() bool { ids := p.Pids(); return len(ids) == 1 && ids[0] != first[0] })
}

func TestPoolRecyclesAboveRSS(t *testing.T) {
	p, restarts := newTestPool(t, PoolConfig{Size: 1, MaxRSS: 1 << 20}) // every worker is over 1 MiB
	if _, err := p.Render(context.Background(), svgJob("")); err != nil {
		t.Fatal(err)
	}
	if n := restartCount(restarts, "rss"); n != 1 {
		t.Errorf("rss restarts = %d, want 1", n)
	}
}

func TestPoolQueueFull(t *testing.T) {
	p, _ := newTestPool(t, PoolConfig{Size: 1, QueueLength: 1, QueueWait: 20 * time.Second, RenderTimeout: 20 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); p.Render(ctx, svgJob("#orgchart-test:hang\n")) }()
	waitFor(t, "the hung render to hold the worker", func() bool { return p.Busy() == 1 })
	go func() { defer wg.Done(); p.Render(ctx, svgJob("")) }()
	waitFor(t, "one render to wait", func() bool { return p.Waiting() == 1 })
	_, err := p.Render(context.Background(), svgJob(""))
	var he *Error
	if !errors.As(err, &he) || he.Code != http.StatusServiceUnavailable || he.RetryAfter <= 0 || !strings.Contains(he.Msg, "queue is full") {
		t.Errorf("third render: err = %v, want 503 queue full with Retry-After", err)
	}
	cancel()
	wg.Wait()
}

func TestPoolQueueWait(t *testing.T) {
	p, _ := newTestPool(t, PoolConfig{Size: 1, QueueWait: 100 * time.Millisecond, RenderTimeout: 20 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); p.Render(ctx, svgJob("#orgchart-test:hang\n")) }()
	waitFor(t, "the hung render to hold the worker", func() bool { return p.Busy() == 1 })
	_, err := p.Render(context.Background(), svgJob(""))
	var he *Error
	if !errors.As(err, &he) || he.Code != http.StatusServiceUnavailable || !strings.Contains(he.Msg, "no render worker was free") {
		t.Errorf("waiting render: err = %v, want 503", err)
	}
	cancel()
	<-done
}

// TestServerWithWorkers runs the HTTP server on worker processes: a render,
// a 408 at the deadline, the 503 answer with Retry-After over HTTP, and the
// worker-restart metric.
func TestServerWithWorkers(t *testing.T) {
	s, _ := newTestServer(t, Config{Worker: testWorker(t), Workers: 1, RenderTimeout: 300 * time.Millisecond, QueueWait: 50 * time.Millisecond})
	w := do(s, "POST", "/orgchart/svg", conflictChart)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "Tom Baker") {
		t.Fatalf("svg via worker = %d %.200s", w.Code, w.Body)
	}
	w = do(s, "POST", "/orgchart/svg", conflictChart+"#orgchart-test:hang\n", "Accept", "application/json")
	if w.Code != http.StatusRequestTimeout || !strings.Contains(w.Body.String(), `"code":408`) {
		t.Errorf("hung render = %d %s, want 408", w.Code, w.Body)
	}
	// Hold the only worker with a slow render, then ask for another.
	var wg sync.WaitGroup
	wg.Add(1)
	s2, _ := newTestServer(t, Config{Worker: testWorker(t), Workers: 1, RenderTimeout: 20 * time.Second, QueueWait: 50 * time.Millisecond})
	w = do(s2, "POST", "/orgchart/png", conflictChart)
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "\x89PNG") {
		t.Fatalf("png via worker = %d %.200s", w.Code, w.Body)
	}
	go func() { defer wg.Done(); do(s2, "POST", "/orgchart/svg", conflictChart+"#orgchart-test:hang\n") }()
	pool := s2.render.(*Pool)
	waitFor(t, "the worker to be busy", func() bool { return pool.Busy() == 1 })
	w = do(s2, "POST", "/orgchart/svg", conflictChart)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("overloaded = %d Retry-After %q, want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	s2.Close() // kills the hung worker; the held request fails
	wg.Wait()
	m := do(s, "GET", "/metrics", "").Body.String()
	if !strings.Contains(m, `orgchart_worker_restarts_total{reason="deadline"} 1`) {
		t.Errorf("metrics lack the deadline restart:\n%s", grepLines(m, "orgchart_worker"))
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestGracefulShutdown cancels Run's context while a render is in flight:
// the render finishes with 200, then Run returns and the port is closed.
func TestGracefulShutdown(t *testing.T) {
	s, logs := newTestServer(t, Config{Worker: testWorker(t), Workers: 1, ShutdownTimeout: 20 * time.Second})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- s.Run(ctx, l, nil) }()
	url := "http://" + l.Addr().String()
	type result struct {
		code int
		body string
		err  error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := http.Post(url+"/orgchart/svg", "text/plain", strings.NewReader(conflictChart+"#orgchart-test:slow\n"))
		if err != nil {
			res <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		res <- result{resp.StatusCode, string(b), err}
	}()
	pool := s.render.(*Pool)
	waitFor(t, "the render to be in flight", func() bool { return pool.Busy() == 1 })
	cancel()
	r := <-res
	if r.err != nil || r.code != 200 || !strings.Contains(r.body, "<svg") {
		t.Errorf("in-flight render during shutdown = %d, %v", r.code, r.err)
	}
	if err := <-runErr; err != nil {
		t.Errorf("Run = %v", err)
	}
	if _, err := http.Get(url + "/health"); err == nil {
		t.Errorf("the server still answers after shutdown")
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("no stopped record in the log")
	}
}

// TestPoolKillsOverMemoryMidRender: a worker over KillRSS while rendering is
// killed then, not after the render, and the request is answered 422.
func TestPoolKillsOverMemoryMidRender(t *testing.T) {
	p, restarts := newTestPool(t, PoolConfig{Size: 1, KillRSS: 1 << 20, RenderTimeout: 60 * time.Second})
	_, err := p.Render(context.Background(), svgJob("#orgchart-test:hang\n"))
	var he *Error
	if !errors.As(err, &he) || he.Code != http.StatusUnprocessableEntity || !strings.Contains(he.Msg, "needed more than 1 MB") {
		t.Fatalf("render over KillRSS: err = %v, want 422", err)
	}
	if n := restartCount(restarts, "memory"); n != 1 {
		t.Errorf("memory restarts = %d, want 1", n)
	}
}
