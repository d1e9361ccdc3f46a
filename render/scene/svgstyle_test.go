package scene

import (
	"bytes"
	"io"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestSVGSameBytesHoweverCut writes a large page in chunks of 1024, 7 and
// 1 top-level items, on one core and on several: the bytes must not
// depend on how the page was cut or on the cores.
func TestSVGSameBytesHoweverCut(t *testing.T) {
	d := bigDoc(3000)
	want := svgOf(t, d, 1)
	defer func(n int) { chunkItems = n }(chunkItems)
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{7, 1} {
			chunkItems = n
			if got := svgOf(t, d, 1); !bytes.Equal(got, want) {
				t.Errorf("chunks of %d items on %d cores: %d bytes differ from the %d of chunks of 1024", n, procs, len(got), len(want))
			}
		}
		chunkItems = 1024
		runtime.GOMAXPROCS(old)
	}
}

var ruleRe = regexp.MustCompile(`^\.((oc[0-9a-z]+)-k\d+)\{[^{}<>&]+\}$`)

// TestSVGStyleSheet checks the style sheet: every rule one class selector
// (LibreOffice ignores others) whose name starts with the page's prefix,
// every class an element names defined, none defined twice, and pages
// with different rules under different prefixes (two charts inlined in one
// HTML page must not restyle each other).
func TestSVGStyleSheet(t *testing.T) {
	d := testDoc()
	scopes := map[string]string{}
	for n := 1; n <= len(d.Pages); n++ {
		b := svgOf(t, d, n)
		els := parseSVG(t, b)
		defined := map[string]bool{}
		var sheet, scope string
		for _, e := range els {
			if e.Name == "style" {
				sheet = e.Text
			}
		}
		for _, l := range strings.Split(strings.TrimSpace(sheet), "\n") {
			m := ruleRe.FindStringSubmatch(l)
			if m == nil || scope != "" && m[2] != scope {
				t.Fatalf("page %d: rule %q is not one class selector with the prefix %q", n, l, scope)
			}
			scope = m[2]
			if defined[m[1]] {
				t.Errorf("page %d: class %s defined twice", n, m[1])
			}
			defined[m[1]] = true
		}
		used := 0
		for _, e := range els {
			if c, ok := e.Attr["class"]; ok && (e.Name == "rect" || e.Name == "text" || e.Name == "polyline") {
				used++
				if !defined[c] {
					t.Errorf("page %d: <%s> names class %q, not in the style sheet", n, e.Name, c)
				}
			}
		}
		if used == 0 {
			t.Errorf("page %d: no element names a class", n)
		}
		scopes[scope] = sheet
	}
	if len(scopes) != len(d.Pages) {
		t.Errorf("%d scopes for %d pages with different rules", len(scopes), len(d.Pages))
	}
}

func BenchmarkSVGPoster(b *testing.B) {
	d := bigDoc(100000)
	for b.Loop() {
		if err := WriteSVG(io.Discard, d, 1, SVGOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// failAfter accepts n writes, then fails.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, io.ErrShortWrite
	}
	f.n--
	return len(p), nil
}

// TestSVGWriteErrorStops checks that a failing writer's error comes back
// (rather than the writer waiting for chunks forever), at every point.
func TestSVGWriteErrorStops(t *testing.T) {
	d := bigDoc(5000)
	for _, n := range []int{0, 1, 2, 5} {
		if err := WriteSVG(&failAfter{n}, d, 1, SVGOptions{}); err != io.ErrShortWrite {
			t.Errorf("WriteSVG to a writer failing after %d writes = %v, want %v", n, err, io.ErrShortWrite)
		}
	}
}
