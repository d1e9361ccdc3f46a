package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// structure summarises a chart one line per entry: "id <- manager
// [ROLES] (name; title; department)", dotted lines as "~type> id".
func structure(org *graph.Org) []string {
	var out []string
	for _, p := range org.People {
		s := p.ID
		for _, r := range p.ReportsTo {
			s += " <- " + r.ID
		}
		for _, r := range p.Dotted {
			s += " ~" + r.Type + "> " + r.ID
		}
		for _, r := range p.Roles {
			s += " [" + r.Code + "]"
		}
		s += " (" + p.Name + "; " + p.Title + "; " + p.Department + ")"
		out = append(out, s)
	}
	return out
}

// loadFixture loads testdata/dir/name with format detection.
func loadFixture(t *testing.T, name string, opts Options) *graph.Org {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "dir", name))
	if err != nil {
		t.Fatal(err)
	}
	org, err := Chart(name, data, opts)
	if err != nil {
		t.Fatalf("Chart(%s) = %v", name, err)
	}
	return org
}

// contosoLines is the shape of every directory fixture: the same twelve
// people, the CISO under the CIO. Each %s is replaced by the id of the
// person whose first name follows.
var contosoLines = []string{
	"avery [CEO] (Avery Chen; Chief Executive Officer; Executive)",
	"blake <- avery [CIO] (Blake Ortiz; Chief Information Officer; IT)",
	"dana <- blake [CISO] (Dana Reyes; Chief Information Security Officer; Security)",
	"erin <- avery [CFO] (Erin Walsh; Chief Financial Officer; Finance)",
	"frank <- avery [GC] (Frank Osei; General Counsel; Legal)",
	"gwen <- blake (Gwen Patel; VP Engineering; Engineering)",
	"hugo <- dana (Hugo Lind; Security Engineer; Security)",
	"iris <- dana (Iris Novak; Security Analyst; Security)",
	"jon <- gwen (Jon Park; Platform Engineer; Engineering)",
	"kim <- erin (Kim Ruiz; Senior Accountant; Finance)",
	"lee <- frank (Lee Moss; Paralegal; Legal)",
	"mia <- blake (Mia Stone; IT Support Specialist; IT)",
}

// contoso returns contosoLines with each first-name id written as id(name).
func contoso(id func(first string) string, edit func(lines []string)) []string {
	lines := append([]string(nil), contosoLines...)
	for i, l := range lines {
		var b strings.Builder
		for j, w := range strings.Split(l, " ") {
			if j > 0 {
				b.WriteByte(' ')
			}
			if w != "" && w[0] >= 'a' && w[0] <= 'z' && !strings.ContainsAny(w, "();") {
				w = id(w)
			}
			b.WriteString(w)
		}
		lines[i] = b.String()
	}
	if edit != nil {
		edit(lines)
	}
	return lines
}

