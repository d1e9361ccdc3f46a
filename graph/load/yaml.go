package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	yaml "go.yaml.in/yaml/v3"
)

// The fields of chart format version 1, by section (docs/format.md).
var (
	topFields       = []string{"departments", "org", "people", "policy", "tops", "version"}
	personFields    = []string{"assistant", "assistant_to", "department", "dotted", "email", "fields", "id", "kind", "location", "name", "photo", "reports_to", "roles", "title", "vacant"}
	dottedFields    = []string{"to", "type"}
	policyFields    = []string{"exceptions", "profiles", "rules"}
	exceptionFields = []string{"approved_by", "id", "reason", "rule", "until"}
)

// The messages for an empty chart and an empty policy file.
const (
	emptyChart  = `the chart is empty: write a "people:" list of entries, each with an "id"`
	emptyPolicy = `the policy file is empty: write "profiles", "rules" or "exceptions"`
)

// loadYAML parses a YAML chart with positions and decodes it.
func loadYAML(name string, data []byte, inf *inferer) (*graph.Org, error) {
	return loadYAMLChunks(name, data, inf, 0)
}

// loadYAMLChunks is loadYAML with the number of chunks for the parallel
// parse (see parseYAMLParallel; -1: parse on one core).
func loadYAMLChunks(name string, data []byte, inf *inferer, chunks int) (*graph.Org, error) {
	doc, err := parseYAMLChunks(name, data, emptyChart, chunks)
	if err != nil {
		return nil, err
	}
	d := &nodeDecoder{file: name, format: "yaml", src: data, inf: inf}
	return d.chart(doc)
}

// parseYAML parses exactly one YAML document into a node tree.
func parseYAML(name string, data []byte, empty string) (doc *yaml.Node, err error) {
	return parseYAMLChunks(name, data, empty, 0)
}

// parseYAMLChunks is parseYAML with the number of chunks for the parallel
// parse (see parseYAMLParallel; -1: parse on one core).
func parseYAMLChunks(name string, data []byte, empty string, chunks int) (doc *yaml.Node, err error) {
	defer func() {
		// go-yaml reports syntax errors by panicking internally and
		// recovering; anything else it panics with is a bug in it, which
		// must not take the caller down: report it as a load error.
		if r := recover(); r != nil {
			doc, err = nil, errAt(diag.Pos{File: name, Line: 1, Column: 1}, fmt.Sprintf("cannot parse YAML (%v): check the file's syntax", r))
		}
	}()
	data = bytes.TrimPrefix(data, bom)
	if doc, ok := parseYAMLParallel(data, chunks); ok {
		return doc, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errAt(diag.Pos{File: name, Line: 1, Column: 1}, empty)
		}
		return nil, yamlError(name, data, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, yamlError(name, data, err)
	default:
		return nil, errAt(diag.Pos{File: name, Line: next.Line, Column: 1}, `a second YAML document ("---") follows the chart: keep one chart per file`)
	}
	return &n, nil
}

// nodeDecoder turns a YAML node tree (from YAML, or built from JSON by
// jsonNodes) into an Org, collecting every error and unknown field.
type nodeDecoder struct {
	file   string
	format string
	src    []byte // YAML source, to find the "- " of list items; nil for JSON
	inf    *inferer
	errs   diag.ErrorList
	diags  []diag.Diagnostic
	// strict makes unknown fields errors rather than ORG011 diagnostics
	// (policy files, which have nowhere to report a diagnostic).
	strict bool
	// lineStart caches the byte offset of each line of src (lazily).
	lineStart []int
}

func (d *nodeDecoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line, Column: n.Column}
}

func (d *nodeDecoder) errorf(n *yaml.Node, format string, args ...any) {
	addErr(&d.errs, d.pos(n), fmt.Sprintf(format, args...))
}

func (d *nodeDecoder) unknown(k *yaml.Node, subject, what string, known []string, hint string) {
	diag := unknownField(d.pos(k), subject, what, k.Value, known, hint)
	if d.strict {
		addErr(&d.errs, diag.Pos, diag.Message+": remove it or fix its spelling")
		return
	}
	d.diags = append(d.diags, diag)
}

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return diag.Excerpt(n.Value)
	}
	return "a document"
}

// plain rejects anchors and aliases (so an alias bomb cannot blow up the
// decoder) and reports whether n can be read.
func (d *nodeDecoder) plain(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, "YAML aliases (*%s) are not supported: write the value out in full", diag.Clip(n.Value))
		return false
	}
	if n.Anchor != "" {
		d.errorf(n, "YAML anchors (&%s) are not supported: write the value out in full", diag.Clip(n.Anchor))
		return false
	}
	return true
}

