package stats

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/golden"
	"github.com/orgchart/orgchart/render/scene"
)

// TestDrawGolden draws the small chart and compares its SVG with
// testdata/chart-small.svg (go test ./stats -run TestDrawGolden -update
// rewrites it; open it to review).
func TestDrawGolden(t *testing.T) {
	s := compute(t, "small.yaml", small)
	var b bytes.Buffer
	if err := scene.WriteSVG(&b, Draw(s, ""), 1, scene.SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "chart-small.svg"), b.Bytes())
}

// TestDrawProperties checks the chart of a generated chart of 3,000
// entries (vacancies, many departments, a wide span range) by what a
// reader relies on: every label on the page, no label under 10 pt, a
// histogram bar's height proportional to its managers and its span's
// label under it, at most maxDeptBars department bars whose people add up
// to the total, and the same scene twice.
func TestDrawProperties(t *testing.T) {
	s := Compute(graph.Build(generated(3000)))
	doc := Draw(s, "")
	if d := Draw(s, ""); !cmp.Equal(doc, d) {
		t.Fatal("Draw is not deterministic")
	}
	pg := doc.Pages[0]
	var texts []scene.Text
	var spanBars []scene.Box
	deptPeople := 0
	for _, it := range pg.Items {
		switch v := it.(type) {
		case scene.Text:
			texts = append(texts, v)
			w := scene.Measure(v.S, v.Size, v.Bold)
			x0 := v.X
			switch v.Anchor {
			case scene.Middle:
				x0 -= w / 2
			case scene.End:
				x0 -= w
			}
			if x0 < 0 || x0+w > pg.Width || v.Y-scene.Ascent(v.Size) < 0 || v.Y+scene.Descent(v.Size) > pg.Height {
				t.Errorf("text %q at %.1f,%.1f (%.1f wide) leaves the %gx%g page", v.S, v.X, v.Y, w, pg.Width, pg.Height)
			}
			if v.Size < 10 {
				t.Errorf("text %q is %g pt, want at least 10", v.S, v.Size)
			}
		case scene.Box:
			if strings.HasPrefix(v.ID, "span-") {
				spanBars = append(spanBars, v)
			}
		}
	}
	bins := spanBins(s.Total.Span.Histogram)
	byLabel := map[string]int{}
	for _, b := range bins {
		byLabel[b.label()] = b.managers
	}
	if len(spanBars) < 2 {
		t.Fatalf("%d span bars, want several", len(spanBars))
	}
	ref := spanBars[0]
	for _, b := range spanBars {
		l := strings.TrimPrefix(b.ID, "span-")
		want := ref.H * float64(byLabel[l]) / float64(byLabel[strings.TrimPrefix(ref.ID, "span-")])
		if d := b.H - want; d > 0.01 || d < -0.01 {
			t.Errorf("bar %s is %.2f tall, want %.2f (%d managers)", l, b.H, want, byLabel[l])
		}
	}
	total := 0
	for _, b := range bins {
		total += b.managers
	}
	if total != s.Total.Managers {
		t.Errorf("histogram bins hold %d managers, want %d", total, s.Total.Managers)
	}
	if len(s.Departments) <= maxDeptBars {
		t.Fatalf("the generated chart has %d departments; the test wants more than %d", len(s.Departments), maxDeptBars)
	}
	rows := 0
	for _, v := range texts {
		if v.Anchor == scene.End && v.Size == chartLabelPt {
			rows++
		}
	}
	for _, d := range s.Departments {
		deptPeople += d.Headcount + d.Vacancies
	}
	if rows != maxDeptBars {
		t.Errorf("%d department rows, want %d (the rest as one)", rows, maxDeptBars)
	}
	if deptPeople != s.Total.Headcount+s.Total.Vacancies {
		t.Errorf("departments hold %d people, want %d", deptPeople, s.Total.Headcount+s.Total.Vacancies)
	}
	if os.Getenv("STATS_PNG") != "" {
		f, _ := os.Create(os.Getenv("STATS_PNG"))
		defer f.Close()
		if _, err := scene.WritePNG(f, doc, 1, scene.RasterOptions{Scale: 2}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSpanBins(t *testing.T) {
	for _, tc := range []struct {
		h    []Bin
		want []spanBin
	}{
		{nil, nil},
		{hist(1, 2, 3, 1), []spanBin{{1, 1, 2}, {2, 2, 0}, {3, 3, 1}}},
		{hist(1, 1, 50, 2), func() []spanBin {
			var out []spanBin // width 3: 1-3, 4-6, ..., 49-50
			for lo := 1; lo <= 50; lo += 3 {
				out = append(out, spanBin{lo, min(lo+2, 50), 0})
			}
			out[0].managers, out[16].managers = 1, 2
			return out
		}()},
	} {
		if d := cmp.Diff(tc.want, spanBins(tc.h), cmp.AllowUnexported(spanBin{})); d != "" {
			t.Errorf("spanBins(%v) (-want +got):\n%s", tc.h, d)
		}
	}
}
