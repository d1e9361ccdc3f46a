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
	if readLDIF(b, data, 0, false, b.ldifEntry) == 0 && len(b.errs) == 0 {
		b.errorf(diag.Pos{File: name, Line: 1, Column: 1}, `the LDIF file has no entries: export people with "ldapsearch -LLL -o ldif-wrap=no ... '(objectClass=person)'"`)
	}
	return b.finish()
}

// newLDIFBuilder starts a builder for size bytes of LDIF, whose keys fold
// as ldapKey, remembering the key of every entry's DN.
func newLDIFBuilder(name string, inf *inferer, size int) *dirBuilder {
	keys := make(map[string]string, size/300)
	b := newDirBuilder(name, "ldif", inf, func(s string) string {
		if strings.IndexByte(s, '=') < 0 {
			return graph.Key(s) // a uid or an e-mail address (see ldapKey)
		}
		// A manager's DN is mostly another entry's DN as written: its key
		// was made when that entry was read.
		if k, ok := keys[s]; ok {
			return k
		}
		return ldapKey(s)
	}, size)
	b.dnKeys = keys
	return b
}

// ldifAttr is one attribute line of an LDIF record, unfolded and decoded.
type ldifAttr struct {
	typ  string // lower case, without options (";lang-en")
	used int    // its index in ldifUsed, -1 when ldifEntry does not read it
	// value is the value, trimmed: a slice of the export, or of the
	// reader's scratch when it was folded or encoded, valid while its
	// record is handed on. It is made a string only when kept (b.str).
	value []byte
	pos   diag.Pos // the start of the value
}

// ldifRecord is one LDIF record: its dn and attributes.
type ldifRecord struct {
	dn    ldifAttr
	attrs []ldifAttr
}

// readLDIF reads the records of data, reporting malformed lines to b, and
// hands each record with a dn to each as it ends; it returns their number.
// The record and its values are the reader's, reused for the next record:
// a 100k-entry export is read without keeping its million attribute lines.
// line is the number of lines before data in the file; after says that
// data follows records (a version line is then out of place).
func readLDIF(b *dirBuilder, data []byte, line int, after bool, each func(*ldifRecord)) int {
	var (
		n       int
		rec     ldifRecord
		inRec   bool // a record is being read (rec.dn set, or skipped after an error)
		scratch []byte
		// the logical line being unfolded: its text (a slice of data,
		// or of scratch from textAt once a continuation is added) and
		// where it starts
		text    []byte
		textAt  int
		folded  bool
		textPos diag.Pos
		inText  bool
		comment bool // the physical line before was a comment
	)
	end := func() {
		if inRec && rec.dn.typ != "" {
			each(&rec)
			n++
		}
		inRec = false
		rec = ldifRecord{attrs: rec.attrs[:0]}
		scratch = scratch[:0]
	}
	flush := func() {
		if !inText {
			return
		}
		inText = false
		a, ok := parseLDIFLine(b, text, textPos, &scratch)
		if !ok {
			return
		}
		switch {
		case !inRec && a.typ == "version" && n == 0 && !after:
			if string(a.value) != "1" {
				b.errorf(a.pos, "unsupported LDIF version "+diag.Excerpt(string(a.value))+": write \"version: 1\"")
			}
		case !inRec && a.typ == "dn":
			rec.dn, inRec = a, true
		case !inRec:
			b.errorf(textPos, "an LDIF record must start with a \"dn:\" line, not "+diag.Excerpt(a.typ+":"))
			inRec = true // skip the rest of the record
		default:
			rec.attrs = append(rec.attrs, a)
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
			if !folded {
				textAt, folded = len(scratch), true
				scratch = append(scratch, text...)
			}
			scratch = append(scratch, raw[1:]...)
			text = scratch[textAt:]
		case len(raw) > 0 && raw[0] == '#':
			flush()
			comment = true
		case len(bytes.TrimSpace(raw)) == 0:
			flush()
			comment = false
			end()
		default:
			flush()
			comment = false
			text, folded = raw, false
			textPos = diag.Pos{File: b.name, Line: line, Column: 1}
			inText = true
		}
	}
	flush()
	end()
	return n
}

