package pipeline

import (
	"context"

	"github.com/orgchart/orgchart/stats"
)

// Stats reads and checks src (so a chart that validate rejects is rejected
// here too) and computes its statistics from the built graph.
func Stats(ctx context.Context, src Source, opts CheckOptions) (*stats.Stats, error) {
	c, err := Check(ctx, src, opts)
	if err != nil {
		return nil, err
	}
	return stats.Compute(c.Graph), nil
}