func TestDirectoryFixtures(t *testing.T) {
	for _, tc := range []struct {
		file, format string
		want         []string
	}{
		{"entra.json", "entra", contoso(func(n string) string {
			return map[string]string{"avery": "avery.chen", "blake": "blake.ortiz", "dana": "dana.reyes", "erin": "erin.walsh",
				"frank": "frank.osei", "gwen": "gwen.patel", "hugo": "hugo.lind", "iris": "iris.novak", "jon": "jon.park",
				"kim": "kim.ruiz", "lee": "lee.moss", "mia": "mia.stone"}[n] + "@contoso.com"
		}, nil)},
		{"google.json", "google", contoso(func(n string) string { return n + "@example.org" }, func(l []string) {
			// The manager's e-mail is written "Avery@Example.org"; the
			// CISO has a dotted line to the CEO.
			l[1] = strings.Replace(l[1], "<- avery@example.org", "<- Avery@Example.org", 1)
			l[2] = strings.Replace(l[2], " [CISO]", " ~dotted_line_manager> avery@example.org [CISO]", 1)
		})},
		{"okta.json", "okta", contoso(func(n string) string { return n + "@example.com" }, func(l []string) {
			l[2] = strings.Replace(l[2], "<- blake@example.com", "<- BLAKE@example.com", 1) // as written: the id matches case-insensitively
		})},
		{"scim.json", "scim", contoso(func(n string) string { return n + "@example.com" }, nil)},
		{"people.ldif", "ldif", contoso(func(n string) string { return n }, func(l []string) {
			// The CISO's record comes first; Iris is Zoë, with a base64 name.
			l[0], l[1], l[2] = l[2], l[0], l[1]
			l[7] = "zoe <- dana (Zoë Ångström; Security Analyst; Security)"
		})},
		{"workday.csv", "csv", contoso(func(n string) string {
			return map[string]string{"avery": "avery.chen", "blake": "blake.ortiz", "dana": "dana.reyes", "erin": "erin.walsh",
				"frank": "frank.osei", "gwen": "gwen.patel", "hugo": "hugo.lind", "iris": "iris.novak", "jon": "jon.park",
				"kim": "kim.ruiz", "lee": "lee.moss", "mia": "mia.stone"}[n] + "@contoso.com"
		}, func(l []string) {
			l[1] = strings.Replace(l[1], "; IT)", "; Information Technology)", 1)
			l[11] = strings.Replace(l[11], "; IT)", "; Information Technology)", 1)
		})},
	} {
		t.Run(tc.file, func(t *testing.T) {
			org := loadFixture(t, tc.file, Options{})
			if org.Format != tc.format {
				t.Errorf("Format = %q, want %q", org.Format, tc.format)
			}
			if diff := cmp.Diff(tc.want, structure(org)); diff != "" {
				t.Errorf("structure (-want +got):\n%s", diff)
			}
			if len(org.Diagnostics) != 0 {
				t.Errorf("diagnostics: %v (directory attributes must be ignored silently)", org.Diagnostics)
			}
			// Forcing the format gives the same chart.
			forced := loadFixture(t, tc.file, Options{Format: tc.format})
			if diff := cmp.Diff(structure(org), structure(forced)); diff != "" {
				t.Errorf("forced format differs:\n%s", diff)
			}
		})
	}
}

// TestDirectoryPositions checks the positions of entries, fields and
// manager references, which the rules report at.
func TestDirectoryPositions(t *testing.T) {
	lp := func(f string, l, c int) diag.Pos { return diag.Pos{File: f, Line: l, Column: c} }
	for _, tc := range []struct {
		file                    string
		index                   int
		pos, ref, title, srcPos diag.Pos
		sourceID                string
	}{
		{file: "entra.json", index: 2, pos: lp("entra.json", 27, 5), ref: lp("entra.json", 35, 65), title: lp("entra.json", 30, 19),
			srcPos: lp("entra.json", 33, 28), sourceID: "8f1c2a10-0003-4c1e-9b1a-000000000003"},
		{file: "google.json", index: 2, pos: lp("google.json", 13, 5), ref: lp("google.json", 16, 30), title: lp("google.json", 15, 34),
			srcPos: lp("google.json", 13, 85), sourceID: "100000000000000000003"},
		{file: "okta.json", index: 2, pos: lp("okta.json", 9, 3), ref: lp("okta.json", 11, 102), title: lp("okta.json", 11, 25),
			srcPos: lp("okta.json", 10, 96), sourceID: "00u3dana"},
		{file: "scim.json", index: 2, pos: lp("scim.json", 20, 5), ref: lp("scim.json", 25, 29), title: lp("scim.json", 23, 15),
			srcPos: lp("scim.json", 21, 41), sourceID: "2819c223-0003"},
		// LDIF: the dn line, the value's column; a folded title at its first line.
		{file: "people.ldif", index: 0, pos: lp("people.ldif", 11, 1), ref: lp("people.ldif", 19, 10), title: lp("people.ldif", 16, 8),
			srcPos: lp("people.ldif", 14, 6), sourceID: "uid=dana,ou=people,dc=example,dc=com"},
		{file: "people.ldif", index: 2, pos: lp("people.ldif", 30, 1), ref: lp("people.ldif", 38, 10), title: lp("people.ldif", 34, 8),
			srcPos: lp("people.ldif", 32, 6), sourceID: "uid=blake,ou=people,dc=example,dc=com"},
	} {
		t.Run(fmt.Sprintf("%s/%d", tc.file, tc.index), func(t *testing.T) {
			p := loadFixture(t, tc.file, Options{}).People[tc.index]
			got := []diag.Pos{p.Pos, p.ReportsTo[0].Pos, p.At("title"), p.At("id")}
			want := []diag.Pos{tc.pos, tc.ref, tc.title, tc.srcPos}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("entry, manager, title, id positions (-want +got):\n%s", diff)
			}
			if p.SourceID != tc.sourceID {
				t.Errorf("source_id = %q, want %q", p.SourceID, tc.sourceID)
			}
		})
	}
}

