package load

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/orgchart/orgchart/graph"
)

// parallelDirMin is the size from which a directory export is read in
// parallel parts.
const parallelDirMin = 1 << 20

// dirChunks, when not 0, is the number of parts every directory export is
// cut into, whatever its size: tests set it to cut small fixtures in
// awkward places.
var dirChunks = 0

// dirParts returns the number of parts to cut an export of size bytes
// into: chunks when not 0, else one per core (at most 8) from
// parallelDirMin bytes on, else 1.
func dirParts(size, chunks int) int {
	if chunks != 0 {
		return chunks
	}
	if size < parallelDirMin {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), 8)
}

// readDirJSONParallel reads a JSON export whose users are one array (the
// users array of a response object, or a bare array of users) in parts on
// several cores, and returns ok == false on any doubt, when the caller
// reads it on one core (which also gives the errors and their positions).
//
// A raw newline cannot occur in a JSON string, so the export is cut after
// newlines followed by a '{' (jsonCuts), into a head (the response up to a
// cut: its keys and the first users), runs of users, and a last run whose
// array ends the document (only "]" or "]}" and white space after it).
// Each part is decoded as a stream made a complete JSON value: the head
// followed by "]}" (or "]"), a run within "[...]" without the commas at
// its ends. The head must close its users array with the "]" added, and
// the commas left out between two parts must be exactly one. Then every
// part decodes as the whole would, token for token: the joined parts are
// the export, each object lies in one part (so duplicate keys are found
// as on one core), and a cut in a string, or anywhere but between two
// users of the users array, leaves a part that does not decode. Each part
// is read by its own builder with the same user function, and the parts
// are joined in order (finishParts). Any error sends the whole export to
// the one-core read.
func readDirJSONParallel(name string, data []byte, inf *inferer, format string, each func(*dirBuilder, *jv), walk func(*dirBuilder, *jreader) error, chunks int) (*graph.Org, bool) {
	n := dirParts(len(data), chunks)
	if n < 2 {
		return nil, false
	}
	// The users array's "]": the last byte but white space, or the one
	// before a last "}".
	end := bytes.TrimRight(data, jsonSpace)
	if len(end) == 0 {
		return nil, false
	}
	closing, depth := "]", 1
	if end[len(end)-1] == '}' {
		closing, depth = "]}", 2
		end = bytes.TrimRight(end[:len(end)-1], jsonSpace)
	}
	if len(end) == 0 || end[len(end)-1] != ']' {
		return nil, false
	}
	last := len(end) - 1
	return readJSONParts(name, data, inf, format, each, walk, jsonCuts(data, last, n), last, closing, depth)
}

