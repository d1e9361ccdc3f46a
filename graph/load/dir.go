package load

import (
	"sort"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	yaml "go.yaml.in/yaml/v3"
)

// This file holds what the directory loaders (entra, google, okta, scim,
// ldif) share: walking a JSON response parsed with positions (parseJSON
// gives every value the line and column where it is written, so a JSON path
// such as value[3].manager.id maps to its line), and building the chart
// from directory users, whose managers are named by the directory's own
// keys (an object id, an e-mail address, a login, a DN) rather than by the
// chart id.
//
// Ids: a directory user's chart id is its sign-in name or e-mail address
// (userPrincipalName, primaryEmail, login, userName, uid or mail), readable
// in messages and stable across exports; the directory's own id is kept in
// Person.Fields["source_id"]. Attributes the chart does not use are ignored
// silently: they are the directory's, not mistakes in the chart.

// jget returns the value of key in the JSON object n, or nil when n is not
// an object or has no such key.
func jget(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// jpath follows keys from n (jget at each step).
func jpath(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n = jget(n, k)
	}
	return n
}

// jstr returns the trimmed text of a JSON string or number, "" for
// anything else (null, objects, arrays, booleans).
func jstr(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Tag == "!!bool" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// jbool reports whether n is the JSON literal true (or the string "true").
func jbool(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && strings.EqualFold(n.Value, "true")
}

// jkind names the JSON type of n for messages.
func jkind(n *yaml.Node) string {
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "an object"
	case n.Kind == yaml.SequenceNode:
		return "an array"
	case n.Tag == "!!str":
		return "a string"
	case n.Tag == "!!null":
		return "null"
	case n.Tag == "!!bool":
		return "a boolean"
	}
	return "a number"
}

// dirBuilder builds a chart from directory users. Each user is added with
// the keys other users may name it by (its directory id, e-mail, login,
// DN); finish rewrites every reference written as such a key to the chart
// id of the one user that has it.
type dirBuilder struct {
	name string
	org  *graph.Org
	inf  *inferer
	errs diag.ErrorList
	// alias maps a folded key (norm) to the index of the user that has it,
	// -1 when two users share it.
	alias map[string]int
	norm  func(string) string
	// ignored holds the directory attributes noted as not used (once each).
	ignored map[string]bool
}

// newDirBuilder starts a chart of the given format read from file name.
// norm folds a key for matching; nil means graph.Key (trimmed, case-folded).
func newDirBuilder(name, format string, inf *inferer, norm func(string) string) *dirBuilder {
	if norm == nil {
		norm = graph.Key
	}
	return &dirBuilder{
		name:  name,
		org:   &graph.Org{File: name, Format: format, Pos: diag.Pos{File: name, Line: 1, Column: 1}},
		inf:   inf,
		alias: make(map[string]int),
		norm:  norm,
	}
}

// pos returns the position of a parsed JSON value.
func (b *dirBuilder) pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: b.name, Line: 1, Column: 1}
	}
	return diag.Pos{File: b.name, Line: n.Line, Column: n.Column}
}

// errorf adds a positioned load error (at most maxCSVErrors of them).
func (b *dirBuilder) errorf(pos diag.Pos, msg string) {
	if len(b.errs) < maxCSVErrors {
		addErr(&b.errs, pos, msg)
	} else if len(b.errs) == maxCSVErrors {
		addErr(&b.errs, pos, "too many errors: stopped reporting")
	}
}

// set stores a field's value and position on p when v is not empty, and
// returns v.
func (b *dirBuilder) set(p *graph.Person, field string, dst *string, v string, pos diag.Pos) string {
	if v == "" {
		return ""
	}
	*dst = v
	p.FieldPos = append(p.FieldPos, graph.FieldAt{Name: field, Pos: pos})
	return v
}

// setJSON is set for a JSON value.
func (b *dirBuilder) setJSON(p *graph.Person, field string, dst *string, n *yaml.Node) string {
	return b.set(p, field, dst, jstr(n), b.pos(n))
}

// add appends p (Pos, ID and fields set) to the chart, infers its roles from
// its title (written at titlePos), and registers the keys it may be named
// by. sourceID, when not empty, is kept in Fields["source_id"].
func (b *dirBuilder) add(p *graph.Person, titlePos diag.Pos, sourceID string, keys ...string) {
	p.Index = len(b.org.People)
	if p.Kind == "" {
		p.Kind = graph.KindPerson
	}
	if sourceID != "" {
		if p.Fields == nil {
			p.Fields = make(map[string]string, 1)
		}
		p.Fields["source_id"] = sourceID
	}
	b.inf.apply(p, titlePos, false)
	if p.TitleAmbiguous {
		p.FieldPos = append(p.FieldPos, graph.FieldAt{Name: "title", Pos: titlePos})
	}
	b.org.People = append(b.org.People, p)
	seen := make(map[string]bool, len(keys))
	for _, k := range append(keys, sourceID) {
		if k = b.norm(k); k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if _, dup := b.alias[k]; dup {
			b.alias[k] = -1
		} else {
			b.alias[k] = p.Index
		}
	}
}

