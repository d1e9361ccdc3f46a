package render

import (
	"fmt"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// p builds a person for test charts: id, name, title, department, managers.
func p(id, name, title, dept string, managers ...string) *graph.Person {
	per := &graph.Person{ID: id, Name: name, Title: title, Department: dept, Kind: graph.KindPerson}
	for _, m := range managers {
		per.ReportsTo = append(per.ReportsTo, graph.Ref{ID: m})
	}
	return per
}

func roles(per *graph.Person, codes ...string) *graph.Person {
	for _, c := range codes {
		per.Roles = append(per.Roles, graph.Role{Code: c})
	}
	return per
}

func dotted(per *graph.Person, to, typ string) *graph.Person {
	per.Dotted = append(per.Dotted, graph.Ref{ID: to, Type: typ})
	return per
}

func newOrg(title string, people ...*graph.Person) *graph.Org {
	for i, per := range people {
		per.Index = i
		per.Pos = diag.Pos{File: "test.yaml", Line: 1 + 6*i, Column: 5}
	}
	return &graph.Org{Title: title, File: "test.yaml", Format: "yaml", People: people}
}

// seedOrg is the governance seed scenario: a CISO under the CTO, a CSO under
// the CIO, a dual-reporting engineer, an assistant, a vacancy, a board and
// an audit committee with a dotted line from the CISO.
func seedOrg() (*graph.Org, []diag.Diagnostic) {
	board := p("board", "Board of Directors", "", "")
	board.Kind = graph.KindBoard
	roles(board, "BOARD")
	audit := p("audit", "Audit Committee", "", "", "board")
	audit.Kind = graph.KindCommittee
	roles(audit, "AUDIT_COMMITTEE")
	asst := p("ea", "Sam Lee", "Executive Assistant", "Executive", "ceo")
	asst.AssistantTo = &graph.Ref{ID: "ceo"}
	vac := p("vp-sales", "", "VP Sales", "Sales", "ceo")
	vac.Vacant = true
	org := newOrg("Acme Corp",
		board, audit,
		roles(p("ceo", "Dana Reyes", "Chief Executive Officer", "Executive", "board"), "CEO"),
		asst,
		roles(p("cto", "Kim Park", "Chief Technology Officer", "Technology", "ceo"), "CTO"),
		roles(p("cio", "Erin Walsh", "Chief Information Officer", "Technology", "ceo"), "CIO"),
		roles(p("cfo", "Omar Haddad", "Chief Financial Officer", "Finance", "ceo"), "CFO"),
		vac,
		dotted(roles(p("ciso", "Lee Chen", "Chief Information Security Officer", "Security", "cto"), "CISO"), "audit", "advisory"),
		roles(p("cso", "Frank Osei", "Chief Security Officer", "Security", "cio"), "CSO"),
		p("eng1", "Ana Gómez", "Engineering Manager", "Technology", "cto", "cfo"),
		p("eng2", "Raj Patel", "Platform Lead", "Technology", "cto"),
		p("fin1", "Mia Rossi", "Controller", "Finance", "cfo"),
		dotted(p("sec1", "Tom Berg", "Security Engineer", "Security", "ciso"), "cso", "matrix"),
	)
	findings := []diag.Diagnostic{
		{Code: "SEC002", Rule: "ciso-independence", Severity: diag.SeverityError, Subject: "ciso",
			Message: `ciso "ciso" reports to cto "cto"`, Lines: []diag.Edge{{From: "ciso", To: "cto"}}},
		{Code: "SEC003", Rule: "cso-independence", Severity: diag.SeverityError, Subject: "cso",
			Message: `cso "cso" reports to cio "cio"`, Lines: []diag.Edge{{From: "cso", To: "cio"}}},
		{Code: "ORG005", Rule: "dual-reporting", Severity: diag.SeverityError, Subject: "eng1",
			Message: `"eng1" has two solid-line managers`, Lines: []diag.Edge{{From: "eng1", To: "cfo"}}},
		{Code: "SEC005", Rule: "two-security-heads", Severity: diag.SeverityWarning, Subject: "cso",
			Message: `two security heads`},
		{Code: "ORG010", Rule: "vacant", Severity: diag.SeverityInfo, Subject: "vp-sales", Message: "open"},
		{Code: "SEC009", Rule: "suppressed", Severity: diag.SeverityError, Subject: "cfo", Suppressed: true},
	}
	return org, findings
}

// tortureOrg has every kind of text that must be escaped.
func tortureOrg() *graph.Org {
	return newOrg(`Q&A <Corp> "quoted" {braces} 'single'`,
		p("a", `Zoë "Z" <b>bold</b> & co`, "Head of R&D\nline two", `Dept {x} [y] ;|`),
		p("b", "<script>alert(1)</script>", "שלום עולם مرحبا", "😀 Emoji", "a"),
		p("c", "Ctrl\x01\x1fchars\r\nend", `back\slash \" ]; n1 -> n0 [`, "d", "a"),
		p("d", "invalid \xff utf8", "#quot; #35; |pipe|", "", "c"),
	)
}

// wideOrg has a manager with many leaf reports (for Compact) and a deeper
// branch.
func wideOrg(n int) *graph.Org {
	people := []*graph.Person{p("boss", "Pat Boss", "Head of Support", "Support")}
	for i := range n {
		people = append(people, p(fmt.Sprintf("s%d", i), fmt.Sprintf("Agent %d", i+1), "Support Agent", "Support", "boss"))
	}
	people = append(people, p("lead", "Lou Lead", "Team Lead", "Support", "boss"), p("x", "Xia Xu", "Agent", "Support", "lead"))
	return newOrg("Support", people...)
}
