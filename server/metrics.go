package server

import (
	"runtime"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the server's Prometheus metrics, on a registry of its own (no
// global state: two servers in one process do not share counters).
type metrics struct {
	reg            *prometheus.Registry
	requests       *prometheus.CounterVec
	requestSecs    *prometheus.HistogramVec
	renderSecs     *prometheus.HistogramVec
	cache          *prometheus.CounterVec
	queueDepth     prometheus.Gauge
	workerRestarts *prometheus.CounterVec
	storeSecs      *prometheus.HistogramVec
	storeErrors    *prometheus.CounterVec
}

func newMetrics(version string) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "orgchart_http_requests_total",
		Help: "HTTP requests by route pattern and status code.",
	}, []string{"route", "code"})
	m.requestSecs = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "orgchart_http_request_duration_seconds",
		Help:    "HTTP request duration by route pattern.",
		Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12),
	}, []string{"route"})
	m.renderSecs = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "orgchart_render_duration_seconds",
		Help:    "Duration of uncached renders (including the wait for a worker) by output format.",
		Buckets: prometheus.ExponentialBuckets(0.005, 2, 12),
	}, []string{"format"})
	m.cache = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "orgchart_render_cache_total",
		Help: "Render cache lookups by result (hit or miss).",
	}, []string{"result"})
	m.queueDepth = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "orgchart_render_queue_depth",
		Help: "Renders waiting for a free worker.",
	})
	m.workerRestarts = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "orgchart_worker_restarts_total",
		Help: "Render workers replaced, by reason (deadline, died, canceled, renders, rss).",
	}, []string{"reason"})
	m.storeSecs = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "orgchart_store_duration_seconds",
		Help:    "Chart registry store operations by kind (put, latest, get, list, delete).",
		Buckets: prometheus.ExponentialBuckets(0.0002, 2.5, 12),
	}, []string{"op"})
	m.storeErrors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "orgchart_store_errors_total",
		Help: "Chart registry store operations that failed (not counting unknown charts), by kind.",
	}, []string{"op"})
	info := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "orgchart_build_info",
		Help: "Always 1; labelled with the orgchart and Go versions.",
	}, []string{"version", "goversion"})
	info.WithLabelValues(version, runtime.Version()).Set(1)
	m.cache.WithLabelValues("hit")
	m.cache.WithLabelValues("miss")
	m.reg.MustRegister(m.requests, m.requestSecs, m.renderSecs, m.cache, m.queueDepth, m.workerRestarts, m.storeSecs, m.storeErrors, info,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
