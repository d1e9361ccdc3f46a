package load

import (
	"strings"

	"github.com/orgchart/orgchart/graph"
)

// googleExample is the shape loadGoogle expects, for messages.
const googleExample = `{"users": [{"id": "...", "primaryEmail": "...", "name": {"fullName": "..."}, "relations": [{"type": "manager", "value": "..."}]}]}`

// loadGoogle reads Google Workspace users as the Admin SDK Directory API
// returns them for users.list: {"kind": "admin#directory#users", "users":
// [user, ...]}, a bare array of users, or an array of such pages.
//
// A user maps to an entry: primaryEmail is the id and the e-mail, name.
// fullName (else givenName familyName) the name; the primary organization
// (else the first) gives the title and department, the primary location
// (else the first) the location's building or area. relations of type
// "manager" are the solid line, by e-mail, case-insensitively; every other
// relation type ("dotted_line_manager", "admin_assistant", ...) is a dotted
// line of that type. The Directory id is kept in fields.source_id.
func loadGoogle(name string, data []byte, inf *inferer) (*graph.Org, error) {
	return loadDirJSON(name, data, inf, "google", "Google Workspace (Admin SDK users.list)", (*dirBuilder).googleUser, func(b *dirBuilder, r *jreader) error {
		return b.users(r, "users", "Admin SDK users.list", googleExample, b.googleUser)
	})
}

// googleUser adds one Directory user.
func (b *dirBuilder) googleUser(u *jv) {
	p := b.person(b.pos(u))
	srcID := jstr(jget(u, "id"))
	if b.setJSON(p, "id", &p.ID, jget(u, "primaryEmail")) == "" {
		if b.setJSON(p, "id", &p.ID, jget(u, "id")) == "" {
			b.errorf(p.Pos, `user has no "primaryEmail" or "id": list users with the Admin SDK (users.list, projection=full)`)
			return
		}
	} else {
		p.Email = p.ID
	}
	nm := jget(u, "name")
	if b.setJSON(p, "name", &p.Name, jget(nm, "fullName")) == "" {
		if g := jget(nm, "givenName"); g != nil {
			b.set(p, "name", &p.Name, joinName(jstr(g), jstr(jget(nm, "familyName"))), b.pos(g))
		}
	}
	if org := primary(jget(u, "organizations")); org != nil {
		b.setJSON(p, "title", &p.Title, jget(org, "title"))
		b.setJSON(p, "department", &p.Department, jget(org, "department"))
	}
	if loc := primary(jget(u, "locations")); loc != nil {
		if b.setJSON(p, "location", &p.Location, jget(loc, "buildingId")) == "" {
			b.setJSON(p, "location", &p.Location, jget(loc, "area"))
		}
	}
	if rels := jget(u, "relations"); rels != nil && rels.kind == '[' {
		for _, r := range rels.kids {
			v := jget(r, "value")
			if jstr(v) == "" {
				continue
			}
			ref := graph.Ref{ID: jstr(v), Pos: b.pos(v)}
			typ := strings.ToLower(jstr(jget(r, "type")))
			if typ == "custom" {
				typ = strings.ToLower(jstr(jget(r, "customType")))
			}
			if typ == "manager" {
				p.ReportsTo = append(p.ReportsTo, ref)
				continue
			}
			ref.Type = typ
			p.Dotted = append(p.Dotted, ref)
		}
	}
	b.ignore(u, "", "id", "primaryEmail", "name", "organizations", "locations", "relations", "kind", "etag")
	b.add(p, srcID, p.ID)
}

// primary returns the element of a JSON array of objects marked
// "primary": true, else the first, else nil.
func primary(list *jv) *jv {
	if list == nil || list.kind != '[' {
		return nil
	}
	var first *jv
	for _, n := range list.kids {
		if n.kind != '{' {
			continue
		}
		if jbool(jget(n, "primary")) {
			return n
		}
		if first == nil {
			first = n
		}
	}
	return first
}
