package load

import (
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// oktaExample is the shape loadOkta expects, for messages.
const oktaExample = `[{"id": "...", "status": "ACTIVE", "profile": {"login": "...", "firstName": "...", "lastName": "...", "managerId": "..."}}]`

// loadOkta reads Okta users as the List Users API (GET /api/v1/users)
// returns them: an array of users, or an array of such pages.
//
// A user maps to an entry: profile.login is the id, firstName lastName (or
// displayName) the name, title, department, email, and city the location.
// profile.managerId is the solid line, whether it holds the manager's Okta
// id or their login or e-mail (both resolve); profile.manager (a login or a
// name) stands in when managerId is empty. Users whose status is
// DEPROVISIONED are left out, each with a note (Org.Notes). The Okta id is
// kept in fields.source_id.
func loadOkta(name string, data []byte, inf *inferer) (*graph.Org, error) {
	return loadDirJSON(name, data, inf, "okta", "Okta (List Users)", nil, func(b *dirBuilder, r *jreader) error {
		if r.toks.peek() != '[' {
			root, err := r.value(0)
			if err != nil {
				return err
			}
			if root.kind == '{' && jget(root, "profile") != nil {
				// One user (GET /api/v1/users/ID) rather than a list.
				b.oktaUser(root)
			} else {
				b.errorf(b.pos(root), "an Okta export must be the JSON array List Users returns, not "+jkind(root)+": expected "+oktaExample)
			}
			return nil
		}
		if _, err := r.token(); err != nil {
			return err
		}
		for r.toks.peek() != ']' {
			e, err := r.value(1)
			if err != nil {
				return err
			}
			users := []*jv{e}
			if e.kind == '[' { // pages saved as an array of arrays
				users = e.kids
			}
			for _, u := range users {
				if b.object(u, "user") {
					b.oktaUser(u)
				}
			}
			r.reset()
		}
		_, err := r.token()
		return err
	})
}

// oktaUser adds one Okta user.
func (b *dirBuilder) oktaUser(u *jv) {
	p := b.person(b.pos(u))
	srcID := jstr(jget(u, "id"))
	prof := jget(u, "profile")
	if prof == nil || prof.kind != '{' {
		b.errorf(p.Pos, `user has no "profile" object: expected `+oktaExample)
		return
	}
	login := jstr(jget(prof, "login"))
	if strings.EqualFold(jstr(jget(u, "status")), "DEPROVISIONED") {
		who := login
		if who == "" {
			who = srcID
		}
		b.note(p.Pos, "deprovisioned user "+diag.Quote(who)+" left out", nil)
		return
	}
	if b.setJSON(p, "id", &p.ID, jget(prof, "login")) == "" {
		if b.setJSON(p, "id", &p.ID, jget(prof, "email")) == "" {
			if b.setJSON(p, "id", &p.ID, jget(u, "id")) == "" {
				b.errorf(p.Pos, `user has no "id" and no "profile.login": export the users with GET /api/v1/users`)
				return
			}
		}
	}
	first, last := jget(prof, "firstName"), jget(prof, "lastName")
	if b.setJSON(p, "name", &p.Name, jget(prof, "displayName")) == "" && first != nil {
		b.set(p, "name", &p.Name, joinName(jstr(first), jstr(last)), b.pos(first))
	}
	b.setJSON(p, "title", &p.Title, jget(prof, "title"))
	b.setJSON(p, "department", &p.Department, jget(prof, "department"))
	email := b.setJSON(p, "email", &p.Email, jget(prof, "email"))
	b.setJSON(p, "location", &p.Location, jget(prof, "city"))
	for _, k := range []string{"managerId", "manager"} {
		if v := jget(prof, k); jstr(v) != "" {
			p.ReportsTo = b.manager(jstr(v), b.pos(v))
			break
		}
	}
	b.ignore(prof, "profile.", "login", "email", "displayName", "firstName", "lastName", "title", "department", "city", "managerId", "manager")
	b.add(p, srcID, login, email, p.Name)
}
