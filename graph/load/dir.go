package load

import (
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/internal/huge"
)

// This file holds what the directory loaders (entra, google, okta, scim,
// ldif) share: walking a JSON response read with positions (dirjson.go
// gives every value the line and column where it is written, so a JSON path
// such as value[3].manager.id maps to its line), and building the chart
// from directory users, whose managers are named by the directory's own
// keys (an object id, an e-mail address, a login, a DN) rather than by the
// chart id.
//
// Ids: a directory user's chart id is its sign-in name or e-mail address
// (userPrincipalName, primaryEmail, login, userName, uid or mail), readable
// in messages and stable across exports; the directory's own id is kept in
// Person.SourceID (fields.source_id when saved). Attributes the chart does
// not use are ignored silently: they are the directory's, not mistakes in
// the chart.

// dirBuilder builds a chart from directory users. Each user is added with
// the keys other users may name it by (its directory id, e-mail, login,
// DN); finish rewrites every reference written as such a key to the chart
// id of the one user that has it.
type dirBuilder struct {
	name string
	org  *graph.Org
	inf  *inferer
	errs diag.ErrorList
	// names lists the folded keys (norm) each user may be named by, and
	// idKeys each user's chart id folded the same way, in the order of
	// org.People: finish looks up the keys references use in them
	// (dir_finish.go).
	names  []dirKey
	idKeys []string
	norm   func(string) string
	// base is the index of the first of org.People in the joined chart.
	base int
	// ignored holds the directory attributes noted as not used (once each);
	// noteAttr holds, for each of org.Notes, the attribute it notes (nil
	// for other notes; an attribute's name may be ""), so that parts read
	// in parallel note each attribute once.
	ignored  map[string]bool
	noteAttr []*string
	// attrs holds the attributes (prefix, name) ignoreAttr has seen;
	// lastKeys the keys of the last JSON object ignore saw, by prefix.
	attrs    map[[2]string]bool
	lastKeys map[string][]string
	// types interns LDIF attribute types as written;
	// dnKeys maps each LDIF entry's DN as written to its key (ldapKey).
	types  ldifTypes
	dnKeys map[string]string
	// slab, fieldSlab and refSlab hand out people, their field positions
	// and their managers (person, manager).
	slab      []graph.Person
	fieldSlab []graph.FieldAt
	refSlab   []graph.Ref
	// arena holds the values kept from a directory export read as bytes.
	arena strArena
	// titlePos is where the title of the user being read is written.
	titlePos diag.Pos
}

// newDirBuilder starts a chart of the given format read from file name.
// norm folds a key for matching; nil means graph.Key (trimmed, case-folded).
// size is the export's size in bytes (0 when not known), from which the
// number of users is guessed.
func newDirBuilder(name, format string, inf *inferer, norm func(string) string, size int) *dirBuilder {
	if norm == nil {
		norm = graph.Key
	}
	users := size / 300
	return &dirBuilder{
		name:   name,
		org:    &graph.Org{File: name, Format: format, Pos: diag.Pos{File: name, Line: 1, Column: 1}, People: make([]*graph.Person, 0, users)},
		inf:    inf,
		names:  make([]dirKey, 0, 2*users),
		idKeys: make([]string, 0, users),
		norm:   norm,
	}
}

// dirKey is a folded key a user may be named by, and the user's index in
// its builder's org.People.
type dirKey struct {
	key string
	i   int
}

// person returns a new person at pos, for the format's user function to
// fill and add. People and room for their first field positions are cut
// from slabs, as the CSV loader does (csv.go): one allocation per user for
// each, on fresh 4 KB pages, was a sixth of reading a 100k-user export.
func (b *dirBuilder) person(pos diag.Pos) *graph.Person {
	const fields = 2 // the id, and an ambiguous title (see set)
	if len(b.slab) == 0 {
		k := b.slabSize()
		b.slab = huge.Make[graph.Person](k, k)
		b.fieldSlab = huge.Make[graph.FieldAt](k*fields, k*fields)
	}
	p := &b.slab[0]
	p.Pos = pos
	b.titlePos = pos                    // until a title is set
	p.FieldPos = b.fieldSlab[:0:fields] // an append past fields reallocates
	b.slab, b.fieldSlab = b.slab[1:], b.fieldSlab[fields:]
	return p
}

// manager returns the one solid line of a user, cut from a slab (see
// person).
func (b *dirBuilder) manager(id string, pos diag.Pos) []graph.Ref {
	if len(b.refSlab) == 0 {
		k := b.slabSize()
		b.refSlab = huge.Make[graph.Ref](k, k)
	}
	r := b.refSlab[:1:1]
	r[0] = graph.Ref{ID: id, Pos: pos}
	b.refSlab = b.refSlab[1:]
	return r
}

