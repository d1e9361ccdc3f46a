package load

import (
	"bytes"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/orgchart/orgchart/internal/synth"
)

func entraData(b *testing.B) []byte {
	org := synth.Generate(100_000, 1)
	var buf bytes.Buffer
	synth.WriteEntra(&buf, org)
	return buf.Bytes()
}

func BenchmarkZZTokens(b *testing.B) {
	data := entraData(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d := jsontext.NewDecoder(bytes.NewBuffer(data))
		for {
			k := d.PeekKind()
			if k == 0 {
				break
			}
			if k == '{' || k == '}' || k == '[' || k == ']' {
				d.ReadToken()
			} else {
				d.ReadValue()
			}
		}
	}
}

func BenchmarkZZTree(b *testing.B) {
	data := entraData(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := &jreader{toks: newTextTokens(data, string(data))}
		bb := newDirBuilder("x", "entra", &inferer{}, nil, 0)
		bb.users(r, "value", "", "", func(u *jv) {})
	}
}

func BenchmarkZZUsers(b *testing.B) {
	data := entraData(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := &jreader{toks: newTextTokens(data, string(data))}
		bb := newDirBuilder("x", "entra", &inferer{}, nil, 0)
		bb.users(r, "value", "", "", bb.entraUser)
	}
}