func TestOktaDeprovisioned(t *testing.T) {
	org := loadFixture(t, "okta.json", Options{})
	want := []diag.Related{{Pos: diag.Pos{File: "okta.json", Line: 39, Column: 3}, Message: `deprovisioned user "nell@example.com" left out`}}
	if diff := cmp.Diff(want, org.Notes); diff != "" {
		t.Errorf("Notes (-want +got):\n%s", diff)
	}
	for _, p := range org.People {
		if p.ID == "nell@example.com" {
			t.Errorf("deprovisioned user loaded: %+v", p)
		}
	}
}

func TestDetectDirectoryFormats(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"-", `{"@odata.context": "x", "value": []}`, "entra"},
		{"-", `[{"id": "1", "userPrincipalName": "a@b"}]`, "entra"},
		{"-", `[{"@odata.context": "x", "value": [{"id": "1"}]}, {"value": []}]`, "entra"},
		{"users.json", `{"kind": "admin#directory#users", "users": []}`, "google"},
		{"-", `{"users": [{"primaryEmail": "a@b"}]}`, "google"},
		{"-", `[{"id": "00u1", "status": "ACTIVE", "profile": {"login": "a@b"}}]`, "okta"},
		{"-", `{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": []}`, "scim"},
		{"-", `{"Resources": [{"userName": "a"}]}`, "scim"},
		{"org.json", `{"people": [{"id": "a", "fields": {"profile": "x", "status": "y"}}]}`, "json"},
		{"-", `{"version": 1, "people": []}`, "json"},
		{"org.yaml", `{people: [{id: a}]}`, "yaml"},
		{"-", "version: 1\ndn: uid=a,dc=x\nuid: a\n", "ldif"},
		{"-", "# export\n\ndn: uid=a,dc=x\n", "ldif"},
		{"org.txt", "DN: uid=a,dc=x\n", "ldif"},
		{"-", "version: 1\npeople:\n  - id: a\n", "yaml"},
		{"people.ldif", "", "ldif"},
		{"org.csv", "PK\x03\x04rest", "xlsx"},
		{"-", "PK\x03\x04rest", "xlsx"},
		{"-", "Worker,Manager\nA,\n", "csv"},
	} {
		if got := DetectFormat(tc.name, []byte(tc.data)); got != tc.want {
			t.Errorf("DetectFormat(%q, %q) = %q, want %q", tc.name, tc.data, got, tc.want)
		}
	}
}

// TestDirectoryErrors checks that bad exports get positioned errors that
// say what to do.
func TestDirectoryErrors(t *testing.T) {
	for _, tc := range []struct{ format, data, want string }{
		{"entra", "", `f:1:1: the Entra ID (Microsoft Graph) export is empty`},
		{"entra", `{"value": [{"id": "1"`, `f:1:22: invalid JSON: unexpected end of input`},
		{"entra", `{"value": {"id": "1"}}`, `f:1:11: "value" must be an array of users, not an object`},
		{"entra", `{"@odata.context": "x"}`, `f:1:1: Microsoft Graph response without a "value" array`},
		{"entra", `"users"`, `f:1:1: Microsoft Graph export must be a JSON object or array, not a string`},
		{"entra", "[\n  {\"displayName\": \"A\"}]", `f:2:3: user has no "id", "userPrincipalName" or "mail"`},
		{"entra", "[\n  {\"id\": \"1\", \"manager\": \"2\"}]", `f:2:26: "manager" must be an object`},
		{"entra", "[1]", `f:1:2: each user must be a JSON object, not a number`},
		{"google", `{"users": [{"name": {"fullName": "A"}}]}`, `f:1:12: user has no "primaryEmail" or "id"`},
		{"okta", `{"users": []}`, `f:1:1: an Okta export must be the JSON array List Users returns, not an object`},
		{"okta", `[{"id": "1"}]`, `f:1:2: user has no "profile" object`},
		{"scim", `{"totalResults": 0}`, `f:1:1: SCIM ListResponse response without a "Resources" array`},
		{"ldif", "version: 2\ndn: uid=a,dc=x\n", `f:1:10: unsupported LDIF version "2"`},
		{"ldif", "uid: a\n", `f:1:1: an LDIF record must start with a "dn:" line, not "uid:"`},
		{"ldif", "dn: uid=a,dc=x\nno colon here\n", `f:2:1: invalid LDIF line`},
		{"ldif", "dn: uid=a,dc=x\ncn:: !!!\n", `f:2:6: invalid base64 value of "cn"`},
		{"ldif", " folded\n", `f:1:1: a line starting with a space continues the line before`},
		{"ldif", "dn: not a dn\n", `f:1:5: invalid DN "not a dn"`},
		{"ldif", "# nothing\n", `f:1:1: the LDIF file has no entries`},
	} {
		_, err := Chart("f", []byte(tc.data), Options{Format: tc.format})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Chart(%s, %q) error = %v, want prefix %q", tc.format, tc.data, err, tc.want)
		}
	}
}

