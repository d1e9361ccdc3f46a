package diff

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/report"
)

// bigResult is a comparison of two unrelated charts in miniature: n
// joiners, n leavers and n introduced findings, with text that JSON must
// escape (quotes, <, &, a newline, non-ASCII).
func bigResult(t *testing.T, n int, format string) *Result {
	t.Helper()
	r := Compare(exampleChart(t, "old.yaml"), exampleChart(t, "new.yaml"))
	r.Changes, r.Introduced = nil, nil
	var left []Change
	for i := range n {
		id := fmt.Sprintf(format, i)
		r.Changes = append(r.Changes, Change{Kind: Joined, ID: id, To: "sam"})
		left = append(left, Change{Kind: Left, ID: "x" + id, From: "ada"})
		r.Introduced = append(r.Introduced, diag.Diagnostic{Code: "ORG005", Rule: "r", Severity: diag.SeverityError, Subject: id, Message: "m <b>"})
	}
	r.Changes = append(r.Changes, left...)
	return r
}

// TestJSONStreamed checks that the element-by-element JSON writer gives
// exactly the bytes of encoding the whole document at once.
func TestJSONStreamed(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		r := bigResult(t, n, "p<%d>&\"é\n")
		var got, want bytes.Buffer
		if err := writeJSON(&got, r); err != nil {
			t.Fatal(err)
		}
		doc := jsonDiff{Version: 1, Old: fileOf(r.Old), New: fileOf(r.New), Changes: []jsonChange{},
			Findings: jsonFindings{Introduced: []report.JSONDiagnostic{}, Resolved: []report.JSONDiagnostic{}},
			Summary: jsonSummary{Changes: len(r.Changes), Joined: r.Count(Joined), Left: r.Count(Left),
				Introduced: len(r.Introduced), Resolved: len(r.Resolved), IntroducedMax: r.Max().String()}}
		for _, c := range r.Changes {
			doc.Changes = append(doc.Changes, jsonChange(c))
		}
		for _, d := range r.Introduced {
			doc.Findings.Introduced = append(doc.Findings.Introduced, report.NewJSONDiagnostic(d))
		}
		for _, d := range r.Resolved {
			doc.Findings.Resolved = append(doc.Findings.Resolved, report.NewJSONDiagnostic(d))
		}
		if err := report.WriteJSON(&want, doc); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want.String(), got.String()); d != "" {
			t.Errorf("%d changes: streamed JSON (-whole +streamed):\n%s", n, d)
		}
	}
}

// TestLimits checks that text and Markdown cut long lists with a count of
// the rest while JSON lists everything.
func TestLimits(t *testing.T) {
	n := TextLimit + 5
	r := bigResult(t, n, "p%d")
	var b bytes.Buffer
	if err := Write(&b, "text", r); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, w := range []string{fmt.Sprintf("joined (%d)\n", n), fmt.Sprintf("left (%d)\n", n), "  … and 5 more (--format json lists every one)\n", fmt.Sprintf("findings introduced (%d)\n", n)} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	if got := strings.Count(text, "… and 5 more"); got != 3 {
		t.Errorf("text cuts %d lists, want 3 (joined, left, introduced)", got)
	}
	if got, want := strings.Count(text, "\n"), 1+3*(1+TextLimit+1)+1; got != want {
		t.Errorf("text has %d lines, want %d", got, want)
	}
	b.Reset()
	if err := Write(&b, "markdown", r); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, w := range []string{fmt.Sprintf("… and %d more", 2*n-MarkdownLimit), fmt.Sprintf("… and %d more", n-MarkdownLimit)} {
		if !strings.Contains(md, w) {
			t.Errorf("markdown lacks %q", w)
		}
	}
	if len(md) > 65536 {
		t.Errorf("markdown is %d bytes, over GitHub's comment limit", len(md))
	}
	b.Reset()
	if err := Write(&b, "json", r); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), `"kind": `); got != 2*n {
		t.Errorf("JSON lists %d changes, want all %d", got, 2*n)
	}
}