// parseLDIFLine splits "type: value", "type:: base64" or "type:< url". A
// value that must be decoded or repaired is written to *scratch.
func parseLDIFLine(b *dirBuilder, text []byte, pos diag.Pos, scratch *[]byte) (ldifAttr, bool) {
	i := bytes.IndexByte(text, ':')
	if i <= 0 {
		b.errorf(pos, `invalid LDIF line: write "attribute: value" (or "attribute:: base64"), and start continuation lines with one space`)
		return ldifAttr{}, false
	}
	t := b.types.lookup(text[:i])
	typ := t.typ
	rest := text[i+1:]
	a := ldifAttr{typ: typ, used: t.used}
	switch {
	case len(rest) > 0 && rest[0] == ':':
		rest = bytes.TrimLeft(rest[1:], " ")
		a.pos = pos
		a.pos.Column = utf8.RuneCount(text[:len(text)-len(rest)]) + 1
		at := len(*scratch)
		v, err := base64.StdEncoding.AppendDecode(*scratch, bytes.TrimSpace(rest))
		if err != nil {
			b.errorf(a.pos, "invalid base64 value of "+diag.Excerpt(typ)+": "+err.Error())
			return ldifAttr{}, false
		}
		*scratch = v
		a.value = validValue(v[at:], scratch)
	case len(rest) > 0 && rest[0] == '<':
		// A value by URL (file:///...): never fetched; the attribute is
		// taken as absent.
		return ldifAttr{typ: typ, used: t.used, pos: pos}, true
	default:
		rest = bytes.TrimLeft(rest, " ")
		a.pos = pos
		a.pos.Column = utf8.RuneCount(text[:len(text)-len(rest)]) + 1
		a.value = validValue(rest, scratch)
	}
	return a, true
}

// validValue returns v trimmed, with invalid UTF-8 replaced by U+FFFD
// (written to *scratch).
func validValue(v []byte, scratch *[]byte) []byte {
	if !utf8.Valid(v) {
		at := len(*scratch)
		*scratch = append(*scratch, bytes.ToValidUTF8(v, []byte("\uFFFD"))...)
		v = (*scratch)[at:]
	}
	return bytes.TrimSpace(v)
}

// personClasses are the objectClass values (lower case) of people.
var personClasses = map[string]bool{
	"person": true, "organizationalperson": true, "inetorgperson": true, "user": true,
	"posixaccount": true, "residentialperson": true, "shadowaccount": false,
}

