package load

import (
	"bytes"
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	ldap "github.com/go-ldap/ldap/v3"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// loadLDIF reads person entries from LDIF (RFC 2849), as `ldapsearch -LLL`
// writes them: an optional "version: 1" line, "#" comments, lines folded by
// starting the next line with one space, "attr:: base64" values, records
// separated by blank lines and in any order.
//
// An entry maps to a chart entry unless its objectClass is given and names
// no person class (organizationalUnit and group entries are skipped): uid
// (else mail, sAMAccountName, the first RDN's value) is the id; displayName
// (else cn, else givenName sn) the name; title, department (else ou), mail,
// l (else physicalDeliveryOfficeName) the location; manager, a DN, the solid
// line. DNs compare as RFC 4514 says, parsed by go-ldap: attribute types and
// values case-insensitively, escapes decoded, multi-valued RDNs in any
// order. The entry's DN is kept in fields.source_id.
//
// Positions: an entry is at its dn line, a field at the line of its
// attribute, column of the value (a folded value at its first line).
//
// The LDIF reader is hand-written because no well-kept Go LDIF library
// keeps line numbers (go-ldap/ldif returns entries without positions).
func loadLDIF(name string, data []byte, inf *inferer) (*graph.Org, error) {
	data = bytes.TrimPrefix(data, bom)
	if org, ok := readLDIFParallel(name, data, inf, dirChunks); ok {
		return org, nil
	}
	b := newLDIFBuilder(name, inf, len(data))
	recs := readLDIF(b, data, 0, false)
	if len(recs) == 0 && len(b.errs) == 0 {
		b.errorf(diag.Pos{File: name, Line: 1, Column: 1}, `the LDIF file has no entries: export people with "ldapsearch -LLL -o ldif-wrap=no ... '(objectClass=person)'"`)
	}
	for _, r := range recs {
		b.ldifEntry(r)
	}
	return b.finish()
}

// newLDIFBuilder starts a builder for size bytes of LDIF, whose keys fold
// as ldapKey, remembering the key of every entry's DN.
func newLDIFBuilder(name string, inf *inferer, size int) *dirBuilder {
	keys := make(map[string]string, size/300)
	b := newDirBuilder(name, "ldif", inf, func(s string) string {
		// A manager's DN is mostly another entry's DN as written: its key
		// was made when that entry was read.
		if k, ok := keys[s]; ok {
			return k
		}
		return ldapKey(s)
	}, size/100)
	b.dnKeys = keys
	return b
}

// ldifAttr is one attribute line of an LDIF record, unfolded and decoded.
type ldifAttr struct {
	typ   string // lower case, without options (";lang-en")
	value string
	pos   diag.Pos // the start of the value
}

// ldifRecord is one LDIF record: its dn and attributes.
type ldifRecord struct {
	dn    ldifAttr
	attrs []ldifAttr
	// from and to index the record's attributes in the slab readLDIF
	// keeps them in (one allocation for all records, not a few each).
	from, to int
}

// get returns the first value of attribute typ (lower case) and its
// position, or "" when absent.
func (r *ldifRecord) get(typ string) (string, diag.Pos) {
	for _, a := range r.attrs {
		if a.typ == typ && a.value != "" {
			return a.value, a.pos
		}
	}
	return "", diag.Pos{}
}

// readLDIF splits data into records, reporting malformed lines to b. line
// is the number of lines before data in the file; after says that data
// follows records (a version line is then out of place).
func readLDIF(b *dirBuilder, data []byte, line int, after bool) []*ldifRecord {
	var (
		recs  []*ldifRecord
		cur   *ldifRecord
		attrs = make([]ldifAttr, 0, len(data)/28) // about one a line
		// the logical line being unfolded: its text and where it starts
		text    []byte
		textPos diag.Pos
		inText  bool
		comment bool // the physical line before was a comment
	)
	flush := func() {
		if !inText {
			return
		}
		inText = false
		a, ok := parseLDIFLine(b, text, textPos)
		if !ok {
			return
		}
		switch {
		case cur == nil && a.typ == "version" && len(recs) == 0 && !after:
			if a.value != "1" {
				b.errorf(a.pos, "unsupported LDIF version "+diag.Excerpt(a.value)+": write \"version: 1\"")
			}
		case cur == nil && a.typ == "dn":
			cur = &ldifRecord{dn: a, from: len(attrs), to: len(attrs)}
			recs = append(recs, cur)
		case cur == nil:
			b.errorf(textPos, "an LDIF record must start with a \"dn:\" line, not "+diag.Excerpt(a.typ+":"))
			cur = &ldifRecord{from: len(attrs), to: len(attrs)} // skip the rest of the record
		default:
			attrs = append(attrs, a)
			cur.to = len(attrs)
		}
	}
	for len(data) > 0 {
		line++
		raw := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		raw = bytes.TrimSuffix(raw, []byte{'\r'})
		switch {
		case len(raw) > 0 && raw[0] == ' ': // a continuation
			if comment {
				continue
			}
			if !inText {
				b.errorf(diag.Pos{File: b.name, Line: line, Column: 1}, "a line starting with a space continues the line before, but there is none: remove the space")
				continue
			}
			text = append(text, raw[1:]...)
		case len(raw) > 0 && raw[0] == '#':
			flush()
			comment = true
		case len(bytes.TrimSpace(raw)) == 0:
			flush()
			comment = false
			if cur != nil {
				cur = nil
			}
		default:
			flush()
			comment = false
			text = append(text[:0], raw...)
			textPos = diag.Pos{File: b.name, Line: line, Column: 1}
			inText = true
		}
	}
	flush()
	// Records without a dn (after an error) are dropped.
	for _, r := range recs {
		r.attrs = attrs[r.from:r.to:r.to]
	}
	return slices.DeleteFunc(recs, func(r *ldifRecord) bool { return r.dn.value == "" && r.dn.typ == "" })
}

// parseLDIFLine splits "type: value", "type:: base64" or "type:< url".
func parseLDIFLine(b *dirBuilder, text []byte, pos diag.Pos) (ldifAttr, bool) {
	i := bytes.IndexByte(text, ':')
	if i <= 0 {
		b.errorf(pos, `invalid LDIF line: write "attribute: value" (or "attribute:: base64"), and start continuation lines with one space`)
		return ldifAttr{}, false
	}
	typ, ok := b.types[string(text[:i])]
	if !ok {
		typ = strings.ToLower(strings.TrimSpace(string(text[:i])))
		if j := strings.IndexByte(typ, ';'); j >= 0 {
			typ = typ[:j] // attribute options such as ;lang-en or ;binary
		}
		if b.types == nil {
			b.types = make(map[string]string)
		}
		b.types[string(text[:i])] = typ
	}
	rest := text[i+1:]
	a := ldifAttr{typ: typ}
	switch {
	case len(rest) > 0 && rest[0] == ':':
		rest = bytes.TrimLeft(rest[1:], " ")
		a.pos = pos
		a.pos.Column = utf8.RuneCount(text[:len(text)-len(rest)]) + 1
		v, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(rest)))
		if err != nil {
			b.errorf(a.pos, "invalid base64 value of "+diag.Excerpt(typ)+": "+err.Error())
			return ldifAttr{}, false
		}
		a.value = strings.TrimSpace(strings.ToValidUTF8(string(v), "\uFFFD"))
	case len(rest) > 0 && rest[0] == '<':
		// A value by URL (file:///...): never fetched; the attribute is
		// taken as absent.
		return ldifAttr{typ: typ, pos: pos}, true
	default:
		rest = bytes.TrimLeft(rest, " ")
		a.pos = pos
		a.pos.Column = utf8.RuneCount(text[:len(text)-len(rest)]) + 1
		if utf8.Valid(rest) {
			a.value = string(bytes.TrimSpace(rest))
		} else {
			a.value = strings.TrimSpace(strings.ToValidUTF8(string(rest), "\uFFFD"))
		}
	}
	return a, true
}

