package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	yaml "go.yaml.in/yaml/v3"

	"github.com/orgchart/orgchart/graph"
)

// This file reads the JSON directory exports (entra, google, okta, scim)
// one user at a time: a JSON export is a stream of tokens, each user object
// is read into a small tree (jv) with the line and column of every value
// (each object checked whole by jsontext and its tree cut from the checked
// text, dirjson_scan.go), handed to the format's user function, and
// forgotten; only the values the chart keeps are copied (jv.text).
//
// The tokens come from jsontext (github.com/go-json-experiment/json, the
// Go team's encoding/json v2 tokenizer, already in the module graph),
// because encoding/json's Decoder.Token cannot meet issue 13's bar: it
// boxes every token in an interface and rescans each value, and only
// walking the tokens of a 100k-user Graph export (37 MB) takes 0.79 s and
// 14M allocations, eight times the whole CSV load of the same org;
// jsontext walks them in 0.11 s with none.
//
// Positions and diagnostics are those of parseJSON (json.go) by
// construction: on any doubt (a syntax error, invalid UTF-8, a duplicate
// key, nesting deeper than parseJSON allows, data after the value) the
// fast read is dropped and the file is read again with parseJSON, whose
// error is returned, or whose tree is replayed through the same user
// functions (FuzzDirJSONPaths checks both paths give the same chart).

// jv is one JSON value of a directory export and where it starts.
type jv struct {
	// kind is the jsontext kind: '{', '[', '"', '0' (a number), 't', 'f'
	// or 'n'; '}' and ']' only as tokens.
	kind byte
	// str is a string's text, a number's literal, "true", "false" or
	// "null"; for a string without escapes or a number read from the
	// text, raw is that text, a slice of the export, and str is made from
	// it (in arena) only when asked for (text): most values of an export
	// are looked at, few are kept.
	str       string
	raw       []byte
	arena     *strArena
	line, col int
	// kids holds an object's keys and values (key, value, key, value...)
	// or an array's elements.
	kids []*jv
}

// jget returns the value of key in the JSON object n, or nil when n is not
// an object or has no such key.
func jget(n *jv, key string) *jv {
	if n == nil || n.kind != '{' {
		return nil
	}
	for i := 0; i+1 < len(n.kids); i += 2 {
		if n.kids[i].is(key) {
			return n.kids[i+1]
		}
	}
	return nil
}

// jstr returns the trimmed text of a JSON string or number, "" for
// anything else (null, objects, arrays, booleans).
func jstr(n *jv) string {
	if n == nil || (n.kind != '"' && n.kind != '0') {
		return ""
	}
	return strings.TrimSpace(n.text())
}

// text returns n's text (see jv.str).
func (n *jv) text() string {
	if n.raw != nil && n.str == "" {
		n.str = n.arena.str(n.raw)
	}
	return n.str
}

// is reports whether n's text is s, without making a string of it.
func (n *jv) is(s string) bool {
	if n.raw != nil {
		return string(n.raw) == s
	}
	return n.str == s
}

// jbool reports whether n is the JSON literal true (or the string "true").
func jbool(n *jv) bool {
	return n != nil && n.kind != '{' && n.kind != '[' && strings.EqualFold(n.text(), "true")
}

// jkind names the JSON type of n for messages.
func jkind(n *jv) string {
	switch {
	case n == nil:
		return "nothing"
	case n.kind == '{':
		return "an object"
	case n.kind == '[':
		return "an array"
	case n.kind == '"':
		return "a string"
	case n.kind == 'n':
		return "null"
	case n.kind == 't' || n.kind == 'f':
		return "a boolean"
	}
	return "a number"
}

// readText is false only in tests that compare the fast read with the
// tree of parseJSON.
var readText = true

// errDoubt stops a fast read that parseJSON must redo.
var errDoubt = errors.New("read again with parseJSON")

// tokens is where a jreader's tokens come from: the text of the export
// (textTokens) or a tree parseJSON built (treeTokens).
type tokens interface {
	// peek returns the kind of the next token, 0 at the end or on error.
	peek() byte
	// next reads the next token into t (kids untouched).
	next(t *jv) error
	// end reports an error unless all the input was read.
	end() error
}

