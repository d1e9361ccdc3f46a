package server

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Job is one render: the chart's bytes, the output format and the checked
// diagram options. It crosses the worker protocol as JSON.
type Job struct {
	Source    []byte  `json:"source"`
	Format    string  `json:"format"`
	Options   Options `json:"options,omitempty"`
	MaxPeople int     `json:"max_people,omitempty"`
	// Old, when not nil, makes the job a drawn diff (POST /v1/diff with an
	// image format): Old is the old chart, Source the new one.
	Old []byte `json:"old,omitempty"`
	// Warm asks the worker to render a small built-in chart (to initialise
	// Graphviz before the first real job); Source is ignored.
	Warm bool `json:"warm,omitempty"`
}

// jobResult is a worker's answer to a Job.
type jobResult struct {
	Data   []byte `json:"data,omitempty"`
	Status int    `json:"status,omitempty"` // HTTP status of a failed job
	Error  string `json:"error,omitempty"`
}

// maxFrame caps one protocol frame (a chart is at most a few MiB; a PNG of
// a large chart some tens of MiB).
const maxFrame = 256 << 20

// writeFrame writes v as one frame: a 4-byte big-endian length, then JSON.
func writeFrame(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if len(b) > maxFrame {
		return fmt.Errorf("frame of %d bytes is over the %d limit", len(b), maxFrame)
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(b)))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// readFrame reads one frame into v. It returns io.EOF at a clean end.
func readFrame(r io.Reader, v any) error {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > maxFrame {
		return fmt.Errorf("frame of %d bytes is over the %d limit", n, maxFrame)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return err
	}
	return json.Unmarshal(b, v)
}

// WorkerOptions configure ServeWorker.
type WorkerOptions struct {
	// Render runs one job; nil means Execute.
	Render func(ctx context.Context, job *Job) ([]byte, error)
	// TestHooks enables the markers tests use to simulate a stuck or
	// crashing render: a source containing "#orgchart-test:hang" never
	// finishes, one containing "#orgchart-test:slow" takes a second longer,
	// and one containing "#orgchart-test:crash" makes ServeWorker return
	// ErrTestCrash. Never enable it in production.
	TestHooks bool
}

// ErrTestCrash is returned by ServeWorker when a test asks the worker to
// crash; the caller exits with a non-zero status.
var ErrTestCrash = errors.New("render worker: crash requested by a test hook")

// ServeWorker is the render worker's loop: it reads Jobs from in and writes
// one result per job to out, one job at a time, until in ends (nil) or a
// write fails. cmd/orgchart's hidden render-worker subcommand runs it on
// stdin and stdout.
func ServeWorker(in io.Reader, out io.Writer, opts WorkerOptions) error {
	render := opts.Render
	if render == nil {
		render = Execute
	}
	br := bufio.NewReader(in)
	bw := bufio.NewWriter(out)
	for {
		var job Job
		if err := readFrame(br, &job); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("render worker: read job: %w", err)
		}
		if opts.TestHooks {
			src := string(job.Source)
			if strings.Contains(src, "#orgchart-test:hang") {
				time.Sleep(time.Hour)
			}
			if strings.Contains(src, "#orgchart-test:crash") {
				return ErrTestCrash
			}
			if strings.Contains(src, "#orgchart-test:slow") {
				time.Sleep(time.Second)
			}
		}
		if job.Warm {
			job = Job{Source: []byte(warmChart), Format: "svg"}
		}
		var res jobResult
		data, err := safeRender(render, &job)
		if err != nil {
			res.Status, res.Error = statusOf(err), err.Error()
		} else {
			res.Data = data
		}
		if err := writeFrame(bw, &res); err != nil {
			return fmt.Errorf("render worker: write result: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("render worker: write result: %w", err)
		}
	}
}

// safeRender runs render and turns a panic into a 500 error, so one bad
// chart cannot take the worker down without an answer.
func safeRender(render func(context.Context, *Job) ([]byte, error), job *Job) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, errorf(http.StatusInternalServerError, "render failed: %v", p)
		}
	}()
	return render(context.Background(), job)
}

// statusOf returns the HTTP status of err: its *Error code, else 500.
func statusOf(err error) int {
	var he *Error
	if errors.As(err, &he) {
		return he.Code
	}
	return http.StatusInternalServerError
}

// warmChart is rendered once by each new worker so that Graphviz is
// initialised before the first request reaches it.
const warmChart = `people:
  - id: a
    name: A
    title: Chief Executive Officer
  - id: b
    name: B
    title: Engineer
    reports_to: a
`