// personClasses are the objectClass values (lower case) of people.
var personClasses = map[string]bool{
	"person": true, "organizationalperson": true, "inetorgperson": true, "user": true,
	"posixaccount": true, "residentialperson": true, "shadowaccount": false,
}

// ldifUsed are the attribute types ldifEntry reads (lower case).
var ldifUsed = []string{"uid", "mail", "samaccountname", "displayname", "cn", "givenname", "sn", "title", "department",
	"departmentnumber", "ou", "l", "physicaldeliveryofficename", "manager", "objectclass", "changetype"}

// ldifEntry adds the entry of one record, if it is a person.
func (b *dirBuilder) ldifEntry(r *ldifRecord) {
	classes, person := 0, false
	for _, a := range r.attrs {
		if a.typ == "objectclass" {
			classes++
			person = person || personClasses[strings.ToLower(a.value)]
		}
	}
	if classes > 0 && !person {
		return
	}
	if v, _ := r.get("changetype"); v != "" && !strings.EqualFold(v, "add") {
		return // a modify or delete record describes a change, not an entry
	}
	key, first, err := parseDN(r.dn.value)
	if err != nil {
		b.errorf(r.dn.pos, "invalid DN "+diag.Excerpt(r.dn.value)+err.Error()+`: write it as RFC 4514 says, such as "uid=dana,ou=people,dc=example,dc=com"`)
		return
	}
	b.dnKeys[r.dn.value] = key
	p := b.person(diag.Pos{File: b.name, Line: r.dn.pos.Line, Column: 1})
	set := func(field string, dst *string, attrs ...string) string {
		for _, t := range attrs {
			if v, pos := r.get(t); v != "" {
				return b.set(p, field, dst, v, pos)
			}
		}
		return ""
	}
	if set("id", &p.ID, "uid", "mail", "samaccountname") == "" {
		b.set(p, "id", &p.ID, first, r.dn.pos)
	}
	if p.ID == "" {
		b.errorf(r.dn.pos, "entry has no uid, mail or RDN value to use as its id")
		return
	}
	if set("name", &p.Name, "displayname", "cn") == "" {
		given, gpos := r.get("givenname")
		sn, _ := r.get("sn")
		b.set(p, "name", &p.Name, joinName(given, sn), gpos)
	}
	set("title", &p.Title, "title")
	set("department", &p.Department, "department", "departmentnumber", "ou")
	mail := set("email", &p.Email, "mail")
	set("location", &p.Location, "l", "physicaldeliveryofficename")
	if v, pos := r.get("manager"); v != "" {
		p.ReportsTo = b.manager(v, pos)
	}
	for _, a := range r.attrs {
		b.ignoreAttr("", a.typ, ldifUsed, a.pos)
	}
	uid, _ := r.get("uid")
	b.add(p, p.At("title"), r.dn.value, uid, mail)
}

