package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/orgchart/orgchart/server"
	"github.com/orgchart/orgchart/server/store"
)

func init() { subcommands = append(subcommands, newServeCmd) }

// byteSize is a flag value of bytes with an optional KiB, MiB or GiB suffix.
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }
func (b *byteSize) Type() string   { return "bytes" }
func (b *byteSize) Set(s string) error {
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("%q is not a size in bytes (for example 1048576, 512KiB, 1MiB)", s)
	}
	*b = byteSize(n * mult)
	return nil
}

// newServeCmd returns `orgchart serve`: the Kroki-compatible HTTP service
// and live editor. Every flag may also be set by an ORGCHART_* environment
// variable (the flag's name upper-cased, dashes as underscores); a flag on
// the command line wins.
func newServeCmd(e *env) *cobra.Command {
	cfg := server.Config{}
	var (
		maxBody, maxRSS, cacheSize = byteSize(server.DefaultMaxBodyBytes), byteSize(server.DefaultWorkerMaxRSSBytes), byteSize(server.DefaultCacheBytes)
		inProcess                  bool
		logFormat                  string
		storeDSN, dataDir          string
		tokensFile                 string
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the Kroki-compatible render and validate API and the live editor",
		Long: `Serve orgchart over HTTP: the Kroki wire protocol for the diagram type
"orgchart" (GET /orgchart/{format}/{encoded}, POST /orgchart/{format}, POST /),
POST /v1/validate, GET /v1/rules, /health, /metrics, and a live editor at /.

The chart registry (/v1/charts/NAME, embed URLs /charts/NAME.svg) keeps its
versions in an embedded SQLite database in --data-dir, or in PostgreSQL with
--store postgres://...; with --tokens-file, writes need a bearer token.

Renders run in worker processes (this binary re-executed), each recycled after
--worker-max-renders renders or above --worker-max-rss, and killed at
--render-timeout. Every flag can also be set with an ORGCHART_* environment
variable, e.g. ORGCHART_ADDR=0.0.0.0:8000 or ORGCHART_MAX_PEOPLE=2000; a flag
given on the command line wins. See docs/serve.md.`,
		Args: cobra.NoArgs,
	}
	fs := cmd.Flags()
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8000", "listen `address` (host:port); use 0.0.0.0:8000 to listen on every interface")
	fs.Var(&maxBody, "max-body", "largest request body (bytes, or with KiB/MiB); larger → 413")
	fs.IntVar(&cfg.MaxURIBytes, "max-uri", server.DefaultMaxURIBytes, "longest request URI in bytes; longer → 414")
	fs.IntVar(&cfg.MaxHeaderBytes, "max-header", server.DefaultMaxHeaderBytes, "largest request header block in bytes; larger → 431")
	fs.IntVar(&cfg.MaxPeople, "max-people", server.DefaultMaxPeople, "most entries in one chart; more → 413")
	fs.DurationVar(&cfg.RenderTimeout, "render-timeout", server.DefaultRenderTimeout, "render deadline; the worker is killed and the request gets 408")
	fs.DurationVar(&cfg.ReadTimeout, "read-timeout", server.DefaultReadTimeout, "time to read a request's headers and body")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", server.DefaultWriteTimeout, "time to answer a request (raised to render-timeout + queue-wait + 5s if shorter)")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, "how long an idle keep-alive connection stays open")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, "on SIGINT/SIGTERM, how long in-flight requests may take to finish")
	fs.IntVar(&cfg.Workers, "workers", 0, "render worker processes (0 = one per CPU core)")
	fs.IntVar(&cfg.WorkerMaxRenders, "worker-max-renders", server.DefaultWorkerMaxRenders, "recycle a worker after this many renders")
	fs.Var(&maxRSS, "worker-max-rss", "recycle a worker whose resident memory passes this (bytes, or with MiB/GiB)")
	fs.IntVar(&cfg.QueueLength, "queue", server.DefaultQueueLength, "renders that may wait for a worker; more → 503 with Retry-After")
	fs.DurationVar(&cfg.QueueWait, "queue-wait", server.DefaultQueueWait, "longest wait for a free worker; longer → 503 with Retry-After")
	fs.Var(&cacheSize, "cache-size", "render cache size (bytes, or with MiB); 0 disables it")
	fs.BoolVar(&inProcess, "in-process", false, "render in the server process, one at a time, without worker processes (no real cancellation; for debugging)")
	fs.StringVar(&logFormat, "log-format", "json", "log format on stderr: json|text")
	fs.StringVar(&storeDSN, "store", "", "chart registry database: postgres://... (default: the embedded store in --data-dir)")
	fs.StringVar(&dataDir, "data-dir", "", "`DIR` of the embedded registry store (default: $XDG_DATA_HOME/orgchart or ~/.local/share/orgchart)")
	fs.StringVar(&tokensFile, "tokens-file", "", "`FILE` of bearer tokens (one per line, optional label after a space) that writes to the registry need")
	fs.BoolVar(&cfg.Private, "private", false, "registry reads need a token too (with --tokens-file)")

	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := flagsFromEnv(fs, os.LookupEnv); err != nil {
			return &usageError{err}
		}
		if logFormat != "json" && logFormat != "text" {
			return &usageError{fmt.Errorf("unknown --log-format %q: want json or text", logFormat)}
		}
		var h slog.Handler = slog.NewJSONHandler(e.stderr, nil)
		if logFormat == "text" {
			h = slog.NewTextHandler(e.stderr, nil)
		}
		cfg.Logger = slog.New(h)
		cfg.MaxBodyBytes = int64(maxBody)
		cfg.WorkerMaxRSS = int64(maxRSS)
		cfg.CacheBytes = int64(cacheSize)
		if cacheSize == 0 {
			cfg.CacheBytes = -1
		}
		cfg.Version = version
		cfg.WorkerStderr = e.stderr
		if !inProcess {
			exe, err := os.Executable()
			if err != nil {
				return fmt.Errorf("find this program to start render workers: %w (use --in-process)", err)
			}
			cfg.Worker = server.WorkerCommand{Path: exe, Args: []string{workerCommand}, Env: workerEnv()}
		}
		if tokensFile != "" {
			data, err := os.ReadFile(tokensFile)
			if err != nil {
				return &usageError{fmt.Errorf("read --tokens-file: %w", err)}
			}
			if cfg.Tokens, err = server.ParseTokens(tokensFile, data); err != nil {
				return &usageError{err}
			}
		} else if cfg.Private {
			return &usageError{errors.New("--private needs --tokens-file: name the tokens that may read")}
		}
		l, err := net.Listen("tcp", cfg.Addr)
		if err != nil {
			return &usageError{fmt.Errorf("listen on %s: %w", cfg.Addr, err)}
		}
		if storeDSN == "" && dataDir == "" {
			dir, err := defaultDataDir()
			if err != nil {
				l.Close()
				return &usageError{fmt.Errorf("%v: name the registry's directory with --data-dir", err)}
			}
			dataDir = dir
		}
		st, err := store.Open(cmd.Context(), storeDSN, dataDir)
		if err != nil {
			l.Close()
			return &usageError{err}
		}
		defer st.Close()
		cfg.Store = st
		srv, err := server.New(cfg)
		if err != nil {
			l.Close()
			return err
		}
		return srv.Run(cmd.Context(), l, func(addr net.Addr) {
			fmt.Fprintf(e.stderr, "orgchart serve: editor at http://%s/\n", addr)
		})
	}
	return cmd
}

// defaultDataDir is the user's data directory for orgchart:
// $XDG_DATA_HOME/orgchart, else ~/.local/share/orgchart.
func defaultDataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "orgchart"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || !filepath.IsAbs(home) {
		return "", errors.New("no home directory for the registry store")
	}
	return filepath.Join(home, ".local", "share", "orgchart"), nil
}

// flagsFromEnv sets every flag not given on the command line from its
// ORGCHART_* variable, when set.
func flagsFromEnv(fs *pflag.FlagSet, lookup func(string) (string, bool)) error {
	var err error
	fs.VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed {
			return
		}
		name := "ORGCHART_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := lookup(name); ok && v != "" {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s=%q: %v", name, v, e)
			}
		}
	})
	return err
}

// workerEnv is the environment of the render workers: only what a Go
// program needs, not the server's (which may hold secrets).
func workerEnv() []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "XDG_CACHE_HOME", "TMPDIR", "LANG", "GODEBUG", "GOMAXPROCS"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	// One OS thread's worth of parallelism per worker: the pool provides
	// the parallelism.
	if _, ok := os.LookupEnv("GOMAXPROCS"); !ok {
		env = append(env, "GOMAXPROCS=1")
	}
	return env
}
