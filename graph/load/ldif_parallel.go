package load

import (
	"bytes"
	"sync"

	"github.com/orgchart/orgchart/graph"
)

// readLDIFParallel reads an LDIF export (BOM removed) in parts on several
// cores, and returns ok == false on any doubt, when the caller reads it on
// one core (which also gives the errors and their positions).
//
// The export is cut after blank lines (ldifCuts). A line that continues a
// folded line starts with a space, so an empty line always ends the line
// and the record before it: after it, readLDIF is where it is at the start
// of a file, except that records came before (a version line is then out
// of place, which the part reads as an error). Each part's records are
// read and turned into entries by its own builder, and the parts are
// joined in order (finishParts), which indexes the DNs and resolves the
// managers of the whole export. A part with an error, or an export without
// records, is read again on one core.
func readLDIFParallel(name string, data []byte, inf *inferer, chunks int) (*graph.Org, bool) {
	n := dirParts(len(data), chunks)
	if n < 2 {
		return nil, false
	}
	return readLDIFParts(name, data, inf, ldifCuts(data, n))
}

// readLDIFParts reads data in the parts cut at cuts, increasing offsets
// each just after a blank line (see readLDIFParallel).
func readLDIFParts(name string, data []byte, inf *inferer, cuts []int) (*graph.Org, bool) {
	if len(cuts) == 0 {
		return nil, false
	}
	for i, c := range cuts {
		if c <= 0 || c >= len(data) || !ldifBlankBefore(data, c) || i > 0 && c <= cuts[i-1] {
			return nil, false
		}
	}
	bounds := append(append([]int{0}, cuts...), len(data))
	lines := make([]int, len(bounds)) // lines before each part
	for k := 1; k < len(bounds); k++ {
		lines[k] = lines[k-1] + bytes.Count(data[bounds[k-1]:bounds[k]], []byte{'\n'})
	}
	builders := make([]*dirBuilder, len(bounds)-1)
	recs := make([]int, len(builders))
	var wg sync.WaitGroup
	for k := range builders {
		wg.Go(func() {
			part := data[bounds[k]:bounds[k+1]]
			b := newLDIFBuilder(name, &inferer{off: inf.off}, len(part))
			builders[k], recs[k] = b, readLDIF(b, part, lines[k], k > 0, b.ldifEntry)
		})
	}
	wg.Wait()
	total := 0
	for k, b := range builders {
		if len(b.errs) > 0 {
			return nil, false
		}
		total += recs[k]
	}
	if total == 0 {
		return nil, false // the one-core read says there are no entries
	}
	return finishParts(builders), true
}

// ldifBlankBefore reports whether the line before offset c (c just after
// a newline) is empty but for a carriage return.
func ldifBlankBefore(data []byte, c int) bool {
	if data[c-1] != '\n' {
		return false
	}
	line := data[bytes.LastIndexByte(data[:c-1], '\n')+1 : c-1]
	return len(line) == 0 || len(line) == 1 && line[0] == '\r'
}

// ldifCuts returns up to n-1 increasing offsets in data, each just after
// a blank line, the first at or after each of n-1 evenly spaced targets.
func ldifCuts(data []byte, n int) []int {
	var cuts []int
	prev := 0
	for w := 1; w < n; w++ {
		t := max(w*(len(data)/n), prev+1)
		c := -1
		for t < len(data) {
			i := bytes.IndexByte(data[t:], '\n')
			if i < 0 || t+i+1 >= len(data) {
				break
			}
			if t+i > 0 && ldifBlankBefore(data, t+i+1) {
				c = t + i + 1
				break
			}
			t += i + 1
		}
		if c < 0 {
			break
		}
		cuts = append(cuts, c)
		prev = c
	}
	return cuts
}
