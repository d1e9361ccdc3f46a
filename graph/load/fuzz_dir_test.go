package load

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzDirSeeds adds inline seeds and the fixture testdata/dir/file.
func fuzzDirSeeds(f *testing.F, file string, inline ...string) {
	for _, s := range inline {
		f.Add([]byte(s))
	}
	data, err := os.ReadFile(filepath.Join("testdata", "dir", file))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
}

// fuzzFormat loads data forced to format, and detected, and checks the
// loader invariants (checkLoad) both ways.
func fuzzFormat(f *testing.F, format string) {
	f.Fuzz(func(t *testing.T, data []byte) {
		org, err := Chart("f", data, Options{Format: format})
		checkLoad(t, org, err)
		org, err = Chart("f", data, Options{})
		checkLoad(t, org, err)
	})
}

func FuzzLoadEntra(f *testing.F) {
	fuzzDirSeeds(f, "entra.json",
		`[{"value": [{"id": "1", "manager": {"id": "2"}}]}, {"value": [{"id": "2", "mail": "A@x"}]}]`,
		`{"value": [{"id": "1", "manager": "x"}, 3, {"userPrincipalName": null}]}`,
		`{"value": {}}`, `[]`, `{"value": [`)
	fuzzFormat(f, "entra")
}

func FuzzLoadGoogle(f *testing.F) {
	fuzzDirSeeds(f, "google.json",
		`{"users": [{"primaryEmail": "a@x", "relations": [{"type": "manager", "value": "A@X"}, {"type": "custom", "customType": "mentor", "value": "b"}]}]}`,
		`{"users": [{"organizations": [1, {"primary": true}]}]}`, `{"kind": "admin#directory#users"}`)
	fuzzFormat(f, "google")
}

func FuzzLoadOkta(f *testing.F) {
	fuzzDirSeeds(f, "okta.json",
		`[{"id": "1", "status": "DEPROVISIONED", "profile": {}}, {"id": "2", "profile": {"managerId": "1"}}]`,
		`[[{"id": "1", "profile": {"login": "a"}}]]`, `{"id": "1", "profile": {"login": "a"}}`, `[{"profile": 1}]`)
	fuzzFormat(f, "okta")
}

func FuzzLoadSCIM(f *testing.F) {
	fuzzDirSeeds(f, "scim.json",
		`{"Resources": [{"id": "1", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": "1"}}]}`,
		`[{"Resources": []}, {"Resources": [{"userName": "a", "emails": [{"value": 1}]}]}]`, `{"Resources": null}`)
	fuzzFormat(f, "scim")
}

func FuzzLoadLDIF(f *testing.F) {
	fuzzDirSeeds(f, "people.ldif",
		"version: 1\ndn: uid=a,dc=x\nmanager: uid=a,dc=x\n",
		"dn:: dWlkPWEsZGM9eA==\ncn:: !!\n",
		"dn: cn=a\\,b+uid=c,dc=x\ncn;lang-en: A\n B\njpegPhoto:< file:///etc/passwd\n\n\ndn: uid=b\nchangetype: modify\n",
		"# c\n continued comment\n dangling\n", "dn: \n", "dn: =\n", "dn: a=b,\n")
	fuzzFormat(f, "ldif")
}

func FuzzLoadXLSX(f *testing.F) {
	book := workbook(f, []string{"Staff", "Two"}, map[string][][]any{"Staff": staffSheet, "Two": {{"id"}, {1.5}}})
	f.Add(book)
	f.Add(book[:len(book)/3])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		org, err := Chart("f.xlsx", data, Options{Format: "xlsx"})
		checkLoad(t, org, err)
		org, err = Chart("f.xlsx", data, Options{Format: "xlsx", Sheet: "Two"})
		checkLoad(t, org, err)
	})
}

func FuzzCSVManagerNames(f *testing.F) {
	fuzzDirSeeds(f, "workday.csv", "Worker,Manager,Work Email\nA B,,a@x\nC,\"B, A\",c@x\nC,C,d@x\nE,C|Z;a@x,e@x\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		org, err := Chart("f.csv", data, Options{Format: "csv"})
		checkLoad(t, org, err)
	})
}
