package server

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// PoolConfig configures a Pool. Zero fields take the server defaults.
type PoolConfig struct {
	Command       WorkerCommand
	Size          int           // worker processes
	MaxRenders    int           // recycle a worker after this many renders
	MaxRSS        int64         // recycle a worker whose resident set passes this (bytes)
	KillRSS       int64         // kill a worker whose resident set passes this while rendering → 422 (bytes)
	QueueLength   int           // callers waiting for a worker beyond this get a 503
	QueueWait     time.Duration // a caller waiting longer gets a 503
	RenderTimeout time.Duration // a render running longer is killed → 408
	Stderr        io.Writer     // the workers' standard error; nil discards
	// OnRestart is called each time a worker is replaced, with the reason:
	// "deadline", "died", "renders", "rss" or "memory" (over KillRSS).
	OnRestart func(reason string)
	// OnQueue is called with the number of callers waiting for a worker
	// each time it changes.
	OnQueue func(waiting int)
}

// Pool runs render jobs in worker processes: the same binary re-executed
// (see ServeWorker), one job at a time per process. A job that passes the
// render deadline has its worker killed (go-graphviz ignores cancellation,
// so killing is the only real cancellation) and a replacement started; a
// worker is also replaced when it dies, after MaxRenders jobs, or when its
// RSS passes MaxRSS (go-graphviz's WebAssembly memory only grows).
type Pool struct {
	cfg     PoolConfig
	slots   chan *proc // one entry per worker slot; nil means "start one"
	waiting atomic.Int64
	busy    atomic.Int64
	closed  atomic.Bool

	mu    sync.Mutex
	procs map[*proc]bool
	bg    sync.WaitGroup
}

