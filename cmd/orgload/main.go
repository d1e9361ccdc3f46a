// Command orgload is orgchart serve's loopback load generator (make bench).
// It starts the server as a child process on 127.0.0.1 (this binary
// re-executed; its render workers are this binary again), and measures:
//
//   - uncached 50-person SVG and PNG renders with 1 and with 2 workers
//     (throughput, p50, p99, and the 2-worker/1-worker ratio);
//   - cached GETs of one encoded URL (throughput, p50, p99);
//   - the resident memory of the server and its workers over many uncached
//     renders (sampled from /proc), to show that it reaches a plateau.
//
// Every loop is bounded by a request count and a time limit, and every
// request goes to 127.0.0.1 only. Any response other than 200 (or a
// deliberate 503) is counted as an error and makes the exit status 1.
//
//	go run ./cmd/orgload [-renders 120] [-png 40] [-gets 40000] [-rss 10000] [-max-time 10m]
//
// With -soak DURATION it instead drives a mix of hostile requests (huge
// bodies, gzip bombs, a dense dotted chart, bad encodings, slow clients)
// and normal ones for that long, and fails on any answer that should not
// be, or when the RSS does not plateau (soak.go; make soak).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/orgchart/orgchart/server"
)

func main() {
	switch {
	case os.Getenv("ORGCHART_WORKER") == "1":
		if err := server.ServeWorker(os.Stdin, os.Stdout, server.WorkerOptions{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	case os.Getenv("ORGLOAD_SERVE") != "":
		if err := serve(os.Getenv("ORGLOAD_SERVE")); err != nil {
			fmt.Fprintln(os.Stderr, "orgload server:", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(run())
}

// serve runs the server child: workers from the argument, cache on, and
// prints its address on stdout once listening.
func serve(workers string) error {
	n, err := strconv.Atoi(workers)
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	s, err := server.New(server.Config{
		Version:     "orgload",
		Worker:      server.WorkerCommand{Path: exe, Env: []string{"ORGCHART_WORKER=1", "GOMAXPROCS=1"}},
		Workers:     n,
		QueueLength: 256,
		QueueWait:   30 * time.Second,
		MaxPeople:   server.DefaultMaxPeople,
		// JSON request logs as orgchart serve writes them, to nowhere.
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
	})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() { // the parent closes our stdin to stop us
		io.Copy(io.Discard, os.Stdin)
		stop()
	}()
	return s.Run(ctx, l, func(addr net.Addr) { fmt.Println(addr.String()) })
}

// child is a running server process.
type child struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	base string
}

func startServer(workers int) (*child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "ORGLOAD_SERVE="+strconv.Itoa(workers))
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		return nil, fmt.Errorf("server did not start: %w", err)
	}
	return &child{cmd: cmd, in: in, base: "http://" + strings.TrimSpace(addr)}, nil
}

func (c *child) stop() {
	c.in.Close()
	done := make(chan struct{})
	go func() { c.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		c.cmd.Process.Kill()
		<-done
	}
}

// rss returns the resident memory of the server and of its workers.
func (c *child) rss() (srv, workers int64, n int) {
	pid := c.cmd.Process.Pid
	srv = server.RSS(pid)
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	for _, f := range strings.Fields(string(b)) {
		if p, err := strconv.Atoi(f); err == nil {
			workers += server.RSS(p)
			n++
		}
	}
	// Children of the server's other threads.
	tasks, _ := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	for _, t := range tasks {
		if t.Name() == strconv.Itoa(pid) {
			continue
		}
		b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/children", pid, t.Name()))
		for _, f := range strings.Fields(string(b)) {
			if p, err := strconv.Atoi(f); err == nil {
				workers += server.RSS(p)
				n++
			}
		}
	}
	return srv, workers, n
}

// chart50 returns a 50-person chart (a CEO, 7 executives, 6 reports each),
// unique for i so that every request misses the cache.
func chart50(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "org: Load Test %d\npeople:\n  - id: ceo\n    name: Chief %d\n    title: Chief Executive Officer\n", i, i)
	execs := []string{"Chief Technology Officer", "Chief Financial Officer", "Chief Operating Officer", "Chief Information Security Officer",
		"Chief People Officer", "Chief Marketing Officer", "General Counsel"}
	for e, title := range execs {
		fmt.Fprintf(&b, "  - id: e%d\n    name: Exec %d-%d\n    title: %s\n    reports_to: ceo\n", e, e, i, title)
		for r := range 6 {
			fmt.Fprintf(&b, "  - id: p%d-%d\n    name: Person %d-%d\n    title: Engineer\n    department: Dept %d\n    reports_to: e%d\n", e, r, e, r, e, e)
		}
	}
	return b.String()
}

// result is one measured phase.
type result struct {
	name     string
	n        int
	errors   int
	rejected int // deliberate 503s
	elapsed  time.Duration
	lat      []time.Duration
}

func (r *result) rate() float64 { return float64(r.n) / r.elapsed.Seconds() }

func (r *result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	slices.Sort(r.lat)
	i := int(p * float64(len(r.lat)-1))
	return r.lat[i]
}

// load sends n requests (at most until the deadline) with conc clients;
// mk builds request i.
func load(name string, n, conc int, deadline time.Time, mk func(i int) (*http.Request, error)) *result {
	// DisableCompression: the client reads gzip bytes as they come, so the
	// load generator does not spend the CPU it measures on decompressing.
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc, DisableCompression: true}, Timeout: 60 * time.Second}
	res := &result{name: name}
	var next atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat := make([]time.Duration, 0, n/conc+1)
			errs, rej := 0, 0
			for {
				i := int(next.Add(1)) - 1
				if i >= n || time.Now().After(deadline) {
					break
				}
				req, err := mk(i)
				if err != nil {
					errs++
					continue
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					errs++
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				switch resp.StatusCode {
				case http.StatusOK:
					lat = append(lat, time.Since(t0))
				case http.StatusServiceUnavailable:
					rej++
				default:
					errs++
				}
			}
			mu.Lock()
			res.lat = append(res.lat, lat...)
			res.errors += errs
			res.rejected += rej
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.n = len(res.lat)
	return res
}