// TestDirectoryManagerKeys checks that a manager named by any of the
// directory's keys resolves, and that an unknown one is left for ORG002.
func TestDirectoryManagerKeys(t *testing.T) {
	for _, tc := range []struct {
		format, data string
		want         []string
	}{
		{"okta", `[{"id": "00u1", "profile": {"login": "a@x", "email": "a.alias@x"}},
		  {"id": "00u2", "profile": {"login": "b@x", "managerId": "00u1"}},
		  {"id": "00u3", "profile": {"login": "c@x", "managerId": "A.ALIAS@x"}},
		  {"id": "00u4", "profile": {"login": "d@x", "firstName": "D", "manager": "a@x"}},
		  {"id": "00u5", "profile": {"login": "e@x", "managerId": "00u9"}}]`,
			[]string{"a@x ( ; ; )", "b@x <- a@x ( ; ; )", "c@x <- a@x ( ; ; )", "d@x <- a@x (D; ; )", "e@x <- 00u9 ( ; ; )"}},
		{"entra", `{"value": [{"id": "g1", "mail": "a@x"}, {"id": "g2", "userPrincipalName": "b@x", "manager": {"id": "g1"}},
		  {"id": "g3", "manager": {"id": "g2"}}]}`,
			[]string{"a@x ( ; ; )", "b@x <- a@x ( ; ; )", "g3 <- b@x ( ; ; )"}},
		// No uid: the first RDN's value is the id.
		{"ldif", "dn: CN=Smith\\, Ann+UID=ann,DC=x\nobjectClass: person\ncn: Ann\n\n" +
			"dn: uid=bo,dc=x\nobjectClass: person\nmanager: uid=ANN+cn=smith\\2C ann, dc=X\n\n" +
			"dn: uid=cy,dc=x\nmanager: uid=nobody,dc=x\n",
			[]string{"Smith, Ann (Ann; ; )", "bo <- Smith, Ann ( ; ; )", "cy <- uid=nobody,dc=x ( ; ; )"}},
	} {
		org, err := Chart("f", []byte(tc.data), Options{Format: tc.format})
		if err != nil {
			t.Errorf("%s: %v", tc.format, err)
			continue
		}
		got := structure(org)
		for i := range got {
			got[i] = strings.Replace(got[i], "(; ", "( ; ", 1)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.format, diff)
		}
	}
}

func TestLDAPKey(t *testing.T) {
	same := [][2]string{
		{"uid=a,ou=People,dc=Example,dc=com", "UID=A, OU=people , DC=example,DC=COM"},
		{"cn=A+uid=b,dc=x", "uid=B+cn=a,dc=x"},
		{`cn=Smith\, Ann,dc=x`, `cn=smith\2c ann,dc=x`},
		{"cn=Ann  Lee,dc=x", "cn=ann lee,dc=x"},
	}
	for _, s := range same {
		if ldapKey(s[0]) != ldapKey(s[1]) {
			t.Errorf("ldapKey(%q) = %q != ldapKey(%q) = %q", s[0], ldapKey(s[0]), s[1], ldapKey(s[1]))
		}
	}
	differ := [][2]string{{"uid=a,dc=x", "uid=a,dc=y"}, {"uid=a,dc=x", "cn=a,dc=x"}, {"cn=a+uid=b,dc=x", "cn=a,uid=b,dc=x"}}
	for _, s := range differ {
		if ldapKey(s[0]) == ldapKey(s[1]) {
			t.Errorf("ldapKey(%q) == ldapKey(%q)", s[0], s[1])
		}
	}
}
