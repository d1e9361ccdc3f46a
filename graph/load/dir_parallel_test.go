package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
)

// sameChart fails unless two loads gave the same chart (people, positions,
// diagnostics, notes) or the same error.
func sameChart(t *testing.T, what string, want *graph.Org, werr error, got *graph.Org, gerr error) {
	t.Helper()
	if fmt.Sprint(werr) != fmt.Sprint(gerr) {
		t.Fatalf("%s: error %v, want %v", what, gerr, werr)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmp.AllowUnexported(graph.Org{}, graph.Person{})); diff != "" {
		t.Fatalf("%s: chart differs from the one-core read (-one core +parallel):\n%s", what, diff)
	}
}

// loadChunked loads data as format on one core and cut into 2..max parts
// (dirChunks), and fails unless every load gives the same chart or error.
func loadChunked(t *testing.T, format string, data []byte, max int) {
	t.Helper()
	defer func(n int) { dirChunks = n }(dirChunks)
	dirChunks = 1
	want, werr := Chart("f", data, Options{Format: format})
	for n := 2; n <= max; n++ {
		dirChunks = n
		got, gerr := Chart("f", data, Options{Format: format})
		sameChart(t, fmt.Sprintf("%s in %d parts", format, n), want, werr, got, gerr)
	}
}

// synthExport writes a generated org of n people as format.
func synthExport(t testing.TB, format string, n int) []byte {
	org := synth.Generate(n, 1)
	write := map[string]func(io.Writer, *graph.Org) error{"entra": synth.WriteEntra, "ldif": synth.WriteLDIF}[format]
	var buf bytes.Buffer
	if err := write(&buf, org); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// entraWalk is loadEntra's walk.
func entraWalk(b *dirBuilder, r *jreader) error {
	return b.users(r, "value", "Microsoft Graph", entraExample, b.entraUser)
}

func TestDirJSONParallel(t *testing.T) {
	data := synthExport(t, "entra", 800)
	var indented bytes.Buffer
	if err := json.Indent(&indented, data, "", "  "); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"one user a line": data, "indented": indented.Bytes()} {
		t.Run(name, func(t *testing.T) {
			want, err := Chart("f", data, Options{Format: "entra"})
			if err != nil {
				t.Fatal(err)
			}
			for n := 2; n <= 6; n++ {
				got, ok := readDirJSONParallel("f", data, &inferer{}, "entra", (*dirBuilder).entraUser, entraWalk, n)
				if !ok {
					t.Fatalf("readDirJSONParallel in %d parts: not read in parallel", n)
				}
				sameChart(t, fmt.Sprintf("%d parts", n), want, nil, got, nil)
			}
			if len(want.Notes) == 0 {
				t.Fatal("no notes: the export's unused attributes must be noted")
			}
		})
	}
}

// TestDirJSONEveryCut cuts a small export after every newline, one cut at
// a time and two at a time: a read in parts either gives the one-core
// chart or is refused.
func TestDirJSONEveryCut(t *testing.T) {
	var indented bytes.Buffer
	if err := json.Indent(&indented, synthExport(t, "entra", 6), "", "  "); err != nil {
		t.Fatal(err)
	}
	data := indented.Bytes()
	want, err := Chart("f", data, Options{Format: "entra"})
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for i, c := range data {
		if c == '\n' {
			lines = append(lines, i+1)
		}
	}
	last := bytes.LastIndexByte(data, ']')
	read := 0
	for i, a := range lines {
		for _, b := range append([]int{0}, lines[i+1:]...) {
			cuts := []int{a}
			if b > 0 {
				cuts = append(cuts, b)
			}
			got, ok := readJSONParts("f", data, &inferer{}, "entra", (*dirBuilder).entraUser, entraWalk, cuts, last, "]}", 2)
			if ok {
				read++
				sameChart(t, fmt.Sprintf("cuts %v", cuts), want, nil, got, nil)
			}
		}
	}
	if read < len(want.People) {
		t.Fatalf("%d cuts read in parallel, want at least %d (one before each user)", read, len(want.People))
	}
}

func TestDirParallelFixtures(t *testing.T) {
	for _, tc := range []struct{ dir, format string }{
		{"dir", "entra"}, {"dir", "google"}, {"dir", "okta"}, {"dir", "scim"}, {"dir", "ldif"},
		{"export", "entra"}, {"export", "google"}, {"export", "okta"}, {"export", "scim"}, {"export", "ldif"},
	} {
		files, err := filepath.Glob(filepath.Join("testdata", tc.dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if DetectFormat(f, data) != tc.format {
				continue
			}
			t.Run(tc.dir+"/"+filepath.Base(f), func(t *testing.T) { loadChunked(t, tc.format, data, 12) })
		}
	}
}

// FuzzDirJSONParallel checks that a JSON export read in parts gives the
// chart, or the error, of the one-core read, wherever the parts are cut.
func FuzzDirJSONParallel(f *testing.F) {
	f.Add(synthExport(f, "entra", 6), 3)
	f.Add([]byte("{\"value\": [\n{\"id\": \"1\"},\n{\"id\": \"2\", \"manager\": {\"id\": \"1\"}}\n]}"), 2)
	f.Add([]byte("[\n{\"id\": \"1\"}\n,{\"id\": \"2\"},\n{\"id\": \"3\"}]\n"), 3)
	f.Add([]byte("{\"value\": [\n{\"id\": \"a\n\"},\n{\"id\": \"2\"}\n], \"x\": 1}"), 2)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		n = 2 + (n&7+8)%8
		for _, format := range []string{"entra", "google", "scim"} {
			loadChunked(t, format, data, n)
		}
	})
}

