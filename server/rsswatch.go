package server

import (
	"context"
	"errors"
	"time"
)

// errOverRSS is the cause of a render's context ending because its worker
// passed PoolConfig.KillRSS while rendering.
var errOverRSS = errors.New("render worker over its memory cap")

// rssPoll is how often a rendering worker's resident set is read.
var rssPoll = 100 * time.Millisecond

// watchRSS returns a context that ends with cause errOverRSS as soon as pr's
// resident set (/proc/PID/statm) passes KillRSS, so the worker is killed
// mid-render instead of after: go-graphviz's WebAssembly memory grows
// without bound and cannot be capped from outside. stop ends the watch.
func (p *Pool) watchRSS(ctx context.Context, pr *proc) (_ context.Context, stop func()) {
	wctx, cancel := context.WithCancelCause(ctx)
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(rssPoll)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-wctx.Done():
				return
			case <-t.C:
				if pr.rss() > p.cfg.KillRSS {
					cancel(errOverRSS)
					return
				}
			}
		}
	}()
	return wctx, func() { close(done); cancel(nil) }
}
