package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/orgchart/orgchart/server"
)

// soakCase is one kind of request of the soak mix and the statuses it may
// get; any other status (or a transport error) is a failure.
type soakCase struct {
	name   string
	weight int
	ok     []int
	// maxBody, when positive, caps the response body (an error quoting the
	// whole input is a failure).
	maxBody int
	do      func(c *http.Client, base string, i int) (*http.Response, error)
}

// post sends body to base+path with the headers h (pairs).
func postTo(c *http.Client, url string, body io.Reader, h ...string) (*http.Response, error) {
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	for k := 0; k+1 < len(h); k += 2 {
		req.Header.Set(h[k], h[k+1])
	}
	return c.Do(req)
}

// slowReader hands out its data in small pieces with a pause before each:
// a slow client that stays within the server's read timeout.
type slowReader struct {
	data  []byte
	piece int
	pause time.Duration
}

func (r *slowReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	time.Sleep(r.pause)
	n := copy(p[:min(len(p), r.piece)], r.data)
	r.data = r.data[n:]
	return n, nil
}

// denseDotted is a chart of n people in which everyone has a dotted line to
// every other: the complexity limits, not the memory, must stop it.
func denseDotted(n int) string {
	var b strings.Builder
	b.WriteString("people:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: p%d\n    reports_to: %s\n    dotted: [", i, map[bool]string{true: "", false: "p0"}[i == 0])
		for j := range n {
			if j != i {
				if j > 0 && !(i == 0 && j == 1) {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "p%d", j)
			}
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// soakMix is the request mix: hostile requests that must be refused (or
// drawn within the limits) and normal ones that must succeed; 503 is
// allowed for renders (a full queue is the server protecting itself).
func soakMix() []soakCase {
	huge := bytes.Repeat([]byte("x"), 3<<20)                  // over the 1 MiB body limit
	line := bytes.Repeat([]byte("y"), 900_000)                // under it, one line
	bomb := gzipped(bytes.Repeat([]byte("people:\n"), 8<<20)) // 64 MiB decoded from about 64 KB
	dense := denseDotted(300)                                 // about 450 KB, the hostile chart
	return []soakCase{
		{"normal svg", 30, []int{200, 503}, 0, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/svg", strings.NewReader(chart50(i)))
		}},
		{"normal png", 5, []int{200, 503}, 0, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/png", strings.NewReader(chart50(i)))
		}},
		{"cached get", 20, []int{200, 503}, 0, func(c *http.Client, base string, i int) (*http.Response, error) {
			return c.Get(base + "/orgchart/svg/" + server.Encode([]byte(chart50(i%5))))
		}},
		{"validate", 10, []int{200}, 0, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/v1/validate", strings.NewReader(chart50(i)))
		}},
		{"huge body", 4, []int{413}, 2048, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/svg", bytes.NewReader(huge))
		}},
		{"huge line", 4, []int{400}, 2048, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/svg", bytes.NewReader(line))
		}},
		{"gzip bomb", 4, []int{413}, 2048, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/svg", bytes.NewReader(bomb), "Content-Encoding", "gzip")
		}},
		{"bad gzip", 3, []int{400}, 2048, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/svg", strings.NewReader(chart50(i)), "Content-Encoding", "gzip")
		}},
		{"unknown encoding", 3, []int{415}, 2048, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/svg", strings.NewReader(chart50(i)), "Content-Encoding", "br")
		}},
		{"bad base64", 3, []int{400}, 2048, func(c *http.Client, base string, i int) (*http.Response, error) {
			return c.Get(base + "/orgchart/svg/" + strings.Repeat("!", 100+i%50))
		}},
		{"duplicate json key", 3, []int{400}, 2048, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/", strings.NewReader(`{"diagram_source":"a","diagram_source":"b","diagram_type":"orgchart","output_format":"svg"}`), "Content-Type", "application/json")
		}},
		{"dense dotted", 2, []int{200, 408, 413, 422, 503}, 0, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/svg", strings.NewReader(dense))
		}},
		{"slow client", 2, []int{200, 503}, 0, func(c *http.Client, base string, i int) (*http.Response, error) {
			return postTo(c, base+"/orgchart/svg", &slowReader{data: []byte(chart50(i)), piece: 512, pause: 150 * time.Millisecond})
		}},
	}
}