func TestLDIFParallel(t *testing.T) {
	data := synthExport(t, "ldif", 800)
	want, err := Chart("f", data, Options{Format: "ldif"})
	if err != nil {
		t.Fatal(err)
	}
	for n := 2; n <= 6; n++ {
		got, ok := readLDIFParallel("f", data, &inferer{}, n)
		if !ok {
			t.Fatalf("readLDIFParallel in %d parts: not read in parallel", n)
		}
		sameChart(t, fmt.Sprintf("%d parts", n), want, nil, got, nil)
	}
}

// TestLDIFEveryCut cuts the fixtures (with LF and CRLF line ends) after
// every line, one cut at a time and two at a time: a read in parts either
// gives the one-core chart or is refused, and every cut after a blank line
// is read in parallel.
func TestLDIFEveryCut(t *testing.T) {
	for _, file := range []string{"dir/people.ldif", "export/people.ldif"} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, data := range [][]byte{data, bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))} {
			ldifEveryCut(t, file, data)
		}
	}
}

// ldifEveryCut reads data cut after each line, and after each blank line
// and one of the three blank lines after it.
func ldifEveryCut(t *testing.T, file string, data []byte) {
	want, err := Chart("f", data, Options{Format: "ldif"})
	if err != nil {
		t.Fatal(err)
	}
	var lines, blanks []int
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			lines = append(lines, i+1)
			if ldifBlankBefore(data, i+1) {
				blanks = append(blanks, i+1)
			}
		}
	}
	if len(blanks) < 10 {
		t.Fatalf("%s: %d blank lines, want a fixture with more records", file, len(blanks))
	}
	try := func(cuts []int, blank bool) {
		got, ok := readLDIFParts("f", data, &inferer{}, cuts)
		if ok != blank {
			t.Fatalf("%s: cuts %v read in parallel: %v, want %v", file, cuts, ok, blank)
		}
		if ok {
			sameChart(t, fmt.Sprintf("%s: cuts %v", file, cuts), want, nil, got, nil)
		}
	}
	for _, a := range lines {
		try([]int{a}, ldifBlankBefore(data, a))
	}
	for i, a := range blanks {
		for _, b := range blanks[i+1 : min(i+4, len(blanks))] {
			try([]int{a, b}, true)
		}
	}
}

// FuzzLDIFParallel checks that an LDIF export read in parts gives the
// chart, or the error, of the one-core read, wherever the parts are cut.
func FuzzLDIFParallel(f *testing.F) {
	f.Add(synthExport(f, "ldif", 6), 3)
	f.Add([]byte("version: 1\n\ndn: uid=a,dc=x\nmanager: uid=b,dc=x\n\ndn: uid=b,dc=x\ncn: B\n \n\n"), 2)
	f.Add([]byte("dn: uid=a,dc=x\n\nversion: 1\n\n# c\n\n continued\n\r\ndn: uid=b,dc=x\nx-y: z\n\ndn: uid=c\nx-y: z\n"), 4)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		loadChunked(t, "ldif", data, 2+(n&7+8)%8)
	})
}

// TestDirKeysAcrossParts checks how references resolve when the users
// that share a key, or whose chart id is another's key, are read by
// different parts: the same as on one core, and as documented (a chart id
// wins, a key two users share names no one, a unique key names its user).
func TestDirKeysAcrossParts(t *testing.T) {
	users := []string{
		`{"id":"ida","userPrincipalName":"a@x.com","displayName":"A"}`,
		`{"id":"idb","userPrincipalName":"b@x.com","mail":"shared@x.com","displayName":"B","manager":{"id":"ida"}}`,
		`{"id":"h@x.com","userPrincipalName":"i@x.com","displayName":"I","manager":{"id":"ida"}}`,
		`{"id":"idd","userPrincipalName":"d@x.com","displayName":"D","manager":{"id":"shared@x.com"}}`,
		`{"id":"ide","userPrincipalName":"e@x.com","displayName":"E","manager":{"id":"idb"}}`,
		`{"id":"idf","userPrincipalName":"f@x.com","displayName":"F","manager":{"id":"H@X.com"}}`,
		`{"id":"idh","userPrincipalName":"h@x.com","displayName":"H","manager":{"id":"ida"}}`,
		`{"id":"idc","userPrincipalName":"c@x.com","mail":"shared@x.com","displayName":"C","manager":{"id":"ida"}}`,
	}
	data := []byte("{\"value\":[\n" + strings.Join(users, ",\n") + "\n]}\n")
	loadChunked(t, "entra", data, 8)
	org, err := Chart("f", data, Options{Format: "entra"})
	if err != nil {
		t.Fatal(err)
	}
	managers := map[string]string{}
	for _, p := range org.People {
		if len(p.ReportsTo) > 0 {
			managers[p.ID] = p.ReportsTo[0].ID
		}
	}
	want := map[string]string{
		"b@x.com": "a@x.com",      // by object id
		"i@x.com": "a@x.com",      //
		"d@x.com": "shared@x.com", // two users' mail: names no one, left for ORG002
		"e@x.com": "b@x.com",      //
		"f@x.com": "H@X.com",      // H's chart id (and I's object id): stays as written
		"h@x.com": "a@x.com",      //
		"c@x.com": "a@x.com",      //
	}
	if diff := cmp.Diff(want, managers); diff != "" {
		t.Errorf("managers (-want +got):\n%s", diff)
	}
}
