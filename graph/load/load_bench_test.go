package load

import (
	"bytes"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// benchSizes are the chart sizes of the load benchmarks. The 1M case (the
// issue's goal) runs only when -bench names it:
// go test ./graph/ -run '^$' -bench 'LoadCSV/1M' -benchmem
var benchSizes = []struct {
	name string
	n    int
}{{"1k", 1_000}, {"100k", 100_000}, {"1M", 1_000_000}}

var benchTitles = []string{"Chief Executive Officer", "Chief Information Officer", "Chief Information Security Officer", "Chief Financial Officer", "General Counsel", "Chief Technology Officer"}
var benchDepts = []string{"Engineering", "Finance", "Legal", "Sales", "Marketing", "Operations", "Security", "People"}

// benchPerson describes entry i of a synthetic org: a tree with fan-out 6,
// a dotted line on every 50th entry and a vacancy on every 40th.
func benchPerson(i int) (id, name, title, dept, manager, dotted string, vacant bool) {
	id = "e" + strconv.Itoa(i)
	name = "Person " + strconv.Itoa(i)
	title = "Engineer"
	if i < len(benchTitles) {
		title = benchTitles[i]
	} else if i%7 == 0 {
		title = "Engineering Manager"
	}
	dept = benchDepts[i%len(benchDepts)]
	if i > 0 {
		manager = "e" + strconv.Itoa((i-1)/6)
	}
	if i > 10 && i%50 == 0 {
		dotted = "e" + strconv.Itoa(i/3)
	}
	vacant = i > 10 && i%40 == 0
	return
}

// genCSV writes a synthetic org of n people as an HR-style CSV export.
func genCSV(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 100)
	b.WriteString("Employee ID,Full Name,Job Title,Department,Manager ID,Matrix Manager,Vacant,Email,Location\n")
	for i := range n {
		id, name, title, dept, mgr, dotted, vacant := benchPerson(i)
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%t,%s@example.com,Site %d\n", id, name, title, dept, mgr, dotted, vacant, id, i%5)
	}
	return b.Bytes()
}

// genYAML writes a synthetic org of n people as a version 1 chart.
func genYAML(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 160)
	b.WriteString("version: 1\norg: Synthetic\npeople:\n")
	for i := range n {
		id, name, title, dept, mgr, dotted, vacant := benchPerson(i)
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    title: %s\n    department: %s\n", id, name, title, dept)
		if mgr != "" {
			fmt.Fprintf(&b, "    reports_to: %s\n", mgr)
		}
		if dotted != "" {
			fmt.Fprintf(&b, "    dotted: [{to: %s, type: matrix}]\n", dotted)
		}
		if vacant {
			b.WriteString("    vacant: true\n")
		}
		fmt.Fprintf(&b, "    email: %s@example.com\n", id)
	}
	return b.Bytes()
}

func benchLoad(b *testing.B, gen func(int) []byte, name string, sizes []string) {
	pattern := ""
	if f := flag.Lookup("test.bench"); f != nil {
		pattern = f.Value.String()
	}
	for _, s := range benchSizes {
		if !contains(sizes, s.name) {
			continue
		}
		if s.n >= 1_000_000 && !strings.Contains(pattern, s.name) {
			continue // only when -bench names it, e.g. -bench 'LoadCSV/1M'
		}
		b.Run(s.name, func(b *testing.B) {
			data := gen(s.n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				org, err := Chart(name, data, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(org.People) != s.n {
					b.Fatalf("loaded %d people, want %d", len(org.People), s.n)
				}
			}
		})
	}
}

func BenchmarkLoadCSV(b *testing.B)  { benchLoad(b, genCSV, "org.csv", []string{"1k", "100k", "1M"}) }
func BenchmarkLoadYAML(b *testing.B) { benchLoad(b, genYAML, "org.yaml", []string{"1k", "100k"}) }
func BenchmarkLoadJSON(b *testing.B) { benchLoad(b, genJSON, "org.json", []string{"1k", "100k"}) }

// genJSON writes the synthetic org as a JSON chart.
func genJSON(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 160)
	b.WriteString(`{"version": 1, "org": "Synthetic", "people": [`)
	for i := range n {
		id, name, title, dept, mgr, dotted, vacant := benchPerson(i)
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  {\"id\": %q, \"name\": %q, \"title\": %q, \"department\": %q", id, name, title, dept)
		if mgr != "" {
			fmt.Fprintf(&b, ", \"reports_to\": %q", mgr)
		}
		if dotted != "" {
			fmt.Fprintf(&b, ", \"dotted\": [{\"to\": %q, \"type\": \"matrix\"}]", dotted)
		}
		if vacant {
			b.WriteString(`, "vacant": true`)
		}
		fmt.Fprintf(&b, ", \"email\": \"%s@example.com\"}", id)
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}
