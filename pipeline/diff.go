package pipeline

import (
	"context"
	"errors"

	"github.com/orgchart/orgchart/diff"
)

// Diff checks old and new with the same options (the same profiles and
// policy file; each version keeps its own policy section, so a change that
// adds an exception shows the finding it silences as resolved) and compares
// them: the changes to people and lines, and the findings introduced and
// resolved. Both charts are tried, so a failure names every unreadable one.
func Diff(ctx context.Context, old, new Source, opts CheckOptions) (*diff.Result, error) {
	charts, err := checkBoth(ctx, old, new, opts)
	if err != nil {
		return nil, err
	}
	oc, nc := charts[0], charts[1]
	return diff.Compare(diff.Chart{Graph: oc.Graph, Result: oc.Result}, diff.Chart{Graph: nc.Graph, Result: nc.Result}), nil
}

// checkBoth checks old and new concurrently (each takes a core's worth of
// work on a big chart, and they share nothing) and returns them in order,
// or both failures joined.
func checkBoth(ctx context.Context, old, new Source, opts CheckOptions) ([2]*Chart, error) {
	var (
		charts [2]*Chart
		errs   [2]error
		done   = make(chan struct{})
	)
	go func() {
		charts[0], errs[0] = Check(ctx, old, opts)
		close(done)
	}()
	charts[1], errs[1] = Check(ctx, new, opts)
	<-done
	if err := errors.Join(errs[0], errs[1]); err != nil {
		if ctx.Err() != nil {
			return charts, ctx.Err()
		}
		return charts, err
	}
	return charts, nil
}
