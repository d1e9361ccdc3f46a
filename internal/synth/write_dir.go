package synth

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/orgchart/orgchart/graph"
)

// entraID is the Graph object id WriteEntra gives entry i: a GUID, as
// Microsoft Graph writes them, so that managers resolve by object id.
func entraID(i int) string {
	return fmt.Sprintf("8f1c2a10-%04x-4c1e-9b1a-%012x", i&0xffff, i)
}

// WriteEntra writes org as Microsoft Graph returns it for
// GET /users?$expand=manager($select=id,displayName): one response
// {"@odata.context", "value": [...]} whose users have an object id, the
// e-mail as userPrincipalName and mail, displayName, jobTitle, department,
// and the first solid-line manager as an expanded
// {"@odata.type", "id", "displayName"}. Graph has no dotted lines,
// vacancies or second managers: those are not written. Users are written
// one per line, JSON-encoded by encoding/json (so names are escaped as
// Graph escapes them).
func WriteEntra(w io.Writer, org *graph.Org) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	index := make(map[string]int, len(org.People))
	for i, p := range org.People {
		index[p.ID] = i
	}
	type manager struct {
		Type        string `json:"@odata.type"`
		ID          string `json:"id"`
		DisplayName string `json:"displayName"`
	}
	type user struct {
		ID                string   `json:"id"`
		DisplayName       string   `json:"displayName"`
		JobTitle          *string  `json:"jobTitle"`
		Department        *string  `json:"department"`
		Mail              string   `json:"mail"`
		UserPrincipalName string   `json:"userPrincipalName"`
		BusinessPhones    []string `json:"businessPhones"`
		Manager           *manager `json:"manager,omitempty"`
	}
	bw.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,jobTitle,department,mail,userPrincipalName,businessPhones,manager(id,displayName))","value":[` + "\n")
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	for i, p := range org.People {
		u := user{ID: entraID(i), DisplayName: p.Name, JobTitle: opt(p.Title), Department: opt(p.Department),
			Mail: address(p), UserPrincipalName: address(p), BusinessPhones: []string{}}
		if u.DisplayName == "" {
			u.DisplayName = p.ID
		}
		if len(p.ReportsTo) > 0 {
			if j, ok := index[p.ReportsTo[0].ID]; ok {
				u.Manager = &manager{Type: "#microsoft.graph.user", ID: entraID(j), DisplayName: org.People[j].Name}
			}
		}
		b, err := json.Marshal(u)
		if err != nil {
			return fmt.Errorf("write entra: %w", err)
		}
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.Write(b)
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write entra: %w", err)
	}
	return nil
}

// ldifDN is the DN WriteLDIF gives an entry.
func ldifDN(id string) string { return "uid=" + id + ",ou=people,dc=example,dc=com" }

// WriteLDIF writes org as `ldapsearch -LLL` writes inetOrgPerson entries:
// a version line, one record per entry (dn, objectClass, uid, cn, title,
// departmentNumber, mail, manager as a DN), values that are not plain
// ASCII written base64 ("cn:: ..."), lines folded at 76 bytes. Dotted
// lines, vacancies and second managers have no LDAP attribute and are not
// written.
func WriteLDIF(w io.Writer, org *graph.Org) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("version: 1\n")
	for _, p := range org.People {
		bw.WriteString("\n")
		ldifAttr(bw, "dn", ldifDN(p.ID))
		bw.WriteString("objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: inetOrgPerson\n")
		ldifAttr(bw, "uid", p.ID)
		name := p.Name
		if name == "" {
			name = p.ID
		}
		ldifAttr(bw, "cn", name)
		ldifAttr(bw, "title", p.Title)
		ldifAttr(bw, "departmentNumber", p.Department)
		ldifAttr(bw, "mail", address(p))
		if len(p.ReportsTo) > 0 {
			ldifAttr(bw, "manager", ldifDN(p.ReportsTo[0].ID))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write ldif: %w", err)
	}
	return nil
}

// ldifAttr writes "typ: value", or "typ:: base64" for a value RFC 2849
// does not allow plain (not ASCII, or starting with a space, ':' or '<'),
// folded at 76 bytes; an empty value is not written.
func ldifAttr(bw *bufio.Writer, typ, value string) {
	if value == "" {
		return
	}
	line := typ + ": " + value
	if !ldifSafe(value) {
		line = typ + ":: " + base64.StdEncoding.EncodeToString([]byte(value))
	}
	// The first line holds 76 bytes, each continuation a space and 75.
	n := min(len(line), 76)
	bw.WriteString(line[:n])
	for line = line[n:]; line != ""; line = line[n:] {
		n = min(len(line), 75)
		bw.WriteString("\n ")
		bw.WriteString(line[:n])
	}
	bw.WriteByte('\n')
}

// ldifSafe reports whether v may be written as a plain LDIF value.
func ldifSafe(v string) bool {
	if v[0] == ' ' || v[0] == ':' || v[0] == '<' || v[len(v)-1] == ' ' {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] >= utf8.RuneSelf || v[i] == '\n' || v[i] == '\r' || v[i] == 0 {
			return false
		}
	}
	return true
}

// address is p's e-mail address, or one made from its id.
func address(p *graph.Person) string {
	if p.Email != "" {
		return p.Email
	}
	return p.ID + "@example.com"
}
