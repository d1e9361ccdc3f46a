// Package synth generates realistic synthetic organisation charts, for
// benchmarks and scale tests, and writes them as CSV or YAML.
//
// Invariants: the same n and seed give the same chart and the same bytes.
// A generated chart is structurally clean: unique ids, one top (the board;
// the CEO and the audit committee report to it), exactly one solid-line
// manager per other entry, no cycles, spans of at most 12, vacant positions
// only as leaves, and dotted lines only to a manager in another executive's
// branch (never the entry's own manager, chain or subordinate). Its security
// structure is clean too: the CISO reports to the CEO with a dotted line to
// the audit committee, the CAE has a line to the audit committee, and no
// entry holds conflicting roles.
package synth

import (
	"math/rand/v2"
	"strconv"

	"github.com/orgchart/orgchart/graph"
)

// head is a fixed entry at the top of every generated chart.
type head struct {
	id, name, title, dept, manager string
	kind                           graph.Kind
	role                           string
	dotted, dottedType             string
	span                           int // direct reports generated below it
}

// heads lists the fixed entries in order; a chart of n entries has the first
// min(n, len(heads)) of them. Spans reflect the usual weight of each
// function and keep a million people within 8 levels below the board
// (ORG010's default limit).
var heads = []head{
	{id: "board", name: "Board of Directors", title: "Board of Directors", dept: "Board", kind: graph.KindBoard, role: "BOARD"},
	{id: "ceo", title: "Chief Executive Officer", dept: "Executive", manager: "board", role: "CEO"},
	{id: "audit-committee", name: "Audit Committee", title: "Audit Committee", dept: "Board", manager: "board", kind: graph.KindCommittee, role: "AUDIT_COMMITTEE"},
	{id: "ciso", title: "Chief Information Security Officer", dept: "Security", manager: "ceo", role: "CISO", dotted: "audit-committee", dottedType: "advisory", span: 6},
	{id: "cfo", title: "Chief Financial Officer", dept: "Finance", manager: "ceo", role: "CFO", span: 8},
	{id: "cto", title: "Chief Technology Officer", dept: "Engineering", manager: "ceo", role: "CTO", span: 12},
	{id: "cio", title: "Chief Information Officer", dept: "Information Technology", manager: "ceo", role: "CIO", span: 10},
	{id: "coo", title: "Chief Operating Officer", dept: "Operations", manager: "ceo", role: "COO", span: 12},
	{id: "cae", title: "Chief Audit Executive", dept: "Internal Audit", manager: "ceo", role: "CAE", dotted: "audit-committee", dottedType: "functional", span: 3},
	{id: "gc", title: "General Counsel", dept: "Legal", manager: "ceo", role: "GC", span: 4},
	{id: "dpo", title: "Data Protection Officer", dept: "Legal", manager: "gc", role: "DPO", dotted: "board", dottedType: "advisory", span: 2},
	{id: "cro", title: "Chief Risk Officer", dept: "Risk", manager: "ceo", role: "CRO", span: 5},
	{id: "chro", title: "Chief People Officer", dept: "People", manager: "ceo", span: 6},
	{id: "cmo", title: "Chief Marketing Officer", dept: "Marketing", manager: "ceo", span: 8},
	{id: "sales", title: "Executive Vice President, Sales", dept: "Sales", manager: "ceo", span: 12},
}

// Individual contributors' titles by department.
var staffTitles = map[string][]string{
	"Security":               {"Security Engineer", "Security Analyst", "Senior Security Engineer", "Penetration Tester", "Identity Engineer"},
	"Finance":                {"Accountant", "Financial Analyst", "Senior Accountant", "Payroll Specialist", "Tax Analyst"},
	"Engineering":            {"Software Engineer", "Senior Software Engineer", "Staff Engineer", "QA Engineer", "Site Reliability Engineer", "Data Engineer"},
	"Information Technology": {"Systems Administrator", "Service Desk Analyst", "Network Engineer", "Database Administrator", "IT Support Specialist"},
	"Operations":             {"Operations Analyst", "Logistics Coordinator", "Warehouse Associate", "Supply Chain Analyst", "Facilities Coordinator"},
	"Internal Audit":         {"Internal Auditor", "Senior Internal Auditor", "IT Auditor"},
	"Legal":                  {"Counsel", "Senior Counsel", "Paralegal", "Privacy Analyst", "Contracts Manager"},
	"Risk":                   {"Risk Analyst", "Senior Risk Analyst", "Compliance Analyst"},
	"People":                 {"HR Business Partner", "Recruiter", "People Operations Specialist", "Learning Specialist"},
	"Marketing":              {"Marketing Specialist", "Content Writer", "Product Marketing Manager", "Designer", "Brand Manager"},
	"Sales":                  {"Account Executive", "Sales Development Representative", "Solutions Engineer", "Account Manager", "Customer Success Manager"},
	"Executive":              {"Chief of Staff", "Executive Assistant"},
	"Board":                  {"Board Secretary"},
}

