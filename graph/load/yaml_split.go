package load

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"sync"

	yaml "go.yaml.in/yaml/v3"
)

// parallelYAMLMin is the size from which a YAML chart's people list is
// parsed in parallel chunks.
const parallelYAMLMin = 256 << 10

// parseYAMLParallel parses a large chart on several cores: the block list
// under a top-level "people:" is cut into chunks at its items ("  - " at the
// items' indentation), each chunk is parsed as a document of its own, and
// the nodes are put back under "people" with their lines shifted to the
// file's. go-yaml parses about 10 MB/s on one core; a 100,000-person chart
// must load in well under 2 s.
//
// A cut can only fall between items: block scalars, plain multi-line scalars
// and mappings inside an item are indented deeper than its "- ", and a cut
// inside a quoted string or flow collection leaves a chunk unterminated, so
// it fails to parse. Any failure (or a shape this does not expect) returns
// ok == false and the caller parses the whole file in one go, which also
// gives the proper error.
//
// chunks is the number of chunks to cut; 0 means one per core (at most 8)
// for files of parallelYAMLMin bytes or more, and no parallel parse below.
func parseYAMLParallel(data []byte, chunks int) (doc *yaml.Node, ok bool) {
	workers := chunks
	if workers == 0 {
		if len(data) < parallelYAMLMin {
			return nil, false
		}
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	if workers < 2 {
		return nil, false
	}
	peopleLine, start, end, indent := findPeopleList(data)
	if start < 0 || end <= start {
		return nil, false
	}
	// Item starts: lines beginning with indent + "-" then a blank or EOL.
	itemPrefix := append(bytes.Repeat([]byte{' '}, indent), '-')
	isItem := func(off int) bool {
		if !bytes.HasPrefix(data[off:end], itemPrefix) {
			return false
		}
		i := off + len(itemPrefix)
		return i >= end || data[i] == ' ' || data[i] == '\n' || data[i] == '\r'
	}
	cuts := []int{start}
	step := (end - start) / workers
	off := start
	for w := 1; w < workers; w++ {
		target := max(start+w*step, off+1)
		if target >= end {
			break
		}
		// Move to the start of the next line at or after target, then to
		// the next item start.
		off = target
		if i := bytes.LastIndexByte(data[:off], '\n'); i+1 != off {
			j := bytes.IndexByte(data[off:end], '\n')
			if j < 0 {
				break
			}
			off += j + 1
		}
		for off < end && !isItem(off) {
			j := bytes.IndexByte(data[off:end], '\n')
			if j < 0 {
				off = end
				break
			}
			off += j + 1
		}
		if off >= end {
			break
		}
		cuts = append(cuts, off)
	}
	cuts = append(cuts, end)
	if !isItem(start) {
		return nil, false
	}

	// The rest of the file, with the list blanked out line for line.
	skeleton := make([]byte, 0, start+(len(data)-end)+bytes.Count(data[start:end], []byte{'\n'}))
	skeleton = append(skeleton, data[:start]...)
	for range bytes.Count(data[start:end], []byte{'\n'}) {
		skeleton = append(skeleton, '\n')
	}
	skeleton = append(skeleton, data[end:]...)

	n := len(cuts) - 1
	parts := make([]*yaml.Node, n)
	failed := make([]bool, n+1)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			lineOff := bytes.Count(data[:cuts[i]], []byte{'\n'})
			root, ok := parseChunk(data[cuts[i]:cuts[i+1]])
			if !ok || root.Kind != yaml.SequenceNode || root.Column != indent+1 {
				failed[i] = true
				return
			}
			shiftLines(root, lineOff)
			parts[i] = root
		})
	}
	var top *yaml.Node
	wg.Go(func() {
		root, ok := parseChunk(skeleton)
		if !ok {
			failed[n] = true
			return
		}
		top = root
	})
	wg.Wait()
	for _, f := range failed {
		if f {
			return nil, false
		}
	}
	if top.Kind != yaml.MappingNode {
		return nil, false
	}
	var slot *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "people" && k.Line == peopleLine {
			if slot != nil || !isNull(v) {
				return nil, false
			}
			slot = v
		}
	}
	if slot == nil {
		return nil, false
	}
	total := 0
	for _, c := range parts {
		total += len(c.Content)
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: parts[0].Line, Column: parts[0].Column,
		Content: make([]*yaml.Node, 0, total)}
	for _, c := range parts {
		seq.Content = append(seq.Content, c.Content...)
	}
	*slot = *seq
	return &yaml.Node{Kind: yaml.DocumentNode, Line: top.Line, Column: top.Column, Content: []*yaml.Node{top}}, true
}

// parseChunk parses data as exactly one YAML document and returns its root.
func parseChunk(data []byte) (root *yaml.Node, ok bool) {
	defer func() {
		if recover() != nil {
			root, ok = nil, false
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, false
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, false
	}
	return doc.Content[0], true
}

// shiftLines adds off to the line of every node under n.
func shiftLines(n *yaml.Node, off int) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x.Line += off
		stack = append(stack, x.Content...)
	}
}

// findPeopleList finds a block list under a top-level "people:" line: the
// one-based line of "people:", the byte range of the list (from the start
// of its first item's line to the start of the first line after it), and
// the items' indentation. start is -1 when there is none.
func findPeopleList(data []byte) (peopleLine, start, end, indent int) {
	line := 1
	off := 0
	for off < len(data) {
		next := lineEnd(data, off)
		l := data[off:next]
		if bytes.HasPrefix(l, []byte("people:")) && isBlankOrComment(l[len("people:"):]) {
			peopleLine = line
			start = next
			break
		}
		off = next
		line++
	}
	if peopleLine == 0 || start >= len(data) {
		return 0, -1, 0, 0
	}
	// The first non-blank, non-comment line gives the items' indentation.
	indent = -1
	off = start
	for off < len(data) {
		next := lineEnd(data, off)
		l := data[off:next]
		if !isBlankOrComment(l) {
			i := 0
			for i < len(l) && l[i] == ' ' {
				i++
			}
			if i >= len(l) || l[i] != '-' {
				return 0, -1, 0, 0
			}
			indent = i
			start = off
			break
		}
		off = next
	}
	if indent < 0 {
		return 0, -1, 0, 0
	}
	// The list runs to the first line that starts a top-level node.
	end = len(data)
	off = start
	for off < len(data) {
		next := lineEnd(data, off)
		l := data[off:next]
		inside := isBlankOrComment(l) || l[0] == ' ' || (indent == 0 && l[0] == '-' && (len(l) == 1 || l[1] == ' ' || l[1] == '\n' || l[1] == '\r'))
		if !inside {
			end = off
			break
		}
		off = next
	}
	return peopleLine, start, end, indent
}

// isBlankOrComment reports whether a line is only spaces, an optional
// comment and the line end.
func isBlankOrComment(l []byte) bool {
	for i, b := range l {
		switch b {
		case ' ', '\r', '\n':
			continue
		case '#':
			return i == 0 || l[i-1] == ' '
		}
		return false
	}
	return true
}

// lineEnd returns the offset just past the line that starts at off (past its
// newline, or the end of data for the last line).
func lineEnd(data []byte, off int) int {
	if eol := bytes.IndexByte(data[off:], '\n'); eol >= 0 {
		return off + eol + 1
	}
	return len(data)
}
