package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// Reproducible PDFs. tdewolff/canvas stamps the current time twice and has
// no option to leave it out: the document's /CreationDate (fixCreationDate
// in convert.go) and, through tdewolff/font's SFNT writer, the "modified"
// field of every embedded font's head table, inside a compressed stream.
// fixFontDates inflates each embedded TrueType/OpenType font, sets
// "modified" to the font's own "created" date, fixes the font's checksums,
// deflates it again, and rebuilds the cross-reference table, since the
// stream's length may change. No PDF library in the module rewrites a file
// (canvas only writes), hence this.

var (
	objStart  = regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)
	lengthKey = regexp.MustCompile(`/Length (\d+)`)
)

// fixFontDates rewrites the font programs of a PDF written by canvas.
func fixFontDates(pdf []byte) ([]byte, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	if xref < 0 || trailer < xref {
		return nil, fmt.Errorf("pdf: no cross-reference table")
	}
	xref++ // the object before ends with its newline
	locs := objStart.FindAllSubmatchIndex(pdf[:xref], -1)
	if len(locs) == 0 {
		return nil, fmt.Errorf("pdf: no objects")
	}
	var out bytes.Buffer
	out.Grow(len(pdf) + 1024)
	out.Write(pdf[:locs[0][0]])
	offsets := map[int]int{}
	maxObj := 0
	for i, loc := range locs {
		end := xref
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		n, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
		offsets[n] = out.Len()
		maxObj = max(maxObj, n)
		obj, err := fixFontObject(pdf[loc[0]:end])
		if err != nil {
			return nil, fmt.Errorf("pdf object %d: %w", n, err)
		}
		out.Write(obj)
	}
	xrefAt := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", maxObj+1)
	for n := 1; n <= maxObj; n++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offsets[n])
	}
	tail := pdf[trailer+1:]
	sx := bytes.LastIndex(tail, []byte("startxref\n"))
	if sx < 0 {
		return nil, fmt.Errorf("pdf: no startxref")
	}
	out.Write(tail[:sx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xrefAt)
	return out.Bytes(), nil
}

// fixFontObject returns obj with its stream's font dates fixed when it is a
// Flate-compressed font program, else obj unchanged.
func fixFontObject(obj []byte) ([]byte, error) {
	s := bytes.Index(obj, []byte(">>stream\n"))
	if s < 0 || !bytes.Contains(obj[:s], []byte("/FlateDecode")) {
		return obj, nil
	}
	m := lengthKey.FindSubmatchIndex(obj[:s])
	if m == nil {
		return obj, nil
	}
	n, _ := strconv.Atoi(string(obj[m[2]:m[3]]))
	data := s + len(">>stream\n")
	if data+n > len(obj) {
		return nil, fmt.Errorf("stream length %d beyond the object", n)
	}
	zr, err := zlib.NewReader(bytes.NewReader(obj[data : data+n]))
	if err != nil {
		return obj, nil
	}
	raw, err := io.ReadAll(zr)
	if err != nil || !fixSFNTHead(raw) {
		return obj, nil
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z) // the level canvas uses
	zw.Write(raw)
	zw.Close()
	var out bytes.Buffer
	out.Write(obj[:m[2]])
	out.WriteString(strconv.Itoa(z.Len()))
	out.Write(obj[m[3]:data])
	out.Write(z.Bytes())
	out.Write(obj[data+n:])
	return out.Bytes(), nil
}

// fixSFNTHead sets the "modified" date of an SFNT font's head table to its
// "created" date and recomputes the checksums; it reports whether font is
// an SFNT font with a head table.
func fixSFNTHead(font []byte) bool {
	if len(font) < 12 {
		return false
	}
	if v := binary.BigEndian.Uint32(font); v != 0x00010000 && v != 0x4F54544F /* OTTO */ {
		return false
	}
	num := int(binary.BigEndian.Uint16(font[4:]))
	for i := range num {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return false
		}
		if string(font[rec:rec+4]) != "head" {
			continue
		}
		off := int(binary.BigEndian.Uint32(font[rec+8:]))
		length := int(binary.BigEndian.Uint32(font[rec+12:]))
		if length < 36 || off+length > len(font) {
			return false
		}
		head := font[off : off+length]
		copy(head[28:36], head[20:28]) // modified = created
		binary.BigEndian.PutUint32(head[8:], 0)
		binary.BigEndian.PutUint32(font[rec+4:], sfntChecksum(font[off:min(len(font), off+(length+3)&^3)]))
		binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-sfntChecksum(font))
		return true
	}
	return false
}

// sfntChecksum is the OpenType table checksum: the sum of big-endian
// uint32s, the last one zero-padded.
func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