// Managers' titles by level below their executive (1: reports to an
// executive).
var managerTitles = []string{"Vice President", "Director", "Senior Manager", "Manager", "Team Lead"}

// nameParts pairs a name as written with its ASCII e-mail form.
type nameParts struct{ name, mail string }

var firstNames = []nameParts{
	{"Dana", "dana"}, {"Lee", "lee"}, {"Kim", "kim"}, {"Pat", "pat"}, {"Erin", "erin"}, {"Frank", "frank"},
	{"Aisha", "aisha"}, {"Bruno", "bruno"}, {"Chen", "chen"}, {"Diego", "diego"}, {"Elena", "elena"},
	{"Fatima", "fatima"}, {"Gustav", "gustav"}, {"Hana", "hana"}, {"Ivan", "ivan"}, {"Jamal", "jamal"},
	{"Kofi", "kofi"}, {"Lena", "lena"}, {"Mateo", "mateo"}, {"Nora", "nora"}, {"Omar", "omar"},
	{"Priya", "priya"}, {"Quinn", "quinn"}, {"Rosa", "rosa"}, {"Sven", "sven"}, {"Tomás", "tomas"},
	{"Uma", "uma"}, {"Viktor", "viktor"}, {"Wei", "wei"}, {"Ximena", "ximena"}, {"Yusuf", "yusuf"},
	{"Zoë", "zoe"}, {"Ana", "ana"}, {"Ben", "ben"}, {"Clara", "clara"}, {"David", "david"},
	{"Emma", "emma"}, {"Felix", "felix"}, {"Grace", "grace"}, {"Hugo", "hugo"}, {"Ines", "ines"},
	{"Jonas", "jonas"}, {"Keiko", "keiko"}, {"Liam", "liam"}, {"Maya", "maya"}, {"Noah", "noah"},
	{"Olga", "olga"}, {"Paulo", "paulo"}, {"Rahul", "rahul"}, {"Sofia", "sofia"}, {"Søren", "soren"},
}

var lastNames = []nameParts{
	{"Reyes", "reyes"}, {"Nguyen", "nguyen"}, {"Smith", "smith"}, {"Müller", "muller"}, {"Okafor", "okafor"},
	{"García", "garcia"}, {"Kowalski", "kowalski"}, {"Tanaka", "tanaka"}, {"O'Brien", "obrien"}, {"Haddad", "haddad"},
	{"Johansson", "johansson"}, {"Rossi", "rossi"}, {"Patel", "patel"}, {"Silva", "silva"}, {"Dubois", "dubois"},
	{"Novak", "novak"}, {"Kim", "kim"}, {"Ivanova", "ivanova"}, {"Mensah", "mensah"}, {"Larsen", "larsen"},
	{"Fischer", "fischer"}, {"Costa", "costa"}, {"Yilmaz", "yilmaz"}, {"Chen", "chen"}, {"Wright", "wright"},
	{"Santos", "santos"}, {"Jensen", "jensen"}, {"Ali", "ali"}, {"Moreau", "moreau"}, {"Schmidt", "schmidt"},
	{"Kaur", "kaur"}, {"Lopez", "lopez"}, {"Murphy", "murphy"}, {"Sato", "sato"}, {"Berg", "berg"},
	{"Van der Berg", "vanderberg"}, {"Petrov", "petrov"}, {"Adeyemi", "adeyemi"}, {"Hoffmann", "hoffmann"}, {"Park", "park"},
}

var dottedTypes = []string{"", "matrix", "functional", "advisory"}