// slabSize is the number of people a new slab holds: those still expected
// (the capacity newDirBuilder gave org.People from the export's size),
// within bounds.
func (b *dirBuilder) slabSize() int {
	return min(max(cap(b.org.People)-len(b.org.People), 64), 1<<16)
}

// str returns v as a string kept in the chart (see strArena).
func (b *dirBuilder) str(v []byte) string { return b.arena.str(v) }

// strArena hands out strings cut from large buffers: a directory export
// keeps a few values of each user, and a string each was an allocation
// each (half a million for 100k users). The strings are those of a
// strings.Builder, which stays valid while the builder appends after it
// (written bytes are never changed); a full builder is replaced, never
// reset.
type strArena struct{ sb strings.Builder }

// str returns v as a string from the arena.
func (a *strArena) str(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	if a.sb.Cap()-a.sb.Len() < len(v) {
		a.sb = strings.Builder{}
		a.sb.Grow(max(64<<10, len(v)))
	}
	n := a.sb.Len()
	a.sb.Write(v)
	return a.sb.String()[n:]
}

// pos returns the position of a JSON value.
func (b *dirBuilder) pos(n *jv) diag.Pos {
	if n == nil {
		return diag.Pos{File: b.name, Line: 1, Column: 1}
	}
	return diag.Pos{File: b.name, Line: n.line, Column: n.col}
}

// errorf adds a positioned load error (at most maxCSVErrors of them).
func (b *dirBuilder) errorf(pos diag.Pos, msg string) {
	if len(b.errs) < maxCSVErrors {
		addErr(&b.errs, pos, msg)
	} else if len(b.errs) == maxCSVErrors {
		addErr(&b.errs, pos, "too many errors: stopped reporting")
	}
}

// set stores a field's value on p when v is not empty, and returns v. Of
// the positions, p keeps only those Person.At cannot derive, as a CSV
// entry does: the id's; the title's is the position of the roles inferred
// from it, or noted by add when the title is ambiguous. Every position
// kept is 48 bytes of fresh memory per user.
func (b *dirBuilder) set(p *graph.Person, field string, dst *string, v string, pos diag.Pos) string {
	if v == "" {
		return ""
	}
	*dst = v
	switch field {
	case "id":
		p.FieldPos = append(p.FieldPos, graph.FieldAt{Name: field, Pos: pos})
	case "title":
		b.titlePos = pos
	}
	return v
}

// setJSON is set for a JSON value.
func (b *dirBuilder) setJSON(p *graph.Person, field string, dst *string, n *jv) string {
	return b.set(p, field, dst, jstr(n), b.pos(n))
}

// add appends p (Pos, ID and fields set) to the chart, infers its roles from
// its title, and records the keys it may be named by (finish resolves
// references with them). sourceID, when not empty, is kept in SourceID.
func (b *dirBuilder) add(p *graph.Person, sourceID string, keys ...string) {
	titlePos := b.titlePos
	p.Index = len(b.org.People)
	if p.Kind == "" {
		p.Kind = graph.KindPerson
	}
	p.SourceID = sourceID
	b.inf.apply(p, titlePos, false)
	if p.TitleAmbiguous {
		p.FieldPos = append(p.FieldPos, graph.FieldAt{Name: "title", Pos: titlePos})
	}
	b.org.People = append(b.org.People, p)
	idKey := b.norm(p.ID)
	b.idKeys = append(b.idKeys, idKey)
	// The keys registered for p (a user has a few), as written and
	// folded: a key written as an earlier one (a mail that is also the
	// sign-in name) is not folded again.
	var written, seen [4]string
	n := 0
	for i := 0; i <= len(keys); i++ {
		w := sourceID
		if i < len(keys) {
			w = keys[i]
		}
		if w == "" || w == p.ID || slices.Contains(written[:n], w) {
			continue
		}
		k := b.norm(w)
		if k == "" || k == idKey || slices.Contains(seen[:n], k) {
			continue
		}
		if n < len(seen) {
			written[n], seen[n] = w, k
			n++
		}
		b.names = append(b.names, dirKey{key: k, i: p.Index})
	}
}

// note adds a note (Org.Notes); attr names the attribute it notes, if any.
func (b *dirBuilder) note(pos diag.Pos, msg string, attr *string) {
	b.org.Notes = append(b.org.Notes, diag.Related{Pos: pos, Message: msg})
	b.noteAttr = append(b.noteAttr, attr)
}

