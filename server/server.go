// Package server is orgchart's HTTP service: the Kroki wire protocol for the
// diagram type "orgchart" (GET with a zlib+base64url encoded source, POST raw
// or JSON, POST /), chart validation (POST /v1/validate), the rule catalog,
// health, Prometheus metrics and a live editor page served from files
// embedded in the binary.
//
// Invariants: nothing a request sends makes the server read a file or open a
// connection (the loaders read only the request's bytes, and only documented
// diagram options are accepted); every size and time is capped by Config;
// renders run in worker processes (see Pool) or, when no worker command is
// configured, serialised in process; the same source, format and options
// always give the same bytes, so successful renders are cached and carry an
// ETag. The package never reads the environment, never exits and logs only
// through the *slog.Logger it is given.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/orgchart/orgchart/server/store"
)

// Defaults for the zero fields of Config. cmd/orgchart documents them as the
// defaults of its flags and ORGCHART_* variables.
const (
	DefaultMaxBodyBytes      = 1 << 20 // 1 MiB
	DefaultMaxURIBytes       = 4096
	DefaultMaxHeaderBytes    = 8192
	DefaultMaxPeople         = 5000
	DefaultRenderTimeout     = 10 * time.Second
	DefaultReadTimeout       = 15 * time.Second
	DefaultWriteTimeout      = 30 * time.Second
	DefaultIdleTimeout       = 120 * time.Second
	DefaultQueueLength       = 64
	DefaultQueueWait         = 5 * time.Second
	DefaultWorkerMaxRenders  = 200
	DefaultWorkerMaxRSSBytes = 512 << 20 // 512 MiB
	// DefaultWorkerKillRSSBytes kills a worker mid-render: two such renders
	// at once still leave a 4 GB machine room.
	DefaultWorkerKillRSSBytes = 1 << 30  // 1 GiB
	DefaultCacheBytes         = 64 << 20 // 64 MiB
	DefaultShutdownTimeout    = 20 * time.Second
)

// WorkerCommand is how to start a render worker process: the same binary
// re-executed with a hidden subcommand (cmd/orgchart passes os.Executable()
// and "render-worker"; tests pass the test binary and an environment variable
// that makes TestMain run ServeWorker).
type WorkerCommand struct {
	Path string
	Args []string // arguments after the program name
	Env  []string // the worker's whole environment; nil inherits the server's
}

// Config configures a Server. Zero fields take the Default* values.
type Config struct {
	Addr    string // listen address for Run, e.g. "127.0.0.1:8000"
	Version string // reported by /health and part of every cache key

	MaxBodyBytes   int64 // request body cap → 413
	MaxURIBytes    int   // request-target cap → 414
	MaxHeaderBytes int   // request header cap → 431
	MaxPeople      int   // entries per chart → 413

	RenderTimeout   time.Duration // per render; the worker is killed when it passes → 408
	ReadTimeout     time.Duration // http.Server.ReadTimeout
	WriteTimeout    time.Duration // http.Server.WriteTimeout (raised to RenderTimeout+QueueWait+5s when shorter)
	IdleTimeout     time.Duration // http.Server.IdleTimeout
	ShutdownTimeout time.Duration // how long Run waits for in-flight requests after ctx ends

	// Worker is the render worker command. Empty Path: render in process,
	// one render at a time (for tests and embedding).
	Worker           WorkerCommand
	Workers          int   // worker processes; 0 = runtime.NumCPU()
	WorkerMaxRenders int   // a worker is recycled after this many renders
	WorkerMaxRSS     int64 // a worker is recycled when its RSS passes this many bytes
	QueueLength      int   // renders waiting for a worker beyond which → 503
	QueueWait        time.Duration
	// WorkerStderr receives the workers' standard error; nil discards it.
	WorkerStderr io.Writer

	CacheBytes int64 // LRU cache size in bytes; negative disables the cache

	// Logger receives one JSON-friendly record per request; nil discards.
	Logger *slog.Logger

	// Store, when set, serves the chart registry (/v1/charts, /charts).
	// The caller opens and closes it.
	Store store.Store
	// Tokens, when set, are needed to write to the registry; with Private,
	// to read it as well.
	Tokens  *Tokens
	Private bool
}