// Generate returns a synthetic chart of n entries (none when n <= 0), the
// same for the same n and seed. Fan-out is drawn around 5 to 8 (some
// managers up to 10), so depth grows with log n (a million people fit in 8
// levels below the board); about 3% of entries have a
// dotted line to a manager in another executive's branch and about 2% are
// vacant leaf positions.
func Generate(n int, seed uint64) *graph.Org {
	org := &graph.Org{Title: "Synthetic Org"}
	if n <= 0 {
		return org
	}
	rng := rand.New(rand.NewPCG(seed, 0x6f7267636861727))
	people := make([]graph.Person, n) // one allocation for every entry
	org.People = make([]*graph.Person, n)
	for i := range people {
		people[i].Index = i
		people[i].Kind = graph.KindPerson
		org.People[i] = &people[i]
	}
	refs := make([]graph.Ref, n) // one solid-line ref per entry but the board
	roleBuf := make([]graph.Role, 0, len(heads))
	var (
		manager = make([]int32, n) // first manager, -1 for the board
		branch  = make([]int32, n) // the executive an entry works under, or itself
		depth   = make([]int8, n)  // levels below its executive; 0 for heads
		kids    = make([]int32, n)
	)

	// The fixed heads.
	byID := map[string]int{}
	nh := min(n, len(heads))
	for i := range nh {
		h := &heads[i]
		p := &people[i]
		p.ID = h.id
		p.Title, p.Department = h.title, h.dept
		p.Name = h.name
		if h.kind != "" {
			p.Kind = h.kind
		}
		if p.Name == "" {
			var mail string
			p.Name, mail = personName(rng)
			p.Email = email(mail, h.id)
		}
		if h.role != "" {
			roleBuf = append(roleBuf, graph.Role{Code: h.role})
			p.Roles = roleBuf[len(roleBuf)-1 : len(roleBuf) : len(roleBuf)]
		}
		byID[h.id] = i
		manager[i], branch[i] = -1, int32(i)
		if h.manager != "" {
			m := byID[h.manager]
			manager[i] = int32(m)
			kids[m]++
			refs[i] = graph.Ref{ID: h.manager}
			p.ReportsTo = refs[i : i+1 : i+1]
			if heads[m].span > 0 { // under an executive (the DPO under the GC)
				branch[i] = int32(m)
				depth[i] = 2
			}
		}
		if h.dotted != "" {
			if _, ok := byID[h.dotted]; ok {
				p.Dotted = []graph.Ref{{ID: h.dotted, Type: h.dottedType}}
			}
		}
	}

	// Everyone else, breadth first under the executives, so the tree is as
	// shallow as its fan-out allows.
	queue := make([]int32, 0, n)
	for i := range nh {
		if heads[i].span > 0 {
			queue = append(queue, int32(i))
		}
	}
	next := nh
	for q := 0; next < n && q < len(queue); q++ {
		m := int(queue[q])
		span := fanout(rng)
		if m < nh {
			span = heads[m].span
		}
		for c := int(kids[m]); c < span && next < n; c++ {
			i := next
			next++
			p := &people[i]
			p.ID = personID(i)
			manager[i] = int32(m)
			branch[i] = branch[m]
			depth[i] = depth[m] + 1
			kids[m]++
			p.Department = people[branch[i]].Department
			refs[i] = graph.Ref{ID: people[m].ID}
			p.ReportsTo = refs[i : i+1 : i+1]
			queue = append(queue, int32(i))
		}
	}

	// Titles, names, vacancies: now that it is known who manages.
	leaves := 0
	for i := nh; i < n; i++ {
		if kids[i] == 0 {
			leaves++
		}
	}
	vacancy := 0.0
	if leaves > 0 {
		vacancy = min(1, 0.02*float64(n)/float64(leaves))
	}
	managers := make([]int32, 0, n/4+1)
	for i := nh; i < n; i++ {
		p := &people[i]
		if kids[i] > 0 {
			lvl := min(int(depth[i]), len(managerTitles)) - 1
			p.Title = managerTitles[lvl] + ", " + p.Department
			managers = append(managers, int32(i))
		} else {
			ts := staffTitles[p.Department]
			p.Title = ts[rng.IntN(len(ts))]
			if rng.Float64() < vacancy {
				p.Vacant = true
				continue
			}
		}
		var mail string
		p.Name, mail = personName(rng)
		p.Email = email(mail, p.ID)
	}

	// Dotted lines: about 3% of entries, each to a manager in another
	// executive's branch.
	if len(managers) > 0 {
		for i := nh; i < n; i++ {
			if people[i].Vacant || rng.Float64() >= 0.03 {
				continue
			}
			for range 8 {
				t := managers[rng.IntN(len(managers))]
				if branch[t] == branch[i] {
					continue
				}
				people[i].Dotted = []graph.Ref{{ID: people[t].ID, Type: dottedTypes[rng.IntN(len(dottedTypes))]}}
				break
			}
		}
	}
	return org
}

// fanout draws a manager's number of direct reports: 5 to 8, one in six
// 9 or 10 (a mean of 7).
func fanout(rng *rand.Rand) int {
	if rng.IntN(6) == 0 {
		return 9 + rng.IntN(2)
	}
	return 5 + rng.IntN(4)
}

// personID returns the id of generated entry i: "u" and seven digits.
func personID(i int) string {
	var b [16]byte
	s := strconv.AppendInt(b[:0], int64(i), 10)
	out := make([]byte, 0, 8+len(s))
	out = append(out, 'u')
	for k := len(s); k < 7; k++ {
		out = append(out, '0')
	}
	return string(append(out, s...))
}

// personName draws a name; mail is its ASCII form for e-mail addresses.
func personName(rng *rand.Rand) (name, mail string) {
	f := &firstNames[rng.IntN(len(firstNames))]
	l := &lastNames[rng.IntN(len(lastNames))]
	return f.name + " " + l.name, f.mail + "." + l.mail
}

// email makes a unique address from a name's ASCII form and the entry's id.
func email(mail, id string) string {
	return mail + "." + id + "@example.com"
}
