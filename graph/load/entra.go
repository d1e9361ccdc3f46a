package load

import (
	"github.com/orgchart/orgchart/graph"
)

// entraExample is the shape loadEntra expects, for messages.
const entraExample = `{"value": [{"id": "...", "displayName": "...", "userPrincipalName": "...", "manager": {"id": "..."}}]}`

// loadEntra reads Microsoft Entra ID users as Microsoft Graph returns them
// for GET /users?$expand=manager($select=id,displayName): a response
// {"value": [user, ...]}, a bare array of users, or an array of responses
// (the pages of @odata.nextLink saved one after another).
//
// A user maps to an entry: userPrincipalName (else mail, else id) is the
// id, displayName (else givenName surname) the name, jobTitle the title,
// department, mail, officeLocation the location; manager.id (or the
// manager's userPrincipalName or mail) the solid line. The Graph object id
// is kept in fields.source_id.
func loadEntra(name string, data []byte, inf *inferer) (*graph.Org, error) {
	return loadDirJSON(name, data, inf, "entra", "Entra ID (Microsoft Graph)", (*dirBuilder).entraUser, func(b *dirBuilder, r *jreader) error {
		return b.users(r, "value", "Microsoft Graph", entraExample, b.entraUser)
	})
}

// entraUser adds one Graph user.
func (b *dirBuilder) entraUser(u *jv) {
	p := b.person(b.pos(u))
	objID, upn, mail := jstr(jget(u, "id")), jstr(jget(u, "userPrincipalName")), jstr(jget(u, "mail"))
	switch {
	case upn != "":
		b.setJSON(p, "id", &p.ID, jget(u, "userPrincipalName"))
	case mail != "":
		b.setJSON(p, "id", &p.ID, jget(u, "mail"))
	case objID != "":
		b.setJSON(p, "id", &p.ID, jget(u, "id"))
	default:
		b.errorf(p.Pos, `user has no "id", "userPrincipalName" or "mail": request them with $select=id,displayName,userPrincipalName,mail,jobTitle,department`)
		return
	}
	if b.setJSON(p, "name", &p.Name, jget(u, "displayName")) == "" {
		given, sur := jstr(jget(u, "givenName")), jstr(jget(u, "surname"))
		b.set(p, "name", &p.Name, joinName(given, sur), b.pos(jget(u, "givenName")))
	}
	b.setJSON(p, "title", &p.Title, jget(u, "jobTitle"))
	b.setJSON(p, "department", &p.Department, jget(u, "department"))
	b.setJSON(p, "email", &p.Email, jget(u, "mail"))
	b.setJSON(p, "location", &p.Location, jget(u, "officeLocation"))
	if m := jget(u, "manager"); m != nil && m.kind == '{' {
		for _, k := range []string{"id", "userPrincipalName", "mail"} {
			if v := jget(m, k); jstr(v) != "" {
				p.ReportsTo = b.manager(jstr(v), b.pos(v))
				break
			}
		}
	} else if m != nil && m.kind != 'n' {
		b.errorf(b.pos(m), `"manager" must be an object with the manager's "id" ($expand=manager($select=id,displayName)), not `+jkind(m))
	}
	b.ignore(u, "", "id", "userPrincipalName", "mail", "displayName", "givenName", "surname", "jobTitle", "department", "officeLocation", "manager")
	b.add(p, objID, upn, mail)
}

// joinName joins a given name and a family name with a space.
func joinName(given, family string) string {
	switch {
	case given == "":
		return family
	case family == "":
		return given
	}
	return given + " " + family
}
