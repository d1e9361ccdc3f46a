package load

import (
	"bytes"
	"encoding/csv"
	"runtime"
	"sync"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/internal/huge"
)

// parallelCSVMin is the size from which a CSV chart's rows are read in
// parallel chunks.
const parallelCSVMin = 1 << 20

// readParallel reads the rows of a large CSV file on several cores:
// data[start:] (the rows after the header) is cut into chunks at record
// boundaries, each chunk is read by its own csv.Reader into its own
// entries, and the entries are joined with their indexes and line numbers
// those of the whole file. encoding/csv reads about 100 MB/s on one core
// and a million-row export is 100 MB.
//
// A cut falls after a newline with an even number of quotes before it: in
// a file encoding/csv reads without error, quotes come in pairs (a quoted
// cell's opening and closing quote, and each doubled quote inside), so such
// a newline ends a record. Whatever the input, the result is that of the
// one-core read when every chunk reads without error: the reader's state
// at the end of a chunk that ends with a newline outside quotes is that of
// the start of a record, and a chunk that ends inside a quoted cell fails
// with an unterminated quote. On any error (or no cut found) readParallel
// returns ok == false and the caller reads the rows on one core, which
// also gives the errors.
//
// chunks is the number of chunks to cut; 0 means one per core (at most 8)
// for files of parallelCSVMin bytes or more, and no parallel read below.
func (h *csvRows) readParallel(data []byte, start int, inf *inferer, chunks int) (people []*graph.Person, ok bool) {
	workers := chunks
	if workers == 0 {
		if len(data) < parallelCSVMin {
			return nil, false
		}
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	if workers < 2 || start <= 0 || start >= len(data) {
		return nil, false
	}
	cuts, lines := csvCuts(data, start, workers)
	if len(cuts) < 3 {
		return nil, false
	}
	n := len(cuts) - 1
	type part struct {
		people []*graph.Person
		errs   diag.ErrorList
	}
	parts := make([]part, n)
	// A chunk's errors are dropped (the one-core read gives them): no
	// quote error is positioned in a chunk.
	hc := *h
	hc.data = nil
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			chunk := data[cuts[i]:cuts[i+1]]
			r := csv.NewReader(bytes.NewReader(chunk))
			r.Comma = h.comma
			r.FieldsPerRecord = -1
			r.ReuseRecord = true
			var winf *inferer // the inferer's cache is not safe for concurrent use
			if inf != nil {
				winf = &inferer{off: inf.off}
			}
			parts[i].people, parts[i].errs = hc.read(r, lines[i], estimateRows(chunk), winf)
		})
	}
	wg.Wait()
	total := 0
	for _, p := range parts {
		if len(p.errs) > 0 {
			return nil, false
		}
		total += len(p.people)
	}
	people = huge.Make[*graph.Person](0, total)
	for _, p := range parts {
		base := len(people)
		if base > 0 {
			for _, e := range p.people {
				e.Index += base
			}
		}
		people = append(people, p.people...)
	}
	return people, true
}

// csvCuts cuts data[start:] into about n chunks at newlines with an even
// number of quotes in data before them (see readParallel). It returns the
// chunk boundaries, start first and len(data) last, and for each chunk the
// number of lines before it. start must be the end of a record.
func csvCuts(data []byte, start, n int) (cuts, lines []int) {
	off := start
	quotes := bytes.Count(data[:off], []byte{'"'})
	nl := bytes.Count(data[:off], []byte{'\n'})
	if quotes%2 != 0 {
		return nil, nil
	}
	cuts, lines = []int{start}, []int{nl}
	// advance moves off to to, counting quotes and newlines.
	advance := func(to int) {
		quotes += bytes.Count(data[off:to], []byte{'"'})
		nl += bytes.Count(data[off:to], []byte{'\n'})
		off = to
	}
	step := (len(data) - start) / n
	for w := 1; w < n; w++ {
		// The first line end at or after the target, then on to one
		// outside quotes.
		target := max(start+w*step, off+1)
		for target <= len(data) {
			j := bytes.IndexByte(data[target-1:], '\n')
			if j < 0 {
				target = len(data) + 1
				break
			}
			advance(target + j)
			if quotes%2 == 0 {
				break
			}
			target = off + 1
		}
		if off >= len(data) || target > len(data) {
			break
		}
		cuts = append(cuts, off)
		lines = append(lines, nl)
	}
	return append(cuts, len(data)), lines
}
