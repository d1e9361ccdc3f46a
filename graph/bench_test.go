package graph_test

import (
	"runtime"
	"syscall"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
)

var benchSizes = []struct {
	name string
	n    int
}{{"1k", 1_000}, {"100k", 100_000}, {"1M", 1_000_000}}

// BenchmarkBuild builds the reporting graph of synthetic charts (generated
// outside the timer). Besides ns/op and B/op it reports MB-kept: the heap
// the built graph keeps alive.
func BenchmarkBuild(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			org := synth.Generate(s.n, 1)
			benchBuild(b, org, graph.Build)
		})
	}
}

// BenchmarkDefaultStore puts the lines of the same charts into a
// dominikbraun/graph graph on the library's default in-memory store, the
// reference for the compact store.
func BenchmarkDefaultStore(b *testing.B) {
	for _, s := range benchSizes[:2] {
		b.Run(s.name, func(b *testing.B) {
			g := graph.Build(synth.Generate(s.n, 1))
			benchBuild(b, g.Org(), func(*graph.Org) any { return graph.DefaultStoreGraph(g) })
		})
	}
}

func benchBuild[G any](b *testing.B, org *graph.Org, build func(*graph.Org) G) {
	var g G
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		g = build(org)
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
	var zero G
	g = zero
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g = build(org)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-kept")
	runtime.KeepAlive(g)
}

// BenchmarkQueries runs the memoised whole-graph queries a validation uses
// over every entry: level, total reports, span, manager, and the cycles.
func BenchmarkQueries(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			g := graph.Build(synth.Generate(s.n, 1))
			b.ReportAllocs()
			b.ResetTimer()
			sum := 0
			for b.Loop() {
				for i := range g.Len() {
					sum += g.Level(i) + g.TotalReports(i) + g.Span(i) + g.Manager(i)
				}
				sum += len(g.Cycles())
			}
			if sum == 0 {
				b.Fatal("no work done")
			}
		})
	}
}

// cpuTime returns the process's user and system CPU time in nanoseconds, GC
// workers included: a steadier figure than wall time on a shared machine.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
