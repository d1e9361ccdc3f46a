package load

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	yaml "go.yaml.in/yaml/v3"
)

// loadJSON reads a JSON chart. JSON is read with encoding/json (never a YAML
// parser) into a node tree that carries each token's line and column; the
// chart is then decoded by the same code as YAML, so both formats accept
// and reject exactly the same shapes.
func loadJSON(name string, data []byte, inf *inferer) (*graph.Org, error) {
	doc, err := parseJSON(name, data, emptyChart)
	if err != nil {
		return nil, err
	}
	d := &nodeDecoder{file: name, format: "json", inf: inf}
	return d.chart(doc)
}

// parseJSON parses one JSON value into a yaml.Node tree with one-based
// lines and columns (columns count characters). Duplicate keys in an object
// are errors.
//
// Hand-written on top of encoding/json's tokenizer because no well-kept
// library yields JSON values with their source positions.
func parseJSON(name string, data []byte, empty string) (*yaml.Node, error) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errAt(diag.Pos{File: name, Line: 1, Column: 1}, empty)
	}
	p := &jsonParser{name: name, data: data, dec: json.NewDecoder(bytes.NewReader(data)), cur: newCursor(data)}
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	start := p.dec.InputOffset()
	if _, err := p.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errAt(p.at(p.skip(start)), "unexpected data after the JSON value: a chart file holds one object")
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: n.Line, Column: n.Column, Content: []*yaml.Node{n}}, nil
}

type jsonParser struct {
	name string
	data []byte
	dec  *json.Decoder
	cur  cursor
}

// maxJSONDepth bounds nesting (encoding/json stops at 10000 anyway).
const maxJSONDepth = 1000

// at returns the position of byte offset off (see cursor.at).
func (p *jsonParser) at(off int) diag.Pos {
	line, col := p.cur.at(off)
	return diag.Pos{File: p.name, Line: line, Column: col}
}

// cursor maps byte offsets of data to one-based lines and columns
// (columns count characters). Offsets should not decrease between calls
// (tokens come in order), so the input is scanned once.
type cursor struct {
	data      []byte
	off       int
	line, col int
}

// newCursor returns a cursor at the start of data.
func newCursor(data []byte) cursor { return cursor{data: data, line: 1, col: 1} }

// at returns the line and column of byte offset off.
func (c *cursor) at(off int) (line, col int) {
	off = min(max(off, 0), len(c.data))
	if off < c.off { // not expected; rescan from the start
		c.off, c.line, c.col = 0, 1, 1
	}
	seg := c.data[c.off:off]
	for {
		i := bytes.IndexByte(seg, '\n')
		if i < 0 {
			break
		}
		c.line++
		c.col = 1
		seg = seg[i+1:]
	}
	c.col += runeStarts(seg)
	c.off = off
	return c.line, c.col
}

// runeStarts counts the bytes of p that start a character (all but UTF-8
// continuation bytes, 10xxxxxx), eight at a time: every token of a
// directory export asks for its column, and a byte at a time this count
// was a tenth of reading a 100k-user Entra export (no library function
// counts characters in place faster than utf8.RuneCount's byte loop).
func runeStarts(p []byte) int {
	const hi = 0x8080808080808080
	n := len(p)
	for len(p) >= 8 {
		w := binary.LittleEndian.Uint64(p)
		// Bit 7 of a byte set and bit 6 clear: a continuation byte.
		n -= bits.OnesCount64(w & ^(w << 1) & hi)
		p = p[8:]
	}
	for _, b := range p {
		if b&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// skip returns the offset of the next token at or after off: past white
// space and the separators ',' and ':'.
func (p *jsonParser) skip(off int64) int {
	i := int(off)
	for i < len(p.data) {
		switch p.data[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
			continue
		}
		break
	}
	return i
}

// token reads the next token and the position where it starts.
func (p *jsonParser) token() (json.Token, diag.Pos, error) {
	before := p.dec.InputOffset()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, diag.Pos{}, p.syntax(err, before)
	}
	return tok, p.at(p.skip(before)), nil
}

// syntax turns a decoder error into a positioned error.
func (p *jsonParser) syntax(err error, before int64) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off := int(se.Offset) - 1
		if off < int(before) {
			off = p.skip(before)
		}
		for off < len(p.data) && (p.data[off] == ' ' || p.data[off] == '\t' || p.data[off] == '\r' || p.data[off] == '\n') {
			off++
		}
		msg := strings.TrimPrefix(se.Error(), "json: ")
		return errAt(p.at(off), "invalid JSON: "+msg+": check for a missing comma, quote or bracket")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errAt(p.at(len(p.data)), "invalid JSON: unexpected end of input: close every { and [")
	}
	return errAt(p.at(p.skip(before)), "invalid JSON: "+err.Error())
}

// value reads one JSON value into a node.
func (p *jsonParser) value(depth int) (*yaml.Node, error) {
	tok, pos, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.node(tok, pos, depth)
}

func (p *jsonParser) node(tok json.Token, pos diag.Pos, depth int) (*yaml.Node, error) {
	n := &yaml.Node{Line: pos.Line, Column: pos.Column}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxJSONDepth {
			return nil, errAt(pos, fmt.Sprintf("JSON nested deeper than %d levels: a chart needs only a few", maxJSONDepth))
		}
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			var seen map[string]bool
			for {
				tok, kpos, err := p.token()
				if err != nil {
					return nil, err
				}
				if tok == json.Delim('}') {
					return n, nil
				}
				key, _ := tok.(string) // the decoder only yields string keys here
				dup := false
				if seen == nil && len(n.Content) >= 32 {
					seen = make(map[string]bool, len(n.Content))
					for i := 0; i < len(n.Content); i += 2 {
						seen[n.Content[i].Value] = true
					}
				}
				if seen != nil {
					dup = seen[key]
					seen[key] = true
				} else {
					for i := 0; i < len(n.Content); i += 2 {
						dup = dup || n.Content[i].Value == key
					}
				}
				if dup {
					return nil, errAt(kpos, "duplicate key "+diag.Excerpt(key)+" in this object: keep one")
				}
				k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: kpos.Line, Column: kpos.Column}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, k, v)
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for {
				tok, ipos, err := p.token()
				if err != nil {
					return nil, err
				}
				if tok == json.Delim(']') {
					return n, nil
				}
				v, err := p.node(tok, ipos, depth+1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		}
		return nil, errAt(pos, "invalid JSON: unexpected "+diag.Excerpt(t.String()))
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", t.String()
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", "false"
		if t {
			n.Value = "true"
		}
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	default:
		return nil, errAt(pos, "invalid JSON: unexpected token "+diag.Clip(fmt.Sprint(tok)))
	}
	return n, nil
}