// isNull reports whether n is an empty value (`key:` or `key: null`).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// scalar returns n's text, or reports that field must be a plain value.
func (d *nodeDecoder) scalar(n *yaml.Node, field string) (string, bool) {
	if !d.plain(n) {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be a single value, not %s: write it as `%s: text`", diag.Excerpt(field), kindName(n), diag.Clip(field))
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return strings.TrimSpace(n.Value), true
}

// boolean reads a true/false field.
func (d *nodeDecoder) boolean(n *yaml.Node, field string) (bool, bool) {
	s, ok := d.scalar(n, field)
	if !ok {
		return false, false
	}
	if s == "" {
		return false, true
	}
	v, ok := parseBool(s)
	if !ok {
		d.errorf(n, "%s must be true or false, not %s", diag.Excerpt(field), diag.Excerpt(s))
	}
	return v, ok
}

// pairs calls fn for each key and value of mapping m, rejecting merge keys,
// non-scalar keys and duplicate keys.
func (d *nodeDecoder) pairs(m *yaml.Node, fn func(k, v *yaml.Node)) {
	c := m.Content
	var seen map[string]*yaml.Node
	if len(c) > 32 {
		seen = make(map[string]*yaml.Node, len(c)/2)
	}
	for i := 0; i+1 < len(c); i += 2 {
		k, v := c[i], c[i+1]
		if !d.plain(k) {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key must be a plain name, not %s", kindName(k))
			continue
		}
		if k.Tag == "!!merge" || k.Value == "<<" {
			d.errorf(k, "YAML merge keys (<<) are not supported: write the fields out in full")
			continue
		}
		var first *yaml.Node
		if seen != nil {
			first = seen[k.Value]
			if first == nil {
				seen[k.Value] = k
			}
		} else {
			for j := 0; j < i; j += 2 {
				if c[j].Kind == yaml.ScalarNode && c[j].Value == k.Value {
					first = c[j]
					break
				}
			}
		}
		if first != nil {
			d.errorf(k, "duplicate key %s (first at line %d): keep one", diag.Excerpt(k.Value), first.Line)
			continue
		}
		fn(k, v)
	}
}

// items returns the elements of a list, or n itself when it is a single
// value; nil for an empty value.
func (d *nodeDecoder) items(n *yaml.Node) []*yaml.Node {
	if !d.plain(n) || isNull(n) {
		return nil
	}
	if n.Kind == yaml.SequenceNode {
		return n.Content
	}
	return []*yaml.Node{n}
}

// refs reads a list of ids (or one id).
func (d *nodeDecoder) refs(n *yaml.Node, field string) []graph.Ref {
	its := d.items(n)
	if len(its) == 0 {
		return nil
	}
	out := make([]graph.Ref, 0, len(its))
	for _, it := range its {
		s, ok := d.scalar(it, field)
		if !ok {
			continue
		}
		if s == "" {
			d.errorf(it, "empty id in %q: write the id of an entry", field)
			continue
		}
		out = append(out, graph.Ref{ID: s, Pos: d.pos(it)})
	}
	return out
}

// chart decodes the document node.
func (d *nodeDecoder) chart(doc *yaml.Node) (*graph.Org, error) {
	root := doc
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil, errAt(diag.Pos{File: d.file, Line: 1, Column: 1}, emptyChart)
		}
		root = doc.Content[0]
	}
	org := &graph.Org{File: d.file, Format: d.format, Pos: d.pos(root)}
	if !d.plain(root) {
		return nil, d.errs.Err()
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, `a chart must be a mapping with a "people:" list, not %s`, kindName(root))
		return nil, d.errs.Err()
	}
	var people *yaml.Node
	d.pairs(root, func(k, v *yaml.Node) {
		switch k.Value {
		case "version":
			if s, ok := d.scalar(v, "version"); ok && s != "1" {
				d.errorf(v, "unsupported chart version %s: this orgchart reads version 1 (write `version: 1`)", diag.Excerpt(s))
			}
		case "org":
			org.Title, _ = d.scalar(v, "org")
		case "people":
			people = v
		case "policy":
			org.Policy = d.policy(v)
		case "tops":
			org.Tops = d.refs(v, "tops")
		case "departments":
			org.Departments = d.departments(v)
		default:
			d.unknown(k, "", "field", topFields, "")
		}
	})
	if people == nil {
		d.errorf(root, `the chart has no "people:" list: add one with an entry per person, each with an "id"`)
	} else if d.plain(people) && !isNull(people) {
		if people.Kind != yaml.SequenceNode {
			d.errorf(people, `"people" must be a list of entries ("- id: ..."), not %s`, kindName(people))
		} else {
			org.People = d.people(people.Content)
		}
	}
	if err := d.errs.Err(); err != nil {
		return nil, err
	}
	finishDiagnostics(d.diags)
	org.Diagnostics = d.diags
	return org, nil
}

