package pptx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"testing"
)

// deck is an unpacked package: its parts by name.
type deck map[string][]byte

func unpack(t testing.TB, data []byte) deck {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	d := deck{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatalf("open %s: %v", f.Name, err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		if _, dup := d[f.Name]; dup {
			t.Errorf("part %s twice", f.Name)
		}
		d[f.Name] = b
	}
	return d
}

// element is an XML element as the checks see it.
type element struct {
	name  xml.Name
	attrs map[string]string // by local name, and "r:id" for the relationships namespace
	depth int
}

// elements parses a part, failing the test when it is not well-formed.
func elements(t testing.TB, name string, data []byte) []element {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []element
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := element{name: tok.Name, attrs: map[string]string{}, depth: depth}
			for _, a := range tok.Attr {
				k := a.Name.Local
				if a.Name.Space == nsR {
					k = "r:" + k
				}
				e.attrs[k] = a.Value
			}
			out = append(out, e)
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return out
}

// relsOf returns the relationships of part: id → target part name (or the
// URL of an external one) and whether it is external.
func (d deck) relsOf(t testing.TB, part string) map[string][2]string {
	dir, file := path.Split(part)
	name := dir + "_rels/" + file + ".rels"
	data, ok := d[name]
	if !ok {
		return nil
	}
	m := map[string][2]string{}
	for _, e := range elements(t, name, data) {
		if e.name.Local != "Relationship" {
			continue
		}
		target, ext := e.attrs["Target"], "internal"
		if e.attrs["TargetMode"] == "External" {
			ext = "external"
		} else {
			target = path.Clean(path.Join(dir, target))
		}
		if _, dup := m[e.attrs["Id"]]; dup {
			t.Errorf("%s: relationship id %s twice", name, e.attrs["Id"])
		}
		m[e.attrs["Id"]] = [2]string{target, ext}
	}
	return m
}

// checkDeck validates the package structure: a content type for every
// part, every relationship target present, every r:id in a part declared in
// its relationships, every slide id resolving to a slide, shape ids unique
// per slide and every connector end naming a shape on its slide. It returns
// the slide part names in presentation order.
func checkDeck(t testing.TB, data []byte) []string {
	t.Helper()
	d := unpack(t, data)
	ct, ok := d["[Content_Types].xml"]
	if !ok {
		t.Fatal("no [Content_Types].xml")
	}
	defaults, overrides := map[string]bool{}, map[string]bool{}
	for _, e := range elements(t, "[Content_Types].xml", ct) {
		switch e.name.Local {
		case "Default":
			defaults[e.attrs["Extension"]] = true
		case "Override":
			overrides[strings.TrimPrefix(e.attrs["PartName"], "/")] = true
			if _, ok := d[strings.TrimPrefix(e.attrs["PartName"], "/")]; !ok {
				t.Errorf("content type for missing part %s", e.attrs["PartName"])
			}
		}
	}
	for name, data := range d {
		if name == "[Content_Types].xml" {
			continue
		}
		if !overrides[name] && !(strings.HasSuffix(name, ".rels") && defaults["rels"]) {
			t.Errorf("part %s has no content type override", name)
		}
		es := elements(t, name, data)
		rs := d.relsOf(t, name)
		for id, r := range rs {
			if _, ok := d[r[0]]; r[1] == "internal" && !ok {
				t.Errorf("%s: relationship %s targets missing part %s", name, id, r[0])
			}
		}
		for _, e := range es {
			for k, v := range e.attrs {
				if strings.HasPrefix(k, "r:") {
					if _, ok := rs[v]; !ok {
						t.Errorf("%s: <%s %s=%q> names no relationship", name, e.name.Local, k, v)
					}
				}
			}
		}
		if strings.HasPrefix(name, "ppt/slides/slide") {
			checkShapes(t, name, es)
		}
	}
	root := d.relsOf(t, "")
	if root == nil || root["rId1"][0] != "ppt/presentation.xml" {
		t.Fatalf("_rels/.rels does not lead to ppt/presentation.xml: %v", root)
	}
	pres := d.relsOf(t, "ppt/presentation.xml")
	var slides []string
	seen := map[string]bool{}
	for _, e := range elements(t, "ppt/presentation.xml", d["ppt/presentation.xml"]) {
		if e.name.Local != "sldId" {
			continue
		}
		if seen[e.attrs["id"]] {
			t.Errorf("slide id %s twice", e.attrs["id"])
		}
		seen[e.attrs["id"]] = true
		target := pres[e.attrs["r:id"]][0]
		if !strings.HasPrefix(target, "ppt/slides/slide") {
			t.Errorf("slide id %s leads to %q, not a slide", e.attrs["id"], target)
		}
		slides = append(slides, target)
	}
	return slides
}

// checkShapes checks one slide's shape ids and connector ends.
func checkShapes(t testing.TB, name string, es []element) {
	t.Helper()
	ids := map[string]bool{}
	var ends []string
	for _, e := range es {
		switch e.name.Local {
		case "cNvPr":
			if ids[e.attrs["id"]] {
				t.Errorf("%s: shape id %s twice", name, e.attrs["id"])
			}
			ids[e.attrs["id"]] = true
		case "stCxn", "endCxn":
			ends = append(ends, e.attrs["id"])
			if idx := e.attrs["idx"]; idx < "0" || idx > "3" || len(idx) != 1 {
				t.Errorf("%s: connection site %q is not 0-3", name, idx)
			}
		}
	}
	for _, id := range ends {
		if !ids[id] {
			t.Errorf("%s: connector end names shape %s, not on the slide", name, id)
		}
	}
}

// count returns how many elements of es have the local name.
func count(es []element, local string) int {
	n := 0
	for _, e := range es {
		if e.name.Local == local {
			n++
		}
	}
	return n
}

func TestCheckDeckCatchesBrokenPackages(t *testing.T) {
	// The validator itself must fail on a broken package, or its passes mean
	// nothing: a recording testing.TB collects what it reports.
	var good bytes.Buffer
	if err := Write(&good, Wide, Chart{Doc: executive()}); err != nil {
		t.Fatal(err)
	}
	d := unpack(t, good.Bytes())
	for _, tc := range []struct {
		name, part, old, new, want string
	}{
		{"missing slide part", "ppt/_rels/presentation.xml.rels", "slides/slide1.xml", "slides/slide9.xml", "missing part"},
		{"dangling connector", "ppt/slides/slide1.xml", `<a:stCxn id="`, `<a:stCxn id="9`, "not on the slide"},
		{"duplicate shape id", "ppt/slides/slide1.xml", `name="Title"`, `name="Title"/></p:nvSpPr></p:sp><p:sp><p:nvSpPr><p:cNvPr id="2" name="x"`, "twice"},
		{"malformed XML", "ppt/slides/slide1.xml", `</p:sld>`, `</p:sl>`, "well-formed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			broken := deck{}
			for k, v := range d {
				broken[k] = v
			}
			if !bytes.Contains(broken[tc.part], []byte(tc.old)) {
				t.Fatalf("%s holds no %q", tc.part, tc.old)
			}
			broken[tc.part] = bytes.Replace(broken[tc.part], []byte(tc.old), []byte(tc.new), 1)
			rec := &recorder{TB: t}
			func() {
				defer func() { recover() }() // Fatalf stops the check
				checkDeck(rec, broken.zip(t))
			}()
			if !strings.Contains(rec.log.String(), tc.want) {
				t.Errorf("checkDeck reported %q, want a report containing %q", rec.log.String(), tc.want)
			}
		})
	}
}

// zip packs d again, parts sorted by name.
func (d deck) zip(t testing.TB) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range sortedKeys(d) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(d[name])
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sortedKeys(d deck) []string {
	ks := make([]string, 0, len(d))
	for k := range d {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// recorder is a testing.TB that records errors instead of failing.
type recorder struct {
	testing.TB
	log strings.Builder
}

func (r *recorder) Errorf(format string, args ...any) { fmt.Fprintf(&r.log, format+"\n", args...) }
func (r *recorder) Fatalf(format string, args ...any) {
	fmt.Fprintf(&r.log, format+"\n", args...)
	panic("fatal")
}
func (r *recorder) Fatal(args ...any) { fmt.Fprintln(&r.log, args...); panic("fatal") }
func (r *recorder) Helper()           {}
