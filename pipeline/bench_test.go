package pipeline

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"sync"
	"testing"

	"github.com/orgchart/orgchart/diff"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/report"
)

var versions1M struct {
	once     sync.Once
	old, new []byte
}

// charts1M returns two versions of a synthetic million-entry chart as CSV:
// NEW retitles one entry in 500, moves one in 1000 to its neighbour's
// manager (never under itself: managers come earlier in synth's order),
// drops 1000 leaves and adds 1000 joiners.
func charts1M(b *testing.B) (old, new []byte) {
	b.Helper()
	versions1M.once.Do(func() {
		org := synth.Generate(1_000_000, 1)
		var buf bytes.Buffer
		if err := synth.WriteCSV(&buf, org); err != nil {
			b.Fatal(err)
		}
		versions1M.old = bytes.Clone(buf.Bytes())
		managed := map[string]bool{}
		for _, p := range org.People {
			for _, r := range p.ReportsTo {
				managed[r.ID] = true
			}
		}
		var people []*graph.Person
		dropped := 0
		for i, p := range org.People {
			if i < 100 {
				people = append(people, p)
				continue
			}
			switch {
			case i%997 == 0 && !managed[p.ID] && dropped < 1000:
				dropped++
				continue
			case i%500 == 0:
				p.Title = "Senior " + p.Title
			case i%1000 == 1:
				p.ReportsTo = org.People[i-1].ReportsTo
			}
			people = append(people, p)
		}
		for j := range 1000 {
			m := people[100+j*37].ID
			people = append(people, &graph.Person{ID: "new-" + strconv.Itoa(j), Name: "New Joiner", Kind: graph.KindPerson,
				Department: "Engineering", ReportsTo: []graph.Ref{{ID: m}}})
		}
		for i, p := range people {
			p.Index = i
		}
		org.People = people
		buf.Reset()
		if err := synth.WriteCSV(&buf, org); err != nil {
			b.Fatal(err)
		}
		versions1M.new = buf.Bytes()
	})
	return versions1M.old, versions1M.new
}

// BenchmarkValidate1M is the reference of BenchmarkDiff1M: what
// `orgchart validate --format json` does with one of the two charts.
func BenchmarkValidate1M(b *testing.B) {
	_, new := charts1M(b)
	ctx := context.Background()
	b.SetBytes(int64(len(new)))
	for b.Loop() {
		charts, err := Validate(ctx, []Source{{Name: "new.csv", Data: new}}, CheckOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := report.Write(io.Discard, "json", Results(charts)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiff1M is what `orgchart diff --format json` does with two
// million-entry versions. The issue asks for under twice
// BenchmarkValidate1M.
func BenchmarkDiff1M(b *testing.B) {
	old, new := charts1M(b)
	ctx := context.Background()
	var r *diff.Result
	for b.Loop() {
		var err error
		r, err = Diff(ctx, Source{Name: "old.csv", Data: old}, Source{Name: "new.csv", Data: new}, CheckOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := diff.Write(io.Discard, "json", r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(r.Changes)), "changes")
}