// ignore adds a note (Org.Notes) for each key of the JSON object n that is
// not in used, once per attribute name over the whole export: directory
// attributes the chart does not use are not findings (no ORG011), but a
// verbose run says which were passed over. prefix names the object
// ("profile." for Okta's profile). OData annotations ("@odata.type",
// "manager@odata.context") are the protocol's, not attributes, and are
// not noted.
func (b *dirBuilder) ignore(n *yaml.Node, prefix string, used ...string) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if strings.IndexByte(k.Value, '@') >= 0 {
			continue
		}
		b.ignoreAttr(prefix, k.Value, used, b.pos(k))
	}
}

// ignoreAttr notes attribute prefix+name at pos unless name is in used or
// it was noted.
func (b *dirBuilder) ignoreAttr(prefix, name string, used []string, pos diag.Pos) {
	for _, u := range used {
		if strings.EqualFold(u, name) {
			return
		}
	}
	name = prefix + name
	if b.ignored == nil {
		b.ignored = make(map[string]bool)
	}
	if b.ignored[name] {
		return
	}
	b.ignored[name] = true
	b.org.Notes = append(b.org.Notes, diag.Related{Pos: pos, Message: "attribute " + diag.Quote(name) + " ignored: the chart does not use it"})
}

// resolve returns the chart id of the one user known by key, or "".
func (b *dirBuilder) resolve(key string) string {
	if i, ok := b.alias[b.norm(key)]; ok && i >= 0 {
		return b.org.People[i].ID
	}
	return ""
}

// finish rewrites the references to the users' chart ids (a reference that
// already is a chart id stays; one that names no single user stays as
// written, for ORG002 to report) and returns the chart, or the errors.
func (b *dirBuilder) finish() (*graph.Org, error) {
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	ids := make(map[string]bool, len(b.org.People))
	for _, p := range b.org.People {
		ids[graph.Key(p.ID)] = true
	}
	fix := func(r *graph.Ref) {
		if ids[graph.Key(r.ID)] {
			return
		}
		if id := b.resolve(r.ID); id != "" {
			r.ID = id
		}
	}
	for _, p := range b.org.People {
		for i := range p.ReportsTo {
			fix(&p.ReportsTo[i])
		}
		for i := range p.Dotted {
			fix(&p.Dotted[i])
		}
	}
	finishDiagnostics(b.org.Diagnostics)
	sort.SliceStable(b.org.Notes, func(i, j int) bool { return b.org.Notes[i].Pos.Before(b.org.Notes[j].Pos) })
	return b.org, nil
}

// users returns the user objects of a JSON response: the array under key
// in an object (one page), a bare array of users, or an array of pages
// (responses saved one after another while following next links). what
// names the format in messages; example shows the expected shape.
func (b *dirBuilder) users(doc *yaml.Node, key, what, example string) []*yaml.Node {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	page := func(n *yaml.Node) []*yaml.Node {
		v := jget(n, key)
		if v == nil {
			b.errorf(b.pos(n), what+" response without a "+diag.Quote(key)+" array: expected "+example)
			return nil
		}
		if v.Kind != yaml.SequenceNode {
			b.errorf(b.pos(v), diag.Quote(key)+" must be an array of users, not "+jkind(v))
			return nil
		}
		return v.Content
	}
	switch root.Kind {
	case yaml.MappingNode:
		return page(root)
	case yaml.SequenceNode:
		if len(root.Content) > 0 && jget(root.Content[0], key) != nil {
			var all []*yaml.Node
			for _, n := range root.Content {
				all = append(all, page(n)...)
			}
			return all
		}
		return root.Content
	}
	b.errorf(b.pos(root), what+" export must be a JSON object or array, not "+jkind(root)+": expected "+example)
	return nil
}

// object reports whether user n is a JSON object, and adds an error if not.
func (b *dirBuilder) object(n *yaml.Node, what string) bool {
	if n.Kind == yaml.MappingNode {
		return true
	}
	b.errorf(b.pos(n), "each "+what+" must be a JSON object, not "+jkind(n))
	return false
}

// parseDirJSON parses a directory export, with the message for an empty one.
func parseDirJSON(name string, data []byte, what string) (*yaml.Node, error) {
	return parseJSON(name, data, "the "+what+" export is empty: save the API response (JSON) to the file")
}