// parallelPeople is the number of entries from which they are decoded on
// several cores.
const parallelPeople = 4096

// people decodes the entries of the people list, in parallel slices for a
// large chart (each with its own errors, findings and inference cache,
// merged in file order afterwards).
func (d *nodeDecoder) people(items []*yaml.Node) []*graph.Person {
	slab := make([]graph.Person, len(items))
	ok := make([]bool, len(items))
	workers := min(runtime.GOMAXPROCS(0), 8)
	if len(items) < parallelPeople || workers < 2 {
		for i, n := range items {
			ok[i] = d.person(n, &slab[i])
		}
	} else {
		d.fillLineStart() // once, shared read-only by the workers
		subs := make([]*nodeDecoder, workers)
		var wg sync.WaitGroup
		for w := range workers {
			sub := &nodeDecoder{file: d.file, format: d.format, src: d.src, strict: d.strict,
				inf: &inferer{off: d.inf == nil || d.inf.off}, lineStart: d.lineStart}
			subs[w] = sub
			lo, hi := w*len(items)/workers, (w+1)*len(items)/workers
			wg.Go(func() {
				for i := lo; i < hi; i++ {
					ok[i] = sub.person(items[i], &slab[i])
				}
			})
		}
		wg.Wait()
		for _, sub := range subs {
			d.errs = append(d.errs, sub.errs...)
			d.diags = append(d.diags, sub.diags...)
		}
	}
	out := make([]*graph.Person, 0, len(items))
	for i := range slab {
		if ok[i] {
			p := &slab[i]
			p.Index = len(out)
			out = append(out, p)
		}
	}
	return out
}