func (c *Config) fill() {
	def := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	def64 := func(p *int64, v int64) {
		if *p <= 0 {
			*p = v
		}
	}
	dur := func(p *time.Duration, v time.Duration) {
		if *p <= 0 {
			*p = v
		}
	}
	def64(&c.MaxBodyBytes, DefaultMaxBodyBytes)
	def(&c.MaxURIBytes, DefaultMaxURIBytes)
	def(&c.MaxHeaderBytes, DefaultMaxHeaderBytes)
	def(&c.MaxPeople, DefaultMaxPeople)
	dur(&c.RenderTimeout, DefaultRenderTimeout)
	dur(&c.ReadTimeout, DefaultReadTimeout)
	dur(&c.WriteTimeout, DefaultWriteTimeout)
	dur(&c.IdleTimeout, DefaultIdleTimeout)
	dur(&c.ShutdownTimeout, DefaultShutdownTimeout)
	def(&c.Workers, runtime.NumCPU())
	def(&c.WorkerMaxRenders, DefaultWorkerMaxRenders)
	def64(&c.WorkerMaxRSS, DefaultWorkerMaxRSSBytes)
	def(&c.QueueLength, DefaultQueueLength)
	dur(&c.QueueWait, DefaultQueueWait)
	if c.CacheBytes == 0 {
		c.CacheBytes = DefaultCacheBytes
	}
	if min := c.RenderTimeout + c.QueueWait + 5*time.Second; c.WriteTimeout < min {
		c.WriteTimeout = min
	}
	if c.Version == "" {
		c.Version = "devel"
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// Server is the orgchart HTTP service. It is an http.Handler; Run serves it
// on Config.Addr until its context ends.
type Server struct {
	cfg     Config
	log     *slog.Logger
	handler http.Handler
	render  renderer
	cache   *lru
	metrics *metrics
	latest  latestVersions // the registry's recently read latest versions
}

// renderer runs render jobs: a Pool of worker processes or, without a worker
// command, the in-process renderer.
type renderer interface {
	Render(ctx context.Context, job *Job) ([]byte, error)
	Close() error
}

// New returns a Server for cfg. With a worker command it starts the worker
// pool; call Close (or let Run return) to stop the workers.
func New(cfg Config) (*Server, error) {
	cfg.fill()
	s := &Server{cfg: cfg, log: cfg.Logger}
	s.metrics = newMetrics(cfg.Version)
	if cfg.CacheBytes > 0 {
		s.cache = newLRU(cfg.CacheBytes)
	}
	if cfg.Worker.Path != "" {
		p, err := NewPool(PoolConfig{
			Command:       cfg.Worker,
			Size:          cfg.Workers,
			MaxRenders:    cfg.WorkerMaxRenders,
			MaxRSS:        cfg.WorkerMaxRSS,
			QueueLength:   cfg.QueueLength,
			QueueWait:     cfg.QueueWait,
			RenderTimeout: cfg.RenderTimeout,
			Stderr:        cfg.WorkerStderr,
			OnRestart:     func(reason string) { s.metrics.workerRestarts.WithLabelValues(reason).Inc() },
			OnQueue:       func(n int) { s.metrics.queueDepth.Set(float64(n)) },
		})
		if err != nil {
			return nil, fmt.Errorf("start render workers: %w", err)
		}
		s.render = p
	} else {
		s.render = &inProcess{timeout: cfg.RenderTimeout, render: Execute}
	}
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Close stops the render workers. In-flight renders fail.
func (s *Server) Close() error { return s.render.Close() }

// HTTPServer returns an http.Server for s with the configured limits and
// timeouts.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Addr:              s.cfg.Addr,
		Handler:           s,
		MaxHeaderBytes:    s.cfg.MaxHeaderBytes,
		ReadHeaderTimeout: s.cfg.ReadTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Run serves on l (or, when l is nil, on Config.Addr) until ctx ends, then
// shuts down gracefully: it stops accepting, lets in-flight requests and
// renders finish within Config.ShutdownTimeout, and stops the workers. ready,
// when not nil, is called with the listening address once the server
// accepts connections.
func (s *Server) Run(ctx context.Context, l net.Listener, ready func(addr net.Addr)) error {
	defer s.Close()
	if l == nil {
		var err error
		l, err = net.Listen("tcp", s.cfg.Addr)
		if err != nil {
			return fmt.Errorf("listen: %w", err)
		}
	}
	hs := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	s.log.Info("listening", "addr", l.Addr().String(), "version", s.cfg.Version, "workers", s.workerCount())
	if ready != nil {
		ready(l.Addr())
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "timeout", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	s.log.Info("stopped")
	return nil
}

func (s *Server) workerCount() int {
	if _, ok := s.render.(*Pool); ok {
		return s.cfg.Workers
	}
	return 0
}
