package load

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph/diag"
	yaml "go.yaml.in/yaml/v3"
)

// This file positions go-yaml's errors: the line and column a user should
// look at, which go-yaml's own message does not always give.

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+)(?:, column (\d+))?: `)

// yamlError turns a go-yaml error ("yaml: line N: problem") into a
// positioned error (column 1 when go-yaml does not give one).
//
// go-yaml's line for a parser error is where the enclosing block started
// (0-based), not the line at fault; for a chart of modest size the faulty
// line is found by parsing ever shorter prefixes of the file (see
// faultyLine), and the column is then the line's first non-blank character.
func yamlError(name string, data []byte, err error) *diag.Error {
	msg, pos := splitYAMLError(err)
	pos.File = name
	if len(data) <= maxRefine {
		if line := faultyLine(data, msg); line > 0 {
			pos = diag.Pos{File: name, Line: line, Column: indentCol(data, line)}
		}
	}
	return errAt(pos, "invalid YAML: "+msg+": check the indentation and quoting on this line and the one before")
}

// maxRefine bounds the size of a file whose syntax errors faultyLine
// locates (it parses the file about log2(lines) times).
const maxRefine = 128 << 10

// splitYAMLError separates go-yaml's "yaml: line N: " prefix from the
// problem.
func splitYAMLError(err error) (string, diag.Pos) {
	msg := err.Error()
	pos := diag.Pos{Line: 1, Column: 1}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			pos.Column, _ = strconv.Atoi(m[2])
		}
		msg = msg[len(m[0]):]
	}
	return strings.TrimPrefix(msg, "yaml: "), pos
}

// faultyLine returns the smallest number of lines k such that the first k
// lines of data fail to parse with the same problem, or 0.
func faultyLine(data []byte, problem string) int {
	var ends []int // ends[k-1] is the offset just past line k
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	fails := func(k int) bool {
		dec := yaml.NewDecoder(bytes.NewReader(data[:ends[k-1]]))
		for {
			var n yaml.Node
			err := dec.Decode(&n)
			if err == nil {
				continue
			}
			if errors.Is(err, io.EOF) {
				return false
			}
			msg, _ := splitYAMLError(err)
			return msg == problem
		}
	}
	lo, hi := 1, len(ends)
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// indentCol is the column of the first non-blank character of line (1 when
// the line is blank).
func indentCol(data []byte, line int) int {
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return 1
		}
		data = data[i+1:]
	}
	col := 1
	for _, b := range data {
		if b != ' ' {
			if b == '\n' || b == '\r' {
				return 1
			}
			return col
		}
		col++
	}
	return 1
}
