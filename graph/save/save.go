// Package save writes a model (graph.Org) as a chart file in the chart
// format, version 1 (docs/format.md): the inverse of graph/load for YAML.
//
// Invariants: loading what YAML writes gives the same model back (entries
// in the same order with the same ids, names, titles, lines, kinds, written
// roles, vacancies, free-form fields, tops, departments and policy), except
// positions and the roles a loader inferred from titles, which are not
// written: the loader infers them again from the same title, so an
// ambiguous title stays ambiguous. Output is deterministic: entries and
// references in model order, an entry's fields in the order of
// docs/format.md, free-form fields, departments and rules sorted by name;
// no timestamps.
//
// It is a package of its own, not part of graph/load (a loader reads bytes
// into the model; this writes the model out) nor of report (which writes
// findings, not charts). It uses the YAML library's encoder, which quotes
// every value that needs it, so that an id such as "1001", "no" or "a: b"
// reads back as the same string.
package save

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	yaml "go.yaml.in/yaml/v3"
)

// YAML writes org to w as a YAML chart.
func YAML(w io.Writer, org *graph.Org) error {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(document(org)); err != nil {
		return fmt.Errorf("write yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write yaml: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write yaml: %w", err)
	}
	return nil
}

// document builds the chart's node tree.
func document(org *graph.Org) *yaml.Node {
	m := mapping()
	add(m, "version", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
	if org.Title != "" {
		add(m, "org", str(org.Title))
	}
	if len(org.Tops) > 0 {
		add(m, "tops", flow(refIDs(org.Tops)...))
	}
	if len(org.Departments) > 0 {
		deps := mapping()
		for _, name := range slices.Sorted(maps.Keys(org.Departments)) {
			d := mapping()
			if c := org.Departments[name].Color; c != "" {
				add(d, "color", str(c))
			}
			d.Style = yaml.FlowStyle
			add(deps, name, d)
		}
		add(m, "departments", deps)
	}
	people := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: make([]*yaml.Node, 0, len(org.People))}
	for _, p := range org.People {
		people.Content = append(people.Content, person(p))
	}
	add(m, "people", people)
	if org.Policy != nil {
		if n := policy(org.Policy); len(n.Content) > 0 {
			add(m, "policy", n)
		}
	}
	return m
}

// person builds one entry.
func person(p *graph.Person) *yaml.Node {
	m := mapping()
	add(m, "id", str(p.ID))
	text := func(key, v string) {
		if v != "" {
			add(m, key, str(v))
		}
	}
	text("name", p.Name)
	text("title", p.Title)
	if p.Kind != "" && p.Kind != graph.KindPerson {
		add(m, "kind", str(string(p.Kind)))
	}
	var roles []string
	for _, r := range p.Roles {
		if !r.Inferred {
			roles = append(roles, r.Code)
		}
	}
	if len(roles) > 0 {
		add(m, "roles", flow(roles...))
	}
	text("department", p.Department)
	switch len(p.ReportsTo) {
	case 0:
	case 1:
		add(m, "reports_to", str(p.ReportsTo[0].ID))
	default:
		add(m, "reports_to", flow(refIDs(p.ReportsTo)...))
	}
	if len(p.Dotted) > 0 {
		d := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, r := range p.Dotted {
			if r.Type == "" {
				d.Content = append(d.Content, str(r.ID))
				continue
			}
			line := mapping()
			line.Style = yaml.FlowStyle
			add(line, "to", str(r.ID))
			add(line, "type", str(r.Type))
			d.Content = append(d.Content, line)
		}
		add(m, "dotted", d)
	}
	if a := p.AssistantTo; a != nil {
		if len(p.ReportsTo) > 0 && p.ReportsTo[0].ID == a.ID {
			add(m, "assistant", boolean(true))
		} else {
			add(m, "assistant_to", str(a.ID))
		}
	}
	if p.Vacant {
		add(m, "vacant", boolean(true))
	}
	text("email", p.Email)
	text("location", p.Location)
	text("photo", p.Photo)
	fields := p.Fields
	if p.SourceID != "" && fields["source_id"] == "" {
		fields = maps.Clone(fields)
		if fields == nil {
			fields = make(map[string]string, 1)
		}
		fields["source_id"] = p.SourceID
	}
	if len(fields) > 0 {
		f := mapping()
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			add(f, k, str(fields[k]))
		}
		add(m, "fields", f)
	}
	return m
}

// policy builds the policy section.
func policy(s *graph.PolicySpec) *yaml.Node {
	m := mapping()
	if len(s.Profiles) > 0 {
		add(m, "profiles", flow(s.Profiles...))
	}
	if len(s.Rules) > 0 {
		rules := mapping()
		for _, code := range slices.Sorted(maps.Keys(s.Rules)) {
			rs := s.Rules[code]
			if len(rs.Params) == 0 {
				v := rs.Severity
				switch {
				case rs.Off:
					v = "off"
				case v == "":
					v = "on"
				}
				add(rules, code, str(v))
				continue
			}
			r := mapping()
			r.Style = yaml.FlowStyle
			if rs.Off {
				add(r, "off", boolean(true))
			}
			if rs.Severity != "" {
				add(r, "severity", str(rs.Severity))
			}
			for _, k := range slices.Sorted(maps.Keys(rs.Params)) {
				add(r, k, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(rs.Params[k])})
			}
			add(rules, code, r)
		}
		add(m, "rules", rules)
	}
	if len(s.Exceptions) > 0 {
		ex := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range s.Exceptions {
			x := mapping()
			x.Style = yaml.FlowStyle
			add(x, "rule", str(e.Rule))
			add(x, "id", str(e.ID))
			if e.Reason != "" {
				add(x, "reason", str(e.Reason))
			}
			if e.ApprovedBy != "" {
				add(x, "approved_by", str(e.ApprovedBy))
			}
			if !e.Until.IsZero() {
				add(x, "until", str(e.Until.UTC().Format("2006-01-02")))
			}
			ex.Content = append(ex.Content, x)
		}
		add(m, "exceptions", ex)
	}
	return m
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

// str is a string scalar: the encoder quotes it when it would read back as
// something else (a number, a boolean, null, a key).
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r") {
		n.Style = yaml.DoubleQuotedStyle // never a block scalar inside flow lists
	}
	return n
}

func boolean(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

// flow is a one-line list of strings: [a, b].
func flow(items ...string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}

func refIDs(refs []graph.Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.ID
	}
	return out
}