// textTokens reads tokens from the text with jsontext.
type textTokens struct {
	dec *jsontext.Decoder
	// cur maps offsets of the export (cur.data) to lines and columns.
	cur cursor
	buf []byte
	// shift is added to the decoder's offsets to give the export's: a
	// part of an export read in parallel is decoded from a stream that
	// starts elsewhere (dirjson_parallel.go).
	shift int
	// arena makes the strings of the values kept (jv.text).
	arena *strArena
}

// newTextTokens reads the tokens of the export data, making the strings
// of the values kept in arena.
func newTextTokens(data []byte, arena *strArena) *textTokens {
	return &textTokens{
		// A bytes.Buffer is read in place, without a copy.
		dec:   jsontext.NewDecoder(bytes.NewBuffer(data)),
		cur:   newCursor(data),
		arena: arena,
	}
}

func (s *textTokens) peek() byte { return byte(s.dec.PeekKind()) }

func (s *textTokens) next(t *jv) error {
	k := s.dec.PeekKind()
	var start int64
	switch k {
	case 0:
		return errDoubt
	case '{', '}', '[', ']':
		if _, err := s.dec.ReadToken(); err != nil {
			return errDoubt
		}
		t.kind, t.str = byte(k), ""
		start = s.dec.InputOffset() - 1
	default:
		v, err := s.dec.ReadValue()
		if err != nil {
			return errDoubt
		}
		start = s.dec.InputOffset() - int64(len(v))
		at := int(start) + s.shift // v is s.cur.data[at:at+len(v)]
		if err := s.scalar(t, byte(k), at, at+len(v)); err != nil {
			return err
		}
	}
	t.line, t.col = s.cur.at(int(start) + s.shift)
	return nil
}

// scalar makes t (fresh) the value of kind k that jsontext accepted at
// s.cur.data[at:end] (a string with its quotes): a string without escapes
// and a number keep their text as raw, unquoted only when escaped.
func (s *textTokens) scalar(t *jv, k byte, at, end int) error {
	v := s.cur.data[at:end]
	t.kind, t.arena = k, s.arena
	switch k {
	case '"':
		if bytes.IndexByte(v, '\\') < 0 {
			t.raw = v[1 : len(v)-1]
			return nil
		}
		var err error
		if s.buf, err = jsontext.AppendUnquote(s.buf[:0], v); err != nil {
			return errDoubt
		}
		t.str = string(s.buf)
	case 't':
		t.str = "true"
	case 'f':
		t.str = "false"
	case 'n':
		t.str = "null"
	default:
		t.raw = v
	}
	return nil
}

func (s *textTokens) end() error {
	if _, err := s.dec.ReadToken(); err != io.EOF {
		return errDoubt
	}
	return nil
}

// treeTokens replays a tree parseJSON built.
type treeTokens struct{ toks []jv }

// newTreeTokens lists the tokens of the tree n in order.
func newTreeTokens(n *yaml.Node) *treeTokens {
	s := &treeTokens{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		t := jv{line: n.Line, col: n.Column, str: n.Value}
		switch n.Kind {
		case yaml.DocumentNode:
			walk(n.Content[0])
			return
		case yaml.MappingNode, yaml.SequenceNode:
			t.kind, t.str = '{', ""
			if n.Kind == yaml.SequenceNode {
				t.kind = '['
			}
			s.toks = append(s.toks, t)
			for _, c := range n.Content {
				walk(c)
			}
			s.toks = append(s.toks, jv{kind: t.kind + 2}) // '}' and ']'
			return
		}
		switch n.Tag {
		case "!!str":
			t.kind = '"'
		case "!!null":
			t.kind = 'n'
		case "!!bool":
			t.kind = n.Value[0] // 't' or 'f'
		default:
			t.kind = '0'
		}
		s.toks = append(s.toks, t)
	}
	walk(n)
	return s
}

func (s *treeTokens) peek() byte {
	if len(s.toks) == 0 {
		return 0
	}
	return s.toks[0].kind
}

func (s *treeTokens) next(t *jv) error {
	if len(s.toks) == 0 {
		return errDoubt
	}
	*t, s.toks = s.toks[0], s.toks[1:]
	return nil
}

func (s *treeTokens) end() error {
	if len(s.toks) > 0 {
		return errDoubt
	}
	return nil
}

// jreader reads values from tokens into trees. Nodes come from slabs that
// reset drops once the caller is done with what it read.
type jreader struct {
	toks  tokens
	nodes []jv
	kids  []*jv
	stack []*jv
	// What dirBuilder.users saw, for a read in parallel: the elements of
	// the users array, their depth (0 when the users array was not read
	// one user at a time) and the decoder's offset after its ']'.
	elems, usersDepth int
	usersEnd          int64
}

