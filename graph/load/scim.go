package load

import (
	"github.com/orgchart/orgchart/graph"
)

// scimEnterprise is the SCIM 2.0 enterprise user extension (RFC 7643 4.3).
const scimEnterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

// scimExample is the shape loadSCIM expects, for messages.
const scimExample = `{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": [{"id": "...", "userName": "...", "` +
	scimEnterprise + `": {"manager": {"value": "..."}}}]}`

// loadSCIM reads a SCIM 2.0 ListResponse of Users (RFC 7644 3.4.2; GET
// /scim/v2/Users): {"Resources": [user, ...]}, a bare array of users, or
// an array of ListResponse pages.
//
// A user maps to an entry: userName is the id, displayName (else
// name.formatted, else givenName familyName) the name, title, the primary
// e-mail (else the first), the enterprise extension's department and its
// manager.value (the manager's SCIM id; the manager's userName or e-mail
// resolve too) the solid line. The SCIM id is kept in fields.source_id.
// Users with "active": false are kept: inactive is not deprovisioned.
func loadSCIM(name string, data []byte, inf *inferer) (*graph.Org, error) {
	return loadDirJSON(name, data, inf, "scim", "SCIM", (*dirBuilder).scimUser, func(b *dirBuilder, r *jreader) error {
		return b.users(r, "Resources", "SCIM ListResponse", scimExample, b.scimUser)
	})
}

// scimUser adds one SCIM user.
func (b *dirBuilder) scimUser(u *jv) {
	p := b.person(b.pos(u))
	srcID := jstr(jget(u, "id"))
	if b.setJSON(p, "id", &p.ID, jget(u, "userName")) == "" {
		if b.setJSON(p, "id", &p.ID, jget(u, "id")) == "" {
			b.errorf(p.Pos, `user has no "userName" or "id": export the users with GET /scim/v2/Users`)
			return
		}
	}
	nm := jget(u, "name")
	if b.setJSON(p, "name", &p.Name, jget(u, "displayName")) == "" {
		if b.setJSON(p, "name", &p.Name, jget(nm, "formatted")) == "" {
			if g := jget(nm, "givenName"); g != nil {
				b.set(p, "name", &p.Name, joinName(jstr(g), jstr(jget(nm, "familyName"))), b.pos(g))
			}
		}
	}
	b.setJSON(p, "title", &p.Title, jget(u, "title"))
	if e := primary(jget(u, "emails")); e != nil {
		b.setJSON(p, "email", &p.Email, jget(e, "value"))
	}
	ext := jget(u, scimEnterprise)
	b.setJSON(p, "department", &p.Department, jget(ext, "department"))
	if m := jget(ext, "manager"); m != nil {
		v := m
		if m.kind == '{' {
			v = jget(m, "value")
		}
		if jstr(v) != "" {
			p.ReportsTo = b.manager(jstr(v), b.pos(v))
		}
	}
	b.ignore(u, "", "id", "userName", "name", "displayName", "title", "emails", "schemas", "meta", "active", scimEnterprise)
	b.ignore(ext, scimEnterprise+":", "department", "manager")
	b.add(p, srcID, p.ID, p.Email)
}