// itemPos is the position of a list item: the "- " before a block mapping
// when there is one on the same line, else the node's own position.
func (d *nodeDecoder) itemPos(n *yaml.Node) diag.Pos {
	p := d.pos(n)
	if d.src == nil || n.Kind != yaml.MappingNode || n.Style&yaml.FlowStyle != 0 || n.Line < 1 || n.Column < 2 {
		return p
	}
	d.fillLineStart()
	if n.Line > len(d.lineStart) {
		return p
	}
	line := d.src[d.lineStart[n.Line-1]:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	// Walk n.Column-1 characters to the byte offset of the mapping.
	off := 0
	for c := 1; c < n.Column && off < len(line); c++ {
		_, size := utf8.DecodeRune(line[off:])
		off += size
	}
	before := bytes.TrimRight(line[:off], " \t")
	if len(before) > 0 && before[len(before)-1] == '-' {
		p.Column = utf8.RuneCount(before)
	}
	return p
}

// fillLineStart computes the offset of each line of src, once.
func (d *nodeDecoder) fillLineStart() {
	if d.lineStart != nil || d.src == nil {
		return
	}
	d.lineStart = append(make([]int, 0, bytes.Count(d.src, []byte{'\n'})+2), 0)
	for i, b := range d.src {
		if b == '\n' {
			d.lineStart = append(d.lineStart, i+1)
		}
	}
}

// person decodes one entry of people into p; it reports false when the
// entry cannot be read at all.
func (d *nodeDecoder) person(n *yaml.Node, p *graph.Person) bool {
	if !d.plain(n) {
		return false
	}
	p.Pos = d.itemPos(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(n, `each entry of "people" must be a mapping such as "- id: jdoe", not %s`, kindName(n))
		return false
	}
	p.Kind = graph.KindPerson
	p.FieldPos = make([]graph.FieldAt, 0, len(n.Content)/2)
	diag0 := len(d.diags)
	var (
		hasID, kindSet, assistant bool
		assistantNode             *yaml.Node
		titlePos                  diag.Pos
	)
	d.pairs(n, func(k, v *yaml.Node) {
		name := k.Value
		known := true
		switch name {
		case "id":
			hasID = true
			if s, ok := d.scalar(v, name); ok {
				if s == "" {
					d.errorf(v, `"id" is empty: give the entry a unique id such as "id: jdoe"`)
				}
				p.ID = s
			}
		case "name":
			p.Name, _ = d.scalar(v, name)
		case "title":
			p.Title, _ = d.scalar(v, name)
			titlePos = d.pos(v)
		case "department":
			p.Department, _ = d.scalar(v, name)
		case "email":
			p.Email, _ = d.scalar(v, name)
		case "location":
			p.Location, _ = d.scalar(v, name)
		case "photo":
			p.Photo, _ = d.scalar(v, name)
		case "kind":
			if s, ok := d.scalar(v, name); ok && s != "" {
				if kd, ok := parseKind(s); ok {
					p.Kind, kindSet = kd, true
				} else {
					d.errorf(v, `unknown kind %s: write person, board or committee`, diag.Excerpt(s))
				}
			}
		case "roles":
			for _, it := range d.items(v) {
				s, ok := d.scalar(it, name)
				if !ok {
					continue
				}
				for _, code := range splitRoles(s) {
					p.Roles = append(p.Roles, graph.Role{Code: code, Pos: d.pos(it)})
				}
			}
		case "reports_to":
			p.ReportsTo = d.refs(v, name)
		case "dotted":
			p.Dotted = d.dotted(v)
		case "assistant":
			assistant, _ = d.boolean(v, name)
			assistantNode = v
		case "assistant_to":
			if s, ok := d.scalar(v, name); ok && s != "" {
				p.AssistantTo = &graph.Ref{ID: s, Pos: d.pos(v)}
			}
		case "vacant":
			p.Vacant, _ = d.boolean(v, name)
		case "fields":
			p.Fields, p.SourceID = d.fields(v)
		default:
			known = false
			d.unknown(k, "", "field", personFields, `put free-form data under "fields"`)
		}
		if known {
			p.FieldPos = append(p.FieldPos, graph.FieldAt{Name: name, Pos: d.pos(v)})
		}
	})
	if !hasID {
		addErr(&d.errs, p.Pos, `entry has no "id": add a unique id such as "id: jdoe"`)
	}
	if assistant && p.AssistantTo == nil {
		if len(p.ReportsTo) == 0 {
			d.errorf(assistantNode, `"assistant: true" needs a manager: add "reports_to" (or "assistant_to") with the id of the person assisted`)
		} else {
			p.AssistantTo = &graph.Ref{ID: p.ReportsTo[0].ID, Pos: d.pos(assistantNode)}
		}
	}
	for i := diag0; i < len(d.diags); i++ {
		d.diags[i].Subject = p.ID
	}
	d.inf.apply(p, titlePos, kindSet)
	return true
}

// splitRoles splits a role cell or value on commas, semicolons and bars,
// upper-casing and trimming each code and dropping empty ones.
func splitRoles(s string) []string {
	if !strings.ContainsAny(s, ",;|") {
		if c := normRole(s); c != "" {
			return []string{c}
		}
		return nil
	}
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		if c := normRole(f); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// dotted reads the dotted field: an id, or a list of ids and {to, type}.
func (d *nodeDecoder) dotted(n *yaml.Node) []graph.Ref {
	its := d.items(n)
	if len(its) == 0 {
		return nil
	}
	out := make([]graph.Ref, 0, len(its))
	for _, it := range its {
		if !d.plain(it) {
			continue
		}
		switch it.Kind {
		case yaml.ScalarNode:
			s, _ := d.scalar(it, "dotted")
			if s == "" {
				d.errorf(it, `empty id in "dotted": write the id of an entry`)
				continue
			}
			out = append(out, graph.Ref{ID: s, Pos: d.pos(it)})
		case yaml.MappingNode:
			r := graph.Ref{Pos: d.pos(it)}
			hasTo := false
			d.pairs(it, func(k, v *yaml.Node) {
				switch k.Value {
				case "to":
					hasTo = true
					r.ID, _ = d.scalar(v, "to")
					r.Pos = d.pos(v)
				case "type":
					r.Type, _ = d.scalar(v, "type")
				default:
					d.unknown(k, "", "field", dottedFields, `a dotted line has "to" and "type"`)
				}
			})
			if !hasTo || r.ID == "" {
				d.errorf(it, `dotted line has no "to": write {to: ID, type: advisory}`)
				continue
			}
			out = append(out, r)
		default:
			d.errorf(it, `each dotted line must be an id or {to: ID, type: TYPE}, not %s`, kindName(it))
		}
	}
	return out
}

// fields reads the free-form fields mapping (scalar values only).
func (d *nodeDecoder) fields(n *yaml.Node) (fields map[string]string, sourceID string) {
	if !d.plain(n) || isNull(n) {
		return nil, ""
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, `"fields" must be a mapping such as {cost_center: C-100}, not %s`, kindName(n))
		return nil, ""
	}
	d.pairs(n, func(k, v *yaml.Node) {
		s, ok := d.scalar(v, k.Value)
		switch {
		case !ok:
		case k.Value == "source_id":
			// Where import keeps a directory's own id: it reads back as
			// the SourceID it was written from.
			sourceID = s
		default:
			if fields == nil {
				fields = make(map[string]string, len(n.Content)/2)
			}
			fields[k.Value] = s
		}
	})
	return fields, sourceID
}