// usersRead records that the ']' just read ended the users array, whose
// elements are at depth.
func (r *jreader) usersRead(depth int) {
	if t, ok := r.toks.(*textTokens); ok {
		r.usersDepth, r.usersEnd = depth, t.dec.InputOffset()
	}
}

// node returns a new node from the slab.
func (r *jreader) node() *jv {
	if len(r.nodes) == cap(r.nodes) {
		r.nodes = make([]jv, 0, 4096)
	}
	r.nodes = r.nodes[:len(r.nodes)+1]
	r.nodes[len(r.nodes)-1] = jv{}
	return &r.nodes[len(r.nodes)-1]
}

// reset lets the slabs be used again: the trees read so far must not be.
func (r *jreader) reset() {
	r.nodes, r.kids = r.nodes[:0], r.kids[:0]
}

// token reads one token (a delimiter) and returns it.
func (r *jreader) token() (*jv, error) {
	t := r.node()
	return t, r.toks.next(t)
}

// value reads one value at nesting depth.
func (r *jreader) value(depth int) (*jv, error) {
	if t, ok := r.toks.(*textTokens); ok {
		if k := t.peek(); k == '{' || k == '[' {
			return r.scanned(t, depth) // dirjson_scan.go
		}
	}
	n := r.node()
	if err := r.toks.next(n); err != nil {
		return nil, err
	}
	if n.kind != '{' && n.kind != '[' {
		return n, nil
	}
	if depth >= maxJSONDepth-1 {
		return nil, errDoubt // parseJSON says how deep is too deep
	}
	mark := len(r.stack)
	for {
		switch r.toks.peek() {
		case 0:
			return nil, errDoubt
		case '}', ']':
			if _, err := r.token(); err != nil {
				return nil, err
			}
			r.close(n, mark)
			return n, nil
		}
		if n.kind == '{' {
			k := r.node()
			if err := r.toks.next(k); err != nil {
				return nil, err
			}
			r.stack = append(r.stack, k)
		}
		v, err := r.value(depth + 1)
		if err != nil {
			return nil, err
		}
		r.stack = append(r.stack, v)
	}
}

// close gives the object or array n the keys and values (or elements)
// pushed on the stack from mark, and pops them.
func (r *jreader) close(n *jv, mark int) {
	kids := r.stack[mark:]
	if len(r.kids)+len(kids) > cap(r.kids) {
		r.kids = make([]*jv, 0, max(4096, len(kids)))
	}
	start := len(r.kids)
	r.kids = append(r.kids, kids...)
	n.kids = r.kids[start:len(r.kids):len(r.kids)]
	clear(kids)
	r.stack = r.stack[:mark]
}

// loadDirJSON reads a JSON directory export: walk reads the users from r
// and adds them to b. It runs on the text (the fast path), and when that
// read is in doubt, on the tree of parseJSON, or returns its error.
//
// each, when not nil, is the format's user function that walk hands every
// user of the users array to (through dirBuilder.users): a large export
// is then read in parallel parts first (readDirJSONParallel).
func loadDirJSON(name string, data []byte, inf *inferer, format, what string, each func(*dirBuilder, *jv), walk func(b *dirBuilder, r *jreader) error) (*graph.Org, error) {
	data = bytes.TrimPrefix(data, bom)
	if readText && each != nil {
		if org, ok := readDirJSONParallel(name, data, inf, format, each, walk, dirChunks); ok {
			return org, nil
		}
	}
	if readText {
		b := newDirBuilder(name, format, inf, nil, len(data))
		r := &jreader{toks: newTextTokens(data, &b.arena)}
		err := walk(b, r)
		if err == nil {
			err = r.toks.end()
		}
		if err == nil {
			return b.finish()
		}
	}
	doc, perr := parseJSON(name, data, "the "+what+" export is empty: save the API response (JSON) to the file")
	if perr != nil {
		return nil, perr
	}
	b := newDirBuilder(name, format, inf, nil, len(data))
	if err := walk(b, &jreader{toks: newTreeTokens(doc)}); err != nil {
		return nil, fmt.Errorf("load %s: internal error: the %s export read as a tree: %w", name, what, err)
	}
	return b.finish()
}