// ignore adds a note (Org.Notes) for each key of the JSON object n that is
// not in used, once per attribute name over the whole export: directory
// attributes the chart does not use are not findings (no ORG011), but a
// verbose run says which were passed over. prefix names the object
// ("profile." for Okta's profile). OData annotations ("@odata.type",
// "manager@odata.context") are the protocol's, not attributes, and are
// not noted.
func (b *dirBuilder) ignore(n *jv, prefix string, used ...string) {
	if n == nil || n.kind != '{' {
		return
	}
	// The users of an export mostly have the same keys in the same
	// order: a key that is the one at its place in the last object seen
	// with this prefix was settled then.
	last := b.lastKeys[prefix]
	for i := 0; i+1 < len(n.kids); i += 2 {
		k, at := n.kids[i], i/2
		if at < len(last) && k.is(last[at]) {
			continue
		}
		name := k.text()
		if at < len(last) {
			last[at] = name
		} else {
			last = append(last, name)
		}
		if strings.IndexByte(name, '@') < 0 {
			b.ignoreAttr(prefix, name, used, b.pos(k))
		}
	}
	if b.lastKeys == nil {
		b.lastKeys = make(map[string][]string)
	}
	b.lastKeys[prefix] = last
}

// ignoreAttr notes attribute prefix+name at pos unless name is in used or
// it was noted.
func (b *dirBuilder) ignoreAttr(prefix, name string, used []string, pos diag.Pos) {
	if slices.Contains(used, name) {
		return // the common case, settled without hashing
	}
	if b.attrs == nil {
		b.attrs = make(map[[2]string]bool)
	}
	if b.attrs[[2]string{prefix, name}] {
		return // used, or noted
	}
	b.attrs[[2]string{prefix, name}] = true
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
	b.note(pos, "attribute "+diag.Quote(name)+" ignored: the chart does not use it", &name)
}

// users reads the user objects of a JSON response from r and calls fn on
// each: the array under key in an object (one page), a bare array of users,
// or an array of pages (responses saved one after another while following
// next links). what names the format in messages; example shows the
// expected shape. Users are read one at a time, except pages, which are
// read whole (as the API returns them, a few hundred users each) so that
// the pages' errors come before the users' as they always have.
func (b *dirBuilder) users(r *jreader, key, what, example string, fn func(u *jv)) error {
	user := func(u *jv) {
		if b.object(u, "user") {
			fn(u)
		}
	}
	switch r.toks.peek() {
	case '{':
		root, err := r.token()
		if err != nil {
			return err
		}
		rootPos, found := b.pos(root), false
		for r.toks.peek() != '}' {
			k := r.node()
			if err := r.toks.next(k); err != nil {
				return err
			}
			if !k.is(key) || found {
				if _, err := r.value(1); err != nil {
					return err
				}
				continue
			}
			found = true
			if r.toks.peek() != '[' {
				v, err := r.value(1)
				if err != nil {
					return err
				}
				b.errorf(b.pos(v), diag.Quote(key)+" must be an array of users, not "+jkind(v))
				continue
			}
			if _, err := r.token(); err != nil {
				return err
			}
			for r.toks.peek() != ']' {
				u, err := r.value(2)
				if err != nil {
					return err
				}
				user(u)
				r.reset()
				r.elems++
			}
			if _, err := r.token(); err != nil {
				return err
			}
			r.usersRead(2)
		}
		if _, err := r.token(); err != nil {
			return err
		}
		if !found {
			b.errorf(rootPos, what+" response without a "+diag.Quote(key)+" array: expected "+example)
		}
		return nil
	case '[':
		if _, err := r.token(); err != nil {
			return err
		}
		var all []*jv
		pages := false
		for first := true; r.toks.peek() != ']'; first = false {
			e, err := r.value(1)
			if err != nil {
				return err
			}
			if first {
				pages = jget(e, key) != nil
			}
			if !pages {
				user(e)
				r.reset()
				r.elems++
				continue
			}
			all = append(all, b.page(e, key, what, example)...)
		}
		if _, err := r.token(); err != nil {
			return err
		}
		if !pages {
			r.usersRead(1)
		}
		for _, u := range all {
			user(u)
		}
		return nil
	}
	root, err := r.value(0)
	if err != nil {
		return err
	}
	b.errorf(b.pos(root), what+" export must be a JSON object or array, not "+jkind(root)+": expected "+example)
	return nil
}

// page returns the users of one page of a response saved as an array of
// pages.
func (b *dirBuilder) page(n *jv, key, what, example string) []*jv {
	v := jget(n, key)
	if v == nil {
		b.errorf(b.pos(n), what+" response without a "+diag.Quote(key)+" array: expected "+example)
		return nil
	}
	if v.kind != '[' {
		b.errorf(b.pos(v), diag.Quote(key)+" must be an array of users, not "+jkind(v))
		return nil
	}
	return v.kids
}

// object reports whether user n is a JSON object, and adds an error if not.
func (b *dirBuilder) object(n *jv, what string) bool {
	if n.kind == '{' {
		return true
	}
	b.errorf(b.pos(n), "each "+what+" must be a JSON object, not "+jkind(n))
	return false
}
