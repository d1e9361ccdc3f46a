package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/option"
)

// mermaid writes a Mermaid flowchart of unit u that GitHub and GitLab
// render: node ids n<index>, labels escaped with Mermaid's #name; entity
// escapes (so quotes, <, &, # and | are text), solid lines as ---, dotted
// lines as -.- with their type, and a classDef per severity for findings.
func (c *chart) mermaid(u *unit, findings []diag.Diagnostic, opts option.Options) []byte {
	d := c.decorate(findings, opts)
	t := d.t
	var b strings.Builder
	dir := "TD"
	if opts.Direction == "LR" {
		dir = "LR"
	}
	if strings.TrimSpace(u.title) != "" {
		// YAML front matter: a Go-quoted string is a valid YAML double-quoted
		// scalar once invalid UTF-8 is replaced.
		fmt.Fprintf(&b, "---\ntitle: %s\n---\n", strconv.Quote(strings.ToValidUTF8(u.title, "\uFFFD")))
	}
	fmt.Fprintf(&b, "flowchart %s\n", dir)
	for i, p := range c.org.People {
		if !u.in[i] {
			continue
		}
		var lines []string
		switch {
		case p.Vacant:
			lines = append(lines, "<i>Open position</i>")
		case d.redact && !p.IsBody():
			lines = append(lines, "<b>"+mermaidText(redactedName(p))+"</b>")
		case strings.TrimSpace(p.Name) != "":
			lines = append(lines, "<b>"+mermaidText(p.Name)+"</b>")
		case strings.TrimSpace(p.Title) != "":
			lines = append(lines, "<b>"+mermaidText(p.Title)+"</b>")
		default:
			lines = append(lines, "<b>"+mermaidText(p.ID)+"</b>")
		}
		if strings.TrimSpace(p.Title) != "" && (p.Vacant || (strings.TrimSpace(p.Name) != "" && !(d.redact && !p.IsBody()))) {
			lines = append(lines, mermaidText(p.Title))
		}
		if strings.TrimSpace(p.Department) != "" {
			lines = append(lines, "<i>"+mermaidText(p.Department)+"</i>")
		}
		var codes []string
		for _, r := range p.Roles {
			if strings.TrimSpace(r.Code) != "" {
				codes = append(codes, mermaidText(r.Code))
			}
		}
		if nf := d.nodes[i]; nf != nil {
			for _, code := range nf.codes {
				codes = append(codes, "⚠ "+mermaidText(code))
			}
		}
		if len(codes) > 0 {
			lines = append(lines, "<small>"+strings.Join(codes, " · ")+"</small>")
		}
		open, close := "[\"", "\"]"
		switch {
		case p.Kind == graph.KindBoard:
			open, close = "[[\"", "\"]]"
		case p.Kind == graph.KindCommittee:
			open, close = "([\"", "\"])"
		}
		fmt.Fprintf(&b, "    n%d%s%s%s\n", i, open, strings.Join(lines, "<br/>"), close)
	}
	k := 0 // link index, for linkStyle
	var red []string
	for m := range c.org.People {
		if !u.in[m] {
			continue
		}
		for _, r := range c.reports[m] {
			if !u.in[r] {
				continue
			}
			fmt.Fprintf(&b, "    n%d --- n%d\n", m, r)
			if sev, ok := d.lines[[2]int{r, m}]; ok {
				red = append(red, fmt.Sprintf("    linkStyle %d stroke:%s,stroke-width:3px\n", k, t.sev[sev]))
			}
			k++
		}
	}
	for i := range c.org.People {
		if !u.in[i] {
			continue
		}
		for _, r := range c.dotted[i] {
			if !u.in[r.to] {
				continue
			}
			if strings.TrimSpace(r.typ) != "" {
				fmt.Fprintf(&b, "    n%d -.-|%s| n%d\n", r.to, mermaidText(r.typ), i)
			} else {
				fmt.Fprintf(&b, "    n%d -.- n%d\n", r.to, i)
			}
			if sev, ok := d.lines[[2]int{i, r.to}]; ok {
				red = append(red, fmt.Sprintf("    linkStyle %d stroke:%s,stroke-width:3px\n", k, t.sev[sev]))
			}
			k++
		}
	}
	for _, l := range red {
		b.WriteString(l)
	}
	classes := map[diag.Severity][]string{}
	for i := range c.org.People {
		if nf := d.nodes[i]; nf != nil && u.in[i] {
			classes[nf.sev] = append(classes[nf.sev], fmt.Sprintf("n%d", i))
		}
	}
	for _, sev := range []diag.Severity{diag.SeverityError, diag.SeverityWarning, diag.SeverityInfo} {
		if len(classes[sev]) == 0 {
			continue
		}
		fmt.Fprintf(&b, "    classDef %s stroke:%s,stroke-width:3px\n", sev, t.sev[sev])
		fmt.Fprintf(&b, "    class %s %s\n", strings.Join(classes[sev], ","), sev)
	}
	if len(d.hlNode) > 0 {
		var ids []string
		for i := range c.org.People {
			if d.hlNode[i] && u.in[i] {
				ids = append(ids, fmt.Sprintf("n%d", i))
			}
		}
		if len(ids) > 0 {
			fmt.Fprintf(&b, "    classDef highlight stroke:%s,stroke-width:3px\n", t.highlight)
			fmt.Fprintf(&b, "    class %s highlight\n", strings.Join(ids, ","))
		}
	}
	return []byte(b.String())
}

// mermaidText escapes s for a quoted Mermaid label with Mermaid's #name;
// and #code; entities: quotes, markup, # itself, | and brackets become text;
// newlines become <br/>; control characters become spaces.
func mermaidText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("#quot;")
		case r == '#':
			b.WriteString("#35;")
		case r == '&':
			b.WriteString("#amp;")
		case r == '<':
			b.WriteString("#lt;")
		case r == '>':
			b.WriteString("#gt;")
		case r == '|':
			b.WriteString("#124;")
		case r == '`':
			b.WriteString("#96;")
		case r == '[', r == ']', r == '{', r == '}', r == '(', r == ')', r == ';':
			fmt.Fprintf(&b, "#%d;", r)
		case r == '\n':
			b.WriteString("<br/>")
		case r == '\r':
		case r < 0x20, r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