// ldapKey folds a DN for matching as RFC 4514 and RFC 4517
// (distinguishedNameMatch with caseIgnoreMatch values) compare them:
// attribute types and values case-insensitively, insignificant spaces
// dropped, the attributes of a multi-valued RDN in any order. A string that
// is not a DN (a uid, an e-mail address) folds as graph.Key.
func ldapKey(s string) string {
	if strings.IndexByte(s, '=') < 0 {
		return graph.Key(s)
	}
	k, _, err := parseDN(s)
	if err != nil {
		return graph.Key(s)
	}
	return k
}

// parseDN parses a DN once: its key (see ldapKey) and the value of its
// first RDN's first attribute, or an error (": why", or "" when the DN is
// empty). A plain DN (attribute types of letters, digits and '-', values
// of letters, digits and ".-_@", no spaces, escapes or multi-valued RDNs,
// as directories mostly write them) is split here, four times faster than
// go-ldap's ParseDN, which reads every other DN (FuzzParseDN checks both
// agree on plain ones).
func parseDN(s string) (key, first string, err error) {
	if k, f, ok := plainDN(s); ok {
		return k, f, nil
	}
	dn, perr := ldap.ParseDN(s)
	if perr != nil {
		return "", "", errors.New(": " + perr.Error())
	}
	if len(dn.RDNs) == 0 {
		return "", "", errors.New("")
	}
	return dnKey(dn), dn.RDNs[0].Attributes[0].Value, nil
}

// dnKey is the key of a parsed DN (see ldapKey).
func dnKey(dn *ldap.DN) string {
	var k strings.Builder
	for i, rdn := range dn.RDNs {
		if i > 0 {
			k.WriteByte(0)
		}
		parts := make([]string, len(rdn.Attributes))
		for j, a := range rdn.Attributes {
			parts[j] = strings.ToLower(strings.TrimSpace(a.Type)) + "=" + strings.ToLower(strings.Join(strings.Fields(a.Value), " "))
		}
		slices.Sort(parts)
		k.WriteString(strings.Join(parts, "\x01"))
	}
	return "dn:" + k.String()
}

// plainDN splits a plain DN (see parseDN) into its key and first value;
// ok is false when s is not plain.
func plainDN(s string) (key, first string, ok bool) {
	var k []byte
	for i, rdn := 0, s; ; i++ {
		part := rdn
		if j := strings.IndexByte(rdn, ','); j >= 0 {
			part, rdn = rdn[:j], rdn[j+1:]
		} else {
			rdn = ""
		}
		eq := strings.IndexByte(part, '=')
		if eq <= 0 || eq == len(part)-1 || !plainType(part[:eq]) || !plainValue(part[eq+1:]) {
			return "", "", false
		}
		if i == 0 {
			k = make([]byte, 0, len(s)+3)
			k = append(k, "dn:"...)
			first = part[eq+1:]
		} else {
			k = append(k, 0)
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			k = append(k, c)
		}
		if rdn == "" {
			if s[len(s)-1] == ',' { // an empty last RDN
				return "", "", false
			}
			return string(k), first, true
		}
	}
}

// plainType reports whether t is a descriptor: a letter, then letters,
// digits and '-'.
func plainType(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && ('0' <= c && c <= '9' || c == '-')) {
			return false
		}
	}
	return true
}

// plainValue reports whether v holds only letters, digits and ".-_@".
func plainValue(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == '_' || c == '@') {
			return false
		}
	}
	return true
}
