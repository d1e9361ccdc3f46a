package load

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sameCSVParallel loads data as CSV on one core and in parallel chunks (two,
// three, and one per record), and reports any difference in the charts or
// errors. It also reports whether every parallel load was parallel.
func sameCSVParallel(name string, data []byte) (diff string, parallel bool) {
	want, _, werr := loadCSVChunks(name, data, &inferer{}, -1)
	parallel = true
	for _, chunks := range []int{2, 3, len(data) + 1} {
		got, par, gerr := loadCSVChunks(name, data, &inferer{}, chunks)
		parallel = parallel && par
		if d := cmp.Diff(errStr(werr), errStr(gerr)); d != "" {
			return "errors differ (-sequential +parallel " + strconv.Itoa(chunks) + " chunks):\n" + d, false
		}
		if d := cmp.Diff(want, got); d != "" {
			return "charts differ (-sequential +parallel " + strconv.Itoa(chunks) + " chunks):\n" + d, false
		}
	}
	return "", parallel
}

// TestLoadCSVParallelSame checks that reading a CSV file's rows in
// parallel chunks gives exactly the chart, indexes, positions and errors of
// the one-core read, whatever the cuts.
func TestLoadCSVParallelSame(t *testing.T) {
	gen := string(genCSV(300))
	head, rows, _ := strings.Cut(gen, "\n")
	head += "\n"
	lines := strings.SplitAfter(rows, "\n")
	withRow := func(i int, row string) string {
		l := append([]string(nil), lines...)
		l[i] = row
		return head + strings.Join(l, "")
	}
	tests := []struct {
		name     string
		src      string
		parallel bool // the parallel read must be taken (no errors)
	}{
		{"generated", gen, true},
		{"crlf", strings.ReplaceAll(gen, "\n", "\r\n"), true},
		{"bom", "\ufeff" + gen, true},
		{"no final newline", strings.TrimSuffix(gen, "\n"), true},
		{"final cr", strings.TrimSuffix(gen, "\n") + "\r", true},
		{"blank lines", strings.NewReplacer("\ne2,", "\n\n,,,,,,,,\n\r\n  \ne2,", "\ne299,", "\n\n\ne299,").Replace(gen), true},
		{"quoted newlines", strings.NewReplacer(",Person 1,", ",\"Person\n1, \"\"the\"\"\n\"\"one\"\"\",", ",Person 150,", ",\"\n\n\",").Replace(gen), true},
		{"quoted header", "\"Employee ID\",\"Full\n\"\"Name\"\"\",Manager ID\n" + strings.Repeat("a,\"A\nB\",b\nb,B,\n", 40), true},
		{"quoted everything", "\"id\",\"name\",\"manager\"\n" + strings.Repeat("\"a\",\"A\",\"\"\n\"b\",\"B\r\n\",\"a\"\r\n", 40), true},
		{"semicolons", strings.ReplaceAll(gen, ",", ";"), true},
		{"tabs", strings.ReplaceAll(gen, ",", "\t"), true},
		{"header only", head, false},
		{"one row", head + lines[0], false}, // nowhere to cut
		{"duplicates and e-mail refs", head + strings.Repeat("e1,A,CEO,X,,,no,e1@x.com,P\ne2,B,CISO,X,E1@x.com,e1,false,e2@x.com,P\n", 30), true},
		{"bad first row", withRow(0, "e0,A,T,D,,,maybe,e0@x,S\n"), false},
		{"bad last row", withRow(len(lines)-2, "e0,A,T,D\n"), false},
		{"bad middle row", withRow(150, "e150,A,T,D,e1,,sure,e150@x,S\n"), false},
		{"bare quote", withRow(200, "e200,A 5\" tall,T,D,e1,,no,x,S\n"), false},
		{"unterminated quote", gen + "e9,\"A\n", false},
		{"quote in the middle", withRow(100, "e100,\"A\n"), false},
		{"odd quotes then more", withRow(10, "e10,\"A,T,D,e1,,no,x,S\n"), false},
		{"many errors", head + strings.Repeat("x,A,T,D,,,maybe,x,S\n", 1200), false},
		{"short rows", head + strings.Repeat("x\n", 50), false},
		{"no rows id", head + strings.Repeat(",A,T,D,,,no,,S\n", 20), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diff, par := sameCSVParallel("p.csv", []byte(tt.src))
			if diff != "" {
				t.Fatal(diff)
			}
			if tt.parallel && !par {
				t.Errorf("the parallel read was not taken")
			}
		})
	}
}

// TestCSVCuts checks that the cuts fall after newlines outside quoted
// cells, with the right line counts, and that the automatic read is
// parallel for a large file only.
func TestCSVCuts(t *testing.T) {
	src := []byte("id,name\n" + strings.Repeat("a,\"x\ny\"\nb,\"\"\"\"\n\n", 20))
	start := len("id,name\n")
	cuts, lines := csvCuts(src, start, len(src))
	if len(cuts) < 40 || cuts[0] != start || cuts[len(cuts)-1] != len(src) || len(lines) != len(cuts)-1 {
		t.Fatalf("csvCuts = %v, %v", cuts, lines)
	}
	for i, c := range cuts[:len(cuts)-1] {
		if src[c-1] != '\n' || bytes.Count(src[:c], []byte{'"'})%2 != 0 {
			t.Errorf("cut %d at %d: %q|%q is not a record boundary", i, c, src[max(c-5, 0):c], src[c:min(c+5, len(src))])
		}
		if want := bytes.Count(src[:c], []byte{'\n'}); lines[i] != want {
			t.Errorf("cut %d: %d lines before, want %d", i, lines[i], want)
		}
		if i > 0 && c <= cuts[i-1] {
			t.Errorf("cuts not increasing: %v", cuts)
		}
	}
	if cuts, _ := csvCuts([]byte("\"id\nx,y\n"), 1, 4); cuts != nil {
		t.Errorf("csvCuts after an odd number of quotes = %v, want nil", cuts)
	}

	small := genCSV(1000)
	if _, par, err := loadCSVChunks("s.csv", small, &inferer{}, 0); err != nil || par {
		t.Errorf("loadCSVChunks(small file, 0): parallel %v, err %v; want a one-core read", par, err)
	}
	large := genCSV(20000)
	if len(large) < parallelCSVMin {
		t.Fatalf("genCSV(20000) is %d bytes, under parallelCSVMin", len(large))
	}
	org, par, err := loadCSVChunks("l.csv", large, &inferer{}, 0)
	if err != nil || (!par && runtime.GOMAXPROCS(0) > 1) {
		t.Errorf("loadCSVChunks(large file, 0): parallel %v, err %v; want a parallel read", par, err)
	}
	if err == nil && len(org.People) != 20000 {
		t.Errorf("loadCSVChunks(large file) = %d people, want 20000", len(org.People))
	}
}