func post(base, format string, i int) func(int) (*http.Request, error) {
	return func(j int) (*http.Request, error) {
		return http.NewRequest("POST", base+"/orgchart/"+format, strings.NewReader(chart50(i+j)))
	}
}

func run() int {
	renders := flag.Int("renders", 120, "uncached SVG renders per worker count")
	pngs := flag.Int("png", 40, "uncached PNG renders per worker count")
	gets := flag.Int("gets", 40000, "cached GET requests")
	rssN := flag.Int("rss", 10000, "uncached SVG renders for the RSS plateau (0 skips)")
	conc := flag.Int("c", 4, "concurrent clients for renders")
	getConc := flag.Int("get-c", 8, "concurrent clients for cached GETs")
	maxTime := flag.Duration("max-time", 15*time.Minute, "stop every loop after this long in all")
	soakFor := flag.Duration("soak", 0, "instead: drive a mix of hostile and normal requests for this long and check the RSS plateaus (make soak)")
	flag.Parse()
	if *soakFor > 0 {
		return soak(*soakFor, *conc)
	}
	deadline := time.Now().Add(*maxTime)
	failed := false
	report := func(r *result) {
		fmt.Printf("%-34s %7d ok %4d err %4d 503  %9.1f req/s  p50 %8s  p99 %8s\n",
			r.name, r.n, r.errors, r.rejected, r.rate(), r.pct(0.50).Round(10*time.Microsecond), r.pct(0.99).Round(10*time.Microsecond))
		if r.errors > 0 {
			failed = true
		}
	}
	fmt.Printf("orgload: loopback only (127.0.0.1), %d CPUs, %s\n\n", runtime.NumCPU(), time.Now().UTC().Format(time.RFC3339))

	rates := map[string]float64{}
	seed := 0
	for _, w := range []int{1, 2} {
		c, err := startServer(w)
		if err != nil {
			fmt.Fprintln(os.Stderr, "orgload:", err)
			return 1
		}
		// Warm the workers' Graphviz with a few renders, unmeasured.
		load("warm-up", 2*w, w, deadline, post(c.base, "svg", 1_000_000+w*10))
		for _, f := range []struct {
			format string
			n      int
		}{{"svg", *renders}, {"png", *pngs}} {
			r := load(fmt.Sprintf("uncached %s, %d worker(s)", f.format, w), f.n, *conc, deadline, post(c.base, f.format, seed))
			seed += f.n
			report(r)
			rates[fmt.Sprintf("%s%d", f.format, w)] = r.rate()
		}
		if w == 2 {
			url := c.base + "/orgchart/svg/" + server.Encode([]byte(chart50(-1)))
			load("prime", 1, 1, deadline, func(int) (*http.Request, error) { return http.NewRequest("GET", url, nil) })
			r := load("cached GET, gzip (2 workers)", *gets, *getConc, deadline, func(int) (*http.Request, error) {
				req, err := http.NewRequest("GET", url, nil)
				if err == nil {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				return req, err
			})
			report(r)
			r = load("cached GET, identity (2 workers)", *gets, *getConc, deadline, func(int) (*http.Request, error) { return http.NewRequest("GET", url, nil) })
			report(r)
		}
		c.stop()
	}
	for _, f := range []string{"svg", "png"} {
		if rates[f+"1"] > 0 {
			fmt.Printf("scaling %s: 2 workers / 1 worker = %.2fx\n", f, rates[f+"2"]/rates[f+"1"])
		}
	}

	if *rssN > 0 {
		fmt.Printf("\nRSS over %d uncached SVG renders (2 workers, recycled every %d renders):\n", *rssN, server.DefaultWorkerMaxRenders)
		c, err := startServer(2)
		if err != nil {
			fmt.Fprintln(os.Stderr, "orgload:", err)
			return 1
		}
		step := max(*rssN/10, 1)
		fmt.Printf("%8s %12s %14s %8s\n", "renders", "server MiB", "workers MiB", "workers")
		total := &result{name: fmt.Sprintf("uncached svg (RSS run, %d)", *rssN)}
		for done := 0; done < *rssN && time.Now().Before(deadline); done += step {
			r := load("rss", step, *conc, deadline, post(c.base, "svg", 2_000_000+done))
			total.lat = append(total.lat, r.lat...)
			total.errors += r.errors
			total.rejected += r.rejected
			total.elapsed += r.elapsed
			srv, wk, n := c.rss()
			fmt.Printf("%8d %12.1f %14.1f %8d\n", done+step, float64(srv)/(1<<20), float64(wk)/(1<<20), n)
		}
		total.n = len(total.lat)
		report(total)
		c.stop()
	}
	if failed {
		fmt.Println("\norgload: FAILED: some requests failed")
		return 1
	}
	return 0
}
