package load

import (
	"bytes"
	"encoding/csv"
	"errors"

	"github.com/orgchart/orgchart/graph/diag"
)

// csvQuotePos finds the quote at fault in a quote error of encoding/csv
// (ErrQuote, ErrBareQuote) in data, the whole file, given the line the
// failing record starts on. It returns the quote's line and field number
// (one-based), the position docs/format.md promises, where encoding/csv
// gives a byte column and, for a quoted cell that is never closed, the end
// of the file; unclosed reports that case, with the line and field of the
// opening quote. ok is false when data does not fail where err says (the
// caller then keeps encoding/csv's position).
//
// Hand-written: encoding/csv keeps field positions (FieldPos) only for a
// record it read without error. The rules are encoding/csv's with
// LazyQuotes and TrimLeadingSpace off, as the loader reads.
func csvQuotePos(data []byte, comma rune, startLine int) (line, field int, unclosed, ok bool) {
	i := 0
	for l := 1; l < startLine; l++ {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return 0, 0, false, false
		}
		i += j + 1
	}
	sep := []byte(string(comma))
	// recordEnd reports whether data[i:] starts with a line end (or is empty).
	recordEnd := func(i int) bool {
		return i >= len(data) || data[i] == '\n' || (data[i] == '\r' && (i+1 == len(data) || data[i+1] == '\n'))
	}
	line, field = startLine, 1
	for {
		if i < len(data) && data[i] == '"' {
			openLine := line
			i++
			for {
				if i >= len(data) {
					return openLine, field, true, true
				}
				c := data[i]
				i++
				if c == '\n' {
					line++
				}
				if c != '"' {
					continue
				}
				if i < len(data) && data[i] == '"' {
					i++ // a doubled quote
					continue
				}
				break // the closing quote
			}
			switch {
			case bytes.HasPrefix(data[i:], sep):
				i += len(sep)
				field++
				continue
			case recordEnd(i):
				return 0, 0, false, false
			}
			return line, field, false, true // text after the closing quote
		}
		for !recordEnd(i) && !bytes.HasPrefix(data[i:], sep) {
			if data[i] == '"' {
				return line, field, false, true // a bare quote
			}
			i++
		}
		if recordEnd(i) {
			return 0, 0, false, false
		}
		i += len(sep)
		field++
	}
}

// csvError positions an encoding/csv error: a quote error at the line and
// field of the quote at fault (csvQuotePos) when data, the whole file, is
// given, else at encoding/csv's line and byte column.
func csvError(name string, data []byte, comma rune, err error) *diag.Error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return errAt(diag.Pos{File: name, Line: 1, Column: 1}, "invalid CSV: "+err.Error())
	}
	pos := diag.Pos{File: name, Line: pe.Line, Column: max(pe.Column, 1)}
	msg := pe.Err.Error()
	quote := errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote)
	var unclosed bool
	if quote && data != nil {
		if line, field, u, ok := csvQuotePos(data, comma, pe.StartLine); ok {
			pos.Line, pos.Column, unclosed = line, field, u
		}
	}
	switch {
	case unclosed:
		msg = `the quoted cell that starts here is never closed: end it with a quote, and double each quote inside it ("")`
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg += `: quote the whole cell and double each quote inside it ("")`
	case errors.Is(pe.Err, csv.ErrQuote):
		msg += `: close the quoted cell, and double each quote inside it ("")`
	}
	return errAt(pos, "invalid CSV: "+msg)
}
