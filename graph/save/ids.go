package save

import (
	"strings"

	"github.com/orgchart/orgchart/graph"
)

// ReadableIDs chooses the ids an imported chart is written with, and
// returns them by old id (only the ids that change). An id that is an
// e-mail address or a sign-in name (a directory's userPrincipalName,
// primaryEmail, login, userName) becomes its local part, "dana.reyes" for
// "dana.reyes@contoso.com", when that is unique in the chart: no other
// entry would get it, no entry keeps it as its id, and no reference that
// matches no entry is written so (it would then find the wrong entry).
// Otherwise, and for every other id (an employee number, an LDAP uid, a
// chart's own ids), the id is kept as it is. The rule depends only on the
// export's content, not on its order, so the same person gets the same id
// in every import while no namesake joins.
func ReadableIDs(org *graph.Org) map[string]string {
	taken := make(map[string]int) // folded id -> entries that keep it or want it
	ids := make(map[string]bool, len(org.People))
	for _, p := range org.People {
		ids[p.Key()] = true
	}
	want := make([]string, len(org.People))
	for i, p := range org.People {
		if local := localPart(p.ID); local != "" {
			want[i] = local
			taken[graph.Key(local)]++
			continue
		}
		taken[p.Key()]++
	}
	for _, p := range org.People {
		for _, refs := range [][]graph.Ref{p.ReportsTo, p.Dotted} {
			for _, r := range refs {
				if !ids[graph.Key(r.ID)] {
					taken[graph.Key(r.ID)] += 2 // never a new id
				}
			}
		}
	}
	out := make(map[string]string)
	for i, p := range org.People {
		if w := want[i]; w != "" && taken[graph.Key(w)] == 1 {
			out[p.ID] = w
		}
	}
	return out
}

// localPart returns the part before the @ of an e-mail address, or "".
func localPart(id string) string {
	at := strings.LastIndexByte(id, '@')
	if at <= 0 || at == len(id)-1 {
		return ""
	}
	return strings.TrimSpace(id[:at])
}

// Rename gives the entries of org the new ids of renames (by old id, as
// ReadableIDs returns them) and rewrites every reference to them (solid and
// dotted lines, assistants, tops, policy exceptions). An entry renamed
// keeps its old id in fields.source_id unless that field is already set
// (a directory's own object id). References that name no entry are left
// as written.
func Rename(org *graph.Org, renames map[string]string) {
	if len(renames) == 0 {
		return
	}
	byKey := make(map[string]string, len(renames))
	for _, p := range org.People {
		if n, ok := renames[p.ID]; ok {
			byKey[p.Key()] = n
		}
	}
	fix := func(id *string) {
		if n, ok := byKey[graph.Key(*id)]; ok {
			*id = n
		}
	}
	for _, p := range org.People {
		if n, ok := renames[p.ID]; ok {
			if p.SourceID == "" && p.Fields["source_id"] == "" {
				p.SourceID = p.ID
			}
			p.ID = n
		}
		for i := range p.ReportsTo {
			fix(&p.ReportsTo[i].ID)
		}
		for i := range p.Dotted {
			fix(&p.Dotted[i].ID)
		}
		if p.AssistantTo != nil {
			fix(&p.AssistantTo.ID)
		}
	}
	for i := range org.Tops {
		fix(&org.Tops[i].ID)
	}
	if org.Policy != nil {
		for i := range org.Policy.Exceptions {
			fix(&org.Policy.Exceptions[i].ID)
		}
	}
}