// rssOf returns the resident set of process pid in bytes (VmRSS), 0 when
// it cannot be read.
func rssOf(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// childrenOf lists the processes whose parent is pid (its render workers).
func childrenOf(pid int) []int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var kids []int
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			k, _ := strconv.Atoi(filepath.Base(filepath.Dir(s)))
			kids = append(kids, k)
		}
	}
	return kids
}

// soak drives the mix at a 2-worker server for d with conc clients,
// samples the server's and its workers' RSS every few seconds, and fails
// on any unexpected status or when the RSS keeps growing: the peak of the
// last third of the run must stay within 25% (and 64 MiB) of the peak of
// the middle third.
func soak(d time.Duration, conc int) int {
	c, err := startServer(2)
	if err != nil {
		fmt.Fprintln(os.Stderr, "orgload:", err)
		return 1
	}
	defer c.stop()
	pid := c.cmd.Process.Pid
	mix := soakMix()
	var total int
	for _, m := range mix {
		total += m.weight
	}
	var mu sync.Mutex
	counts := map[string]map[int]int{}
	var failures []string
	var done atomic.Bool
	start := time.Now()
	var wg sync.WaitGroup
	for w := range conc {
		wg.Go(func() {
			client := &http.Client{Timeout: 60 * time.Second}
			r := rand.New(rand.NewPCG(uint64(w), 42))
			for i := w * 1_000_000; !done.Load(); i++ {
				k := r.IntN(total)
				m := mix[0]
				for _, mm := range mix {
					if k < mm.weight {
						m = mm
						break
					}
					k -= mm.weight
				}
				resp, err := m.do(client, c.base, i)
				status, n := 0, 0
				if err == nil {
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					status, n = resp.StatusCode, len(b)
				}
				mu.Lock()
				if counts[m.name] == nil {
					counts[m.name] = map[int]int{}
				}
				counts[m.name][status]++
				switch {
				case err != nil:
					failures = append(failures, fmt.Sprintf("%s: %v", m.name, err))
				case !slices.Contains(m.ok, status):
					failures = append(failures, fmt.Sprintf("%s: status %d", m.name, status))
				case m.maxBody > 0 && n > m.maxBody:
					failures = append(failures, fmt.Sprintf("%s: a %d-byte error", m.name, n))
				}
				mu.Unlock()
			}
		})
	}
	type sample struct {
		at              time.Duration
		server, workers int64
	}
	var samples []sample
	for time.Since(start) < d {
		time.Sleep(5 * time.Second)
		s := sample{at: time.Since(start).Round(time.Second), server: rssOf(pid)}
		for _, k := range childrenOf(pid) {
			s.workers += rssOf(k)
		}
		samples = append(samples, s)
		fmt.Printf("%6s  server RSS %5d MiB  workers RSS %5d MiB\n", s.at, s.server>>20, s.workers>>20)
	}
	done.Store(true)
	wg.Wait()

	fmt.Printf("\nrequests in %s with %d clients:\n", time.Since(start).Round(time.Second), conc)
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		var parts []string
		codes := make([]int, 0, len(counts[n]))
		for code := range counts[n] {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		for _, code := range codes {
			parts = append(parts, fmt.Sprintf("%d×%d", counts[n][code], code))
		}
		fmt.Printf("  %-20s %s\n", n, strings.Join(parts, "  "))
	}
	failed := false
	if len(failures) > 0 {
		failed = true
		fmt.Printf("\n%d unexpected answers, the first: %s\n", len(failures), strings.Join(failures[:min(len(failures), 10)], "; "))
	}
	// The plateau: total RSS (server + workers) over the run's thirds.
	peak := func(from, to float64) int64 {
		var m int64
		for _, s := range samples {
			if f := float64(s.at) / float64(d); f >= from && f < to {
				m = max(m, s.server+s.workers)
			}
		}
		return m
	}
	mid, last := peak(1.0/3, 2.0/3), peak(2.0/3, 1.01)
	fmt.Printf("\nRSS peak (server + workers): middle third %d MiB, last third %d MiB\n", mid>>20, last>>20)
	if mid > 0 && last > mid*5/4 && last-mid > 64<<20 {
		failed = true
		fmt.Println("the RSS keeps growing: no plateau")
	}
	if failed {
		fmt.Println("soak: FAIL")
		return 1
	}
	fmt.Println("soak: ok")
	return 0
}
