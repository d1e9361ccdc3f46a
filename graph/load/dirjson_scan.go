package load

import (
	"bytes"
)

// This file reads an object or array of a JSON export whole: jsontext
// checks it (syntax, UTF-8, duplicate names) in one ReadValue, and the
// tree is then cut from its text here. Walking an export token by token
// through jsontext cost half as much again as its ReadValue of each user,
// and the text of a value jsontext accepted has a structure simple enough
// to split without checking anything again: no library splits an already
// valid JSON text into values with their offsets.

// scanned reads the object or array the tokens start with, at nesting
// depth, as a tree (see value).
func (r *jreader) scanned(t *textTokens, depth int) (*jv, error) {
	v, err := t.dec.ReadValue()
	if err != nil {
		return nil, errDoubt
	}
	at := int(t.dec.InputOffset()) - len(v) + t.shift // v is t.cur.data[at:...]
	sc := jscan{t: t, text: t.cur.data[:at+len(v)], i: at}
	return r.scanValue(&sc, depth)
}

// jscan is a position in the text of a value jsontext accepted.
type jscan struct {
	t    *textTokens
	text []byte
	i    int
}

// skip moves past white space and the separators ',' and ':'.
func (sc *jscan) skip() {
	for sc.i < len(sc.text) {
		switch sc.text[sc.i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			sc.i++
			continue
		}
		return
	}
}

// scanValue reads the value at sc (after white space) at nesting depth.
func (r *jreader) scanValue(sc *jscan, depth int) (*jv, error) {
	sc.skip()
	if sc.i >= len(sc.text) {
		return nil, errDoubt
	}
	n := r.node()
	start := sc.i
	n.line, n.col = sc.t.cur.at(start)
	c := sc.text[start]
	switch c {
	case '{', '[':
		if depth >= maxJSONDepth-1 {
			return nil, errDoubt // parseJSON says how deep is too deep
		}
		n.kind = c
		sc.i++
		mark := len(r.stack)
		for {
			sc.skip()
			if sc.i >= len(sc.text) {
				return nil, errDoubt
			}
			if e := sc.text[sc.i]; e == '}' || e == ']' {
				sc.i++
				r.close(n, mark)
				return n, nil
			}
			if c == '{' {
				k, err := r.scanValue(sc, depth+1)
				if err != nil {
					return nil, err
				}
				r.stack = append(r.stack, k)
			}
			v, err := r.scanValue(sc, depth+1)
			if err != nil {
				return nil, err
			}
			r.stack = append(r.stack, v)
		}
	case '"':
		end := start + 1
		for end < len(sc.text) && sc.text[end] != '"' {
			if sc.text[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(sc.text) {
			return nil, errDoubt
		}
		sc.i = end + 1
	case 't', 'f', 'n':
		lit := "null"
		switch c {
		case 't':
			lit = "true"
		case 'f':
			lit = "false"
		}
		if !bytes.HasPrefix(sc.text[start:], []byte(lit)) {
			return nil, errDoubt
		}
		sc.i += len(lit)
	default: // a number
		c = '0'
		for sc.i < len(sc.text) && numberByte(sc.text[sc.i]) {
			sc.i++
		}
		if sc.i == start {
			return nil, errDoubt
		}
	}
	if err := sc.t.scalar(n, c, start, sc.i); err != nil {
		return nil, err
	}
	return n, nil
}

// numberByte reports whether c may be part of a JSON number.
func numberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}