// readJSONParts reads data in the parts cut at cuts (offsets just after
// newlines, increasing, below last), where data[last] is the "]" of the
// users array, whose elements are at depth (2 in a response object closed
// by "]}", 1 in a bare array closed by "]"); see readDirJSONParallel.
func readJSONParts(name string, data []byte, inf *inferer, format string, each func(*dirBuilder, *jv), walk func(*dirBuilder, *jreader) error, cuts []int, last int, closing string, depth int) (*graph.Org, bool) {
	if len(cuts) == 0 {
		return nil, false
	}
	for i, c := range cuts {
		if c <= 0 || c > last || data[c-1] != '\n' || i > 0 && c <= cuts[i-1] {
			return nil, false
		}
	}
	bounds := append(append([]int{0}, cuts...), last)
	type part struct {
		b           *dirBuilder
		elems       int
		lead, trail bool // a comma left out at the start, at the end
		ok          bool
	}
	parts := make([]part, len(bounds)-1)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() {
			p := &parts[k]
			from, to := bounds[k], bounds[k+1]
			text, start := data[from:to], from // text is data[start:...]
			if k > 0 {
				// A run starts where its line does: from is after a newline.
				text = bytes.TrimLeft(text, jsonSpace)
				start = to - len(text)
				if len(text) > 0 && text[0] == ',' {
					p.lead, text, start = true, text[1:], start+1
				}
			}
			if k < len(parts)-1 {
				text = bytes.TrimRight(text, jsonSpace)
				if len(text) > 0 && text[len(text)-1] == ',' {
					p.trail, text = true, text[:len(text)-1]
				}
			}
			// The part is decoded as a stream (a small buffer), not
			// from a copy: a copy of the export was as much fresh memory
			// again, and fresh pages cost more than the copying.
			var in io.Reader
			if k == 0 {
				in = io.MultiReader(bytes.NewReader(text), strings.NewReader(closing))
			} else {
				in = io.MultiReader(strings.NewReader("["), bytes.NewReader(text), strings.NewReader("]"))
			}
			p.b = newDirBuilder(name, format, &inferer{off: inf.off}, nil, len(text))
			cur := newCursor(data)
			if from > 0 {
				cur.off, cur.line = from, 1+bytes.Count(data[:from], []byte{'\n'})
			}
			toks := &textTokens{dec: jsontext.NewDecoder(in), cur: cur, arena: &p.b.arena}
			if k > 0 {
				toks.shift = start - 1 // byte 1 of the stream is data[start]
			}
			r := &jreader{toks: toks}
			if k == 0 {
				p.ok = walk(p.b, r) == nil && toks.end() == nil &&
					r.usersDepth == depth && r.usersEnd == int64(len(text)+1)
				p.elems = r.elems
			} else {
				p.elems, p.ok = p.b.run(r, depth, each)
			}
			p.ok = p.ok && len(p.b.errs) == 0
		})
	}
	wg.Wait()
	builders := make([]*dirBuilder, len(parts))
	for k, p := range parts {
		if !p.ok || k > 0 && p.elems == 0 {
			return nil, false
		}
		if k > 0 {
			commas := 0
			if parts[k-1].trail {
				commas++
			}
			if p.lead {
				commas++
			}
			if want := min(parts[k-1].elems, 1); commas != want {
				return nil, false
			}
		}
		builders[k] = p.b
	}
	return finishParts(builders), true
}

// jsonSpace is JSON's white space.
const jsonSpace = " \t\r\n"

// run reads a run of users, "[" user, ... "]", whose elements were at
// depth in the export, handing each to each; it returns their number and
// whether the run read to its end without doubt.
func (b *dirBuilder) run(r *jreader, depth int, each func(*dirBuilder, *jv)) (int, bool) {
	if r.toks.peek() != '[' {
		return 0, false
	}
	if _, err := r.token(); err != nil {
		return 0, false
	}
	n := 0
	for r.toks.peek() != ']' {
		u, err := r.value(depth)
		if err != nil {
			return n, false
		}
		if b.object(u, "user") {
			each(b, u)
		}
		r.reset()
		n++
	}
	if _, err := r.token(); err != nil {
		return n, false
	}
	return n, r.toks.end() == nil
}

// jsonCuts returns up to n-1 increasing offsets in data[:hi], each just
// after a newline and where a line starts with '{' after white space, near
// the n-1 evenly spaced targets. Of the lines near a target it takes the
// least indented (an export printed with indentation has its users less
// indented than the objects in them); a wrong choice only costs the
// parallel read (see readDirJSONParallel).
func jsonCuts(data []byte, hi, n int) []int {
	var cuts []int
	prev := 0
	for w := 1; w < n; w++ {
		t := max(w*(hi/n), prev+1)
		best, indent, limit := -1, 0, hi
		for t < limit {
			i := bytes.IndexByte(data[t:limit], '\n')
			if i < 0 {
				break
			}
			c := t + i + 1
			j := c
			for j < hi && (data[j] == ' ' || data[j] == '\t') {
				j++
			}
			if j < hi && data[j] == '{' && (best < 0 || j-c < indent) {
				best, indent = c, j-c
				if indent == 0 {
					break
				}
				limit = min(limit, c+64<<10)
			}
			t = c
		}
		if best < 0 {
			break
		}
		cuts = append(cuts, best)
		prev = best
	}
	return cuts
}
