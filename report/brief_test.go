package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

// cycleResult is one reporting cycle through n people, as the cycle rule
// reports it: the chain in the message, one related position per edge.
func cycleResult(n int) []*check.Result {
	var msg strings.Builder
	msg.WriteString("reporting cycle: ")
	var rel []diag.Related
	for i := range n {
		fmt.Fprintf(&msg, "%q reports to ", fmt.Sprintf("p%d", i))
		rel = append(rel, diag.Related{Pos: pos("c.csv", i+2, 5), Message: fmt.Sprintf(`"p%d" reports to "p%d"`, i, (i+1)%n)})
	}
	msg.WriteString(`"p0"`)
	d := diag.Diagnostic{Code: "ORG003", Rule: "reporting-cycle", Severity: diag.SeverityError,
		Pos: pos("c.csv", 2, 5), Message: msg.String(), Related: rel}
	return []*check.Result{{File: "c.csv", Diagnostics: []diag.Diagnostic{d}}}
}

func TestLongCycleSummarised(t *testing.T) {
	results := cycleResult(40000)
	want := `reporting cycle: "p0" reports to "p1" reports to "p2" reports to "p3" reports to … (39,996 more) reports to "p0"`
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, format, results); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if format == "json" {
			if !strings.Contains(out, `\"p39999\" reports to \"p0\"`) || !strings.Contains(out, `"p20000\" reports to \"p20001`) {
				t.Errorf("json lost part of the cycle")
			}
			continue
		}
		w := want
		if format == "sarif" {
			w = strings.ReplaceAll(want, `"`, `\"`)
		}
		if !strings.Contains(out, w) {
			t.Errorf("%s: no summary %q in\n%.2000s", format, w, out)
		}
		if strings.Contains(out, `p20000`) {
			t.Errorf("%s: lists the middle of the cycle", format)
		}
		// The count note, and the last edge (escaped as the format does).
		if !strings.Contains(out, "39,991 more from here") || !strings.Contains(out, "p39999") {
			t.Errorf("%s: notes not bounded to the first, a count and the last:\n%.3000s", format, out)
		}
		if len(out) > 20000 {
			t.Errorf("%s: %d bytes for one finding", format, len(out))
		}
	}
}

func TestBriefMessage(t *testing.T) {
	long := strings.Repeat("é", 1500) // 3000 bytes
	for _, tc := range []struct{ in, want string }{
		{`a "x" reports to "y"`, `a "x" reports to "y"`},
		{"c: 0 reports to 1 reports to 2 reports to 3 reports to 4 reports to 5 reports to 6 reports to 7 reports to 8",
			"c: 0 reports to 1 reports to 2 reports to 3 reports to 4 reports to 5 reports to 6 reports to 7 reports to 8"},
		{"c: 0 reports to 1 reports to 2 reports to 3 reports to 4 reports to 5 reports to 6 reports to 7 reports to 8 reports to 0",
			"c: 0 reports to 1 reports to 2 reports to 3 reports to … (5 more) reports to 0"},
		{long, strings.Repeat("é", 1000) + "… (1,000 more bytes)"},
	} {
		if got := briefMessage(tc.in); got != tc.want {
			t.Errorf("briefMessage(%.60q) = %.200q, want %.200q", tc.in, got, tc.want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 39996: "39,996", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// BenchmarkLongCycle writes one 40,000-person cycle in each format; it was
// quadratic in github (16 s) before notes were bounded and joined with a
// strings.Builder.
func BenchmarkLongCycle(b *testing.B) {
	results := cycleResult(40000)
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, format, results); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