// NewPool starts cfg.Size workers (each warmed up with a small render) and
// returns the pool. It fails when the first worker cannot start.
func NewPool(cfg PoolConfig) (*Pool, error) {
	if cfg.Size <= 0 {
		cfg.Size = 1
	}
	if cfg.MaxRenders <= 0 {
		cfg.MaxRenders = DefaultWorkerMaxRenders
	}
	if cfg.MaxRSS <= 0 {
		cfg.MaxRSS = DefaultWorkerMaxRSSBytes
	}
	if cfg.KillRSS <= 0 {
		cfg.KillRSS = DefaultWorkerKillRSSBytes
	}
	if cfg.QueueLength <= 0 {
		cfg.QueueLength = DefaultQueueLength
	}
	if cfg.QueueWait <= 0 {
		cfg.QueueWait = DefaultQueueWait
	}
	if cfg.RenderTimeout <= 0 {
		cfg.RenderTimeout = DefaultRenderTimeout
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	if cfg.OnRestart == nil {
		cfg.OnRestart = func(string) {}
	}
	if cfg.OnQueue == nil {
		cfg.OnQueue = func(int) {}
	}
	p := &Pool{cfg: cfg, slots: make(chan *proc, cfg.Size), procs: map[*proc]bool{}}
	first, err := p.start()
	if err != nil {
		return nil, err
	}
	p.slots <- first
	for i := 1; i < cfg.Size; i++ {
		p.background(func() {
			pr, _ := p.start() // nil on failure: started again on first use
			p.slots <- pr
		})
	}
	return p, nil
}

// proc is one worker process.
type proc struct {
	cmd     *exec.Cmd
	in      *os.File // our end of its stdin
	out     *bufio.Reader
	outFile *os.File // our end of its stdout
	renders int
	exited  chan struct{} // closed when the process has exited
}

// start starts a worker and warms it up.
func (p *Pool) start() (*proc, error) {
	if p.closed.Load() {
		return nil, errors.New("pool closed")
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, err
	}
	cmd := exec.Command(p.cfg.Command.Path, p.cfg.Command.Args...)
	cmd.Env = p.cfg.Command.Env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, p.cfg.Stderr
	cmd.SysProcAttr = workerProcAttr() // dies with the server (procattr_linux.go)
	if err := cmd.Start(); err != nil {
		inR.Close()
		inW.Close()
		outR.Close()
		outW.Close()
		return nil, fmt.Errorf("start render worker %s: %w", p.cfg.Command.Path, err)
	}
	inR.Close()
	outW.Close()
	pr := &proc{cmd: cmd, in: inW, out: bufio.NewReader(outR), outFile: outR, exited: make(chan struct{})}
	go func() {
		cmd.Wait()
		close(pr.exited)
	}()
	p.mu.Lock()
	p.procs[pr] = true
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := pr.do(ctx, &Job{Warm: true}); err != nil {
		p.kill(pr)
		return nil, fmt.Errorf("render worker did not answer its warm-up job: %w", err)
	}
	if p.closed.Load() {
		p.kill(pr)
		return nil, errors.New("pool closed")
	}
	return pr, nil
}

// errWorkerIO marks a failure to talk to the worker (it died or broke the
// protocol), as opposed to a job that failed.
var errWorkerIO = errors.New("render worker i/o")

// do sends job to the worker and waits for its result or ctx's end. A job
// error comes back as an *Error; a broken worker as errWorkerIO; the end of
// ctx as ctx.Err() (the caller must then kill the worker).
func (pr *proc) do(ctx context.Context, job *Job) ([]byte, error) {
	type answer struct {
		res jobResult
		err error
	}
	ch := make(chan answer, 1)
	go func() {
		var a answer
		if err := writeFrame(pr.in, job); err != nil {
			a.err = fmt.Errorf("%w: send job: %v", errWorkerIO, err)
		} else if err := readFrame(pr.out, &a.res); err != nil {
			a.err = fmt.Errorf("%w: read result: %v", errWorkerIO, err)
		}
		ch <- a
	}()
	select {
	case a := <-ch:
		if a.err != nil {
			return nil, a.err
		}
		if a.res.Status != 0 {
			return nil, &Error{Code: a.res.Status, Msg: a.res.Error}
		}
		return a.res.Data, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// rss returns the worker's resident set size in bytes, from
// /proc/PID/statm (0 when it cannot be read).
func (pr *proc) rss() int64 {
	return RSS(pr.cmd.Process.Pid)
}

// RSS returns the resident set size of process pid in bytes, read from
// /proc/PID/statm; 0 when it cannot be read (not Linux, process gone).
func RSS(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

// kill ends the worker at once and releases its pipes.
func (p *Pool) kill(pr *proc) {
	if pr == nil {
		return
	}
	pr.cmd.Process.Kill()
	<-pr.exited
	pr.in.Close()
	pr.outFile.Close()
	p.mu.Lock()
	delete(p.procs, pr)
	p.mu.Unlock()
}

// retire ends an idle worker politely: its stdin closes and it exits; it is
// killed if it has not exited within a second.
func (p *Pool) retire(pr *proc) {
	pr.in.Close()
	select {
	case <-pr.exited:
	case <-time.After(time.Second):
	}
	p.kill(pr)
}

// replace releases a slot whose worker is gone: a new worker is started in
// the background and put in the slot.
func (p *Pool) replace(reason string) {
	p.cfg.OnRestart(reason)
	p.background(func() {
		pr, _ := p.start()
		p.slots <- pr
	})
}

// background runs f in a goroutine that Close waits for, unless the pool is
// closed. The check and the WaitGroup's Add happen under p.mu, and Close
// marks the pool closed under p.mu before it waits, so no Add can race with
// Close's Wait (a WaitGroup must not be added to while it is waited on from
// zero).
func (p *Pool) background(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed.Load() {
		return
	}
	p.bg.Add(1)
	go func() {
		defer p.bg.Done()
		f()
	}()
}

// Busy returns the number of renders running in workers.
func (p *Pool) Busy() int { return int(p.busy.Load()) }

// Waiting returns the number of callers waiting for a worker.
func (p *Pool) Waiting() int { return int(p.waiting.Load()) }

// Render runs job in a worker. It waits for a free worker at most QueueWait
// (503 with Retry-After after that, or at once when QueueLength callers
// already wait), then at most RenderTimeout for the result (the worker is
// killed and replaced → 408). When ctx ends first, the worker is killed too.
func (p *Pool) Render(ctx context.Context, job *Job) ([]byte, error) {
	if p.closed.Load() {
		return nil, &Error{Code: http.StatusServiceUnavailable, Msg: "the server is shutting down", RetryAfter: 5 * time.Second}
	}
	n := p.waiting.Add(1)
	p.cfg.OnQueue(int(n))
	queued := true
	dequeue := func() {
		if queued {
			queued = false
			p.cfg.OnQueue(int(p.waiting.Add(-1)))
		}
	}
	defer dequeue()
	if int(n) > p.cfg.QueueLength {
		return nil, &Error{Code: http.StatusServiceUnavailable, Msg: fmt.Sprintf("the render queue is full (%d waiting): try again shortly", n-1), RetryAfter: 2 * time.Second}
	}
	var pr *proc
	timer := time.NewTimer(p.cfg.QueueWait)
	defer timer.Stop()
	select {
	case pr = <-p.slots:
	case <-timer.C:
		return nil, &Error{Code: http.StatusServiceUnavailable, Msg: fmt.Sprintf("no render worker was free within %s: try again shortly", p.cfg.QueueWait), RetryAfter: 2 * time.Second}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	dequeue()
	if pr == nil {
		var err error
		if pr, err = p.start(); err != nil {
			p.slots <- nil
			return nil, fmt.Errorf("render worker: %w", err)
		}
	}
	tctx, cancel := context.WithTimeout(ctx, p.cfg.RenderTimeout)
	defer cancel()
	rctx, stopWatch := p.watchRSS(tctx, pr) // rsswatch.go
	p.busy.Add(1)
	data, err := pr.do(rctx, job)
	p.busy.Add(-1)
	stopWatch()
	switch {
	case errors.Is(context.Cause(rctx), errOverRSS) && ctx.Err() == nil:
		p.kill(pr)
		p.replace("memory")
		return nil, &Error{Code: http.StatusUnprocessableEntity, Msg: fmt.Sprintf("the render needed more than %d MB and was stopped: draw a smaller part of the chart (root, depth)", p.cfg.KillRSS>>20)}
	case err == nil || isJobError(err):
		pr.renders++
		if pr.renders >= p.cfg.MaxRenders {
			p.retireAsync(pr, "renders")
		} else if rss := pr.rss(); rss > p.cfg.MaxRSS {
			p.retireAsync(pr, "rss")
		} else {
			p.slots <- pr
		}
		return data, err
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
		p.kill(pr)
		p.replace("deadline")
		return nil, &Error{Code: http.StatusRequestTimeout, Msg: fmt.Sprintf("the render took longer than %s and was stopped: draw a smaller part of the chart (root, depth)", p.cfg.RenderTimeout)}
	case ctx.Err() != nil:
		p.kill(pr)
		p.replace("canceled")
		return nil, ctx.Err()
	default:
		p.kill(pr)
		p.replace("died")
		return nil, fmt.Errorf("the render worker died while rendering: %v", err)
	}
}

func (p *Pool) retireAsync(pr *proc, reason string) {
	p.mu.Lock()
	closed := p.closed.Load()
	if !closed {
		p.bg.Add(1)
		go func() {
			defer p.bg.Done()
			p.retire(pr)
		}()
	}
	p.mu.Unlock()
	if closed {
		p.retire(pr) // Close has taken or will take the rest
		return
	}
	p.replace(reason)
}

func isJobError(err error) bool {
	var he *Error
	return errors.As(err, &he)
}

// Close stops every worker; renders in flight fail. It waits for background
// starts to finish.
func (p *Pool) Close() error {
	p.mu.Lock()
	if p.closed.Swap(true) {
		p.mu.Unlock()
		return nil
	}
	procs := make([]*proc, 0, len(p.procs))
	for pr := range p.procs {
		procs = append(procs, pr)
	}
	p.mu.Unlock()
	for _, pr := range procs {
		p.retire(pr)
	}
	p.bg.Wait()
	// Workers started while closing were killed by start; drain the slots.
	for {
		select {
		case pr := <-p.slots:
			if pr != nil {
				p.kill(pr)
			}
		default:
			return nil
		}
	}
}

// Pids returns the process ids of the live workers, sorted ascending (for
// tests and RSS sampling).
func (p *Pool) Pids() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	var ids []int
	for pr := range p.procs {
		ids = append(ids, pr.cmd.Process.Pid)
	}
	slices.Sort(ids)
	return ids
}