// personClass reports whether objectClass value v names a person class.
func personClass(v []byte) bool {
	var buf [32]byte
	if len(v) > len(buf) {
		return false // no person class is that long
	}
	for i, c := range v {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return personClasses[string(buf[:len(v)])]
}

// ldifTypes interns the attribute types of an LDIF export as written.
// Records mostly list the same attributes in the same order, so the type
// that followed the type of the line before is tried first, then a map:
// map lookups, one a line, were among the larger costs of reading a
// 100k-entry export in a profile.
type ldifTypes struct {
	list  []ldifType
	index map[string]int // by raw, to 1 + the index in list
	last  int            // 1 + the index of the type of the line before; 0 for none
}

// ldifType is an attribute type as written (raw), lower-cased without
// options (typ), its index in ldifUsed (or -1) and 1 + the index of the
// type that followed it last (0 for none).
type ldifType struct {
	raw, typ   string
	used, next int
}

// lookup returns the type of an attribute written as raw, valid until the
// next lookup.
func (t *ldifTypes) lookup(raw []byte) *ldifType {
	if t.last > 0 {
		if n := t.list[t.last-1].next; n > 0 && string(raw) == t.list[n-1].raw {
			t.last = n
			return &t.list[n-1]
		}
	}
	i, ok := t.index[string(raw)]
	if !ok {
		typ := strings.ToLower(strings.TrimSpace(string(raw)))
		if j := strings.IndexByte(typ, ';'); j >= 0 {
			typ = typ[:j] // attribute options such as ;lang-en or ;binary
		}
		t.list = append(t.list, ldifType{raw: string(raw), typ: typ, used: slices.Index(ldifUsed[:], typ)})
		i = len(t.list)
		if t.index == nil {
			t.index = make(map[string]int)
		}
		t.index[string(raw)] = i
	}
	if t.last > 0 {
		t.list[t.last-1].next = i
	}
	t.last = i
	return &t.list[i-1]
}

// The attributes ldifEntry reads, by their index in ldifUsed.
const (
	ldifUID = iota
	ldifMail
	ldifSAMAccountName
	ldifDisplayName
	ldifCN
	ldifGivenName
	ldifSN
	ldifTitle
	ldifDepartment
	ldifDepartmentNumber
	ldifOU
	ldifL
	ldifOffice
	ldifManager
	ldifObjectClass
	ldifChangeType
	ldifUsedCount
)

// ldifUsed are the attribute types ldifEntry reads (lower case).
var ldifUsed = [ldifUsedCount]string{"uid", "mail", "samaccountname", "displayname", "cn", "givenname", "sn", "title", "department",
	"departmentnumber", "ou", "l", "physicaldeliveryofficename", "manager", "objectclass", "changetype"}

// ldifEntry adds the entry of one record, if it is a person.
func (b *dirBuilder) ldifEntry(r *ldifRecord) {
	// The first value of each attribute read, in one pass.
	var pick [ldifUsedCount]*ldifAttr
	classes, person := 0, false
	for i := range r.attrs {
		a := &r.attrs[i]
		switch {
		case a.used == ldifObjectClass:
			classes++
			person = person || personClass(a.value)
		case a.used >= 0 && pick[a.used] == nil && len(a.value) > 0:
			pick[a.used] = a
		}
	}
	get := func(t int) ([]byte, diag.Pos) {
		if a := pick[t]; a != nil {
			return a.value, a.pos
		}
		return nil, diag.Pos{}
	}
	if classes > 0 && !person {
		return
	}
	if v, _ := get(ldifChangeType); v != nil && !bytes.EqualFold(v, []byte("add")) {
		return // a modify or delete record describes a change, not an entry
	}
	dn := b.str(r.dn.value)
	key, first, err := parseDN(dn)
	if err != nil {
		b.errorf(r.dn.pos, "invalid DN "+diag.Excerpt(dn)+err.Error()+`: write it as RFC 4514 says, such as "uid=dana,ou=people,dc=example,dc=com"`)
		return
	}
	b.dnKeys[dn] = key
	p := b.person(diag.Pos{File: b.name, Line: r.dn.pos.Line, Column: 1})
	set := func(field string, dst *string, attrs ...int) string {
		for _, t := range attrs {
			if v, pos := get(t); v != nil {
				return b.set(p, field, dst, b.str(v), pos)
			}
		}
		return ""
	}
	if set("id", &p.ID, ldifUID, ldifMail, ldifSAMAccountName) == "" {
		b.set(p, "id", &p.ID, first, r.dn.pos)
	}
	if p.ID == "" {
		b.errorf(r.dn.pos, "entry has no uid, mail or RDN value to use as its id")
		return
	}
	if set("name", &p.Name, ldifDisplayName, ldifCN) == "" {
		given, gpos := get(ldifGivenName)
		sn, _ := get(ldifSN)
		b.set(p, "name", &p.Name, joinName(string(given), string(sn)), gpos)
	}
	set("title", &p.Title, ldifTitle)
	set("department", &p.Department, ldifDepartment, ldifDepartmentNumber, ldifOU)
	mail := set("email", &p.Email, ldifMail)
	set("location", &p.Location, ldifL, ldifOffice)
	if v, pos := get(ldifManager); v != nil {
		p.ReportsTo = b.manager(b.str(v), pos)
	}
	for _, a := range r.attrs {
		if a.used < 0 {
			b.ignoreAttr("", a.typ, ldifUsed[:], a.pos)
		}
	}
	uid := p.ID // the id is the uid when there is one
	if v, _ := get(ldifUID); string(v) != uid {
		uid = b.str(v)
	}
	b.add(p, dn, uid, mail)
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
