package check

import (
	"bytes"
	"embed"
	"fmt"
	"regexp"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/orgchart/orgchart/graph/diag"
)

// Each rule's documentation is one Markdown file, rules/CODE.md, embedded
// here: the single source of `orgchart rules`, the pages under docs/rules,
// SARIF help text and GET /v1/rules. A file is front matter (code, name,
// default severity, profile, summary) followed by these sections, in order:
//
//	## What it checks and why   (required)
//	## How to fix               (required)
//	## Sources                  (optional: a list, "- text" or "- [text](url)")
//	## Example                  (required: one ```yaml chart whose lines carry
//	                             # want "CODE" comments, as in testdata/)
//
// The Go side of a rule (rules_*.go) holds only what is code: the run
// function and the parameters with their defaults.

//go:embed rules/*.md
var ruleFiles embed.FS

// Source is a regulation, standard or survey behind a rule or a profile.
type Source struct {
	Text string `json:"text"`
	URL  string `json:"url,omitempty"`
}

// String returns the text, with the address in angle brackets when there
// is one.
func (s Source) String() string {
	if s.URL == "" {
		return s.Text
	}
	return s.Text + " <" + s.URL + ">"
}

// Markdown returns the text, as a link when there is an address.
func (s Source) Markdown() string {
	if s.URL == "" {
		return s.Text
	}
	return "[" + s.Text + "](" + s.URL + ")"
}

// RuleDoc is a rule's documentation, as parsed from its Markdown file.
type RuleDoc struct {
	Name     string        `json:"name"`     // kebab-case name, e.g. "dual-reporting"
	Severity diag.Severity `json:"severity"` // default severity
	Profile  string        `json:"profile"`  // "core", "security", "gdpr", ...
	Summary  string        `json:"summary"`  // one line: fires when ...
	Doc      string        `json:"doc"`      // what it checks and why (Markdown paragraphs)
	Fix      string        `json:"fix"`      // how to fix it or record an exception (Markdown)
	Sources  []Source      `json:"sources"`  // regulation, standard or survey behind the rule
	// Example is a chart in YAML that triggers the rule, with # want
	// comments on the lines it is reported at.
	Example string `json:"example"`
}

// The sections of a rule file, in order.
const (
	secDoc     = "What it checks and why"
	secFix     = "How to fix"
	secSources = "Sources"
	secExample = "Example"
)

var (
	linkRe    = regexp.MustCompile(`^\[(.+)\]\((https?://\S+)\)$`)
	exampleRe = regexp.MustCompile("(?s)^```yaml\n(.*\n)```$")
)

// loadRuleDoc reads and parses rules/CODE.md.
func loadRuleDoc(code string) (RuleDoc, error) {
	name := "rules/" + code + ".md"
	data, err := ruleFiles.ReadFile(name)
	if err != nil {
		return RuleDoc{}, fmt.Errorf("rule %s has no documentation file: %w", code, err)
	}
	doc, err := parseRuleDoc(code, data)
	if err != nil {
		return RuleDoc{}, fmt.Errorf("graph/check/%s: %w", name, err)
	}
	return doc, nil
}

// parseRuleDoc parses a rule file (see ruleFiles) for the rule code.
func parseRuleDoc(code string, data []byte) (RuleDoc, error) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	front, body, ok2 := bytes.Cut(rest, []byte("\n---\n"))
	if !ok || !ok2 {
		return RuleDoc{}, fmt.Errorf("no front matter: start with a --- line, end it with another")
	}
	var fm struct {
		Code, Name, Severity, Profile, Summary string
	}
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil {
		return RuleDoc{}, fmt.Errorf("front matter: %w", err)
	}
	sev, err := diag.ParseSeverity(fm.Severity)
	switch {
	case fm.Code != code:
		return RuleDoc{}, fmt.Errorf("front matter code %q, want %q (the file name)", fm.Code, code)
	case err != nil || sev == diag.SeverityNone:
		return RuleDoc{}, fmt.Errorf("front matter severity %q: want error, warning or info", fm.Severity)
	case fm.Name == "" || fm.Summary == "":
		return RuleDoc{}, fmt.Errorf("front matter needs a name and a summary")
	}
	if _, ok := LookupProfile(fm.Profile); !ok {
		return RuleDoc{}, fmt.Errorf("front matter profile %q: want one of %s", fm.Profile, strings.Join(profileNames(), ", "))
	}
	doc := RuleDoc{Name: fm.Name, Severity: sev, Profile: fm.Profile, Summary: fm.Summary, Sources: []Source{}}
	sections, err := splitSections(string(body))
	if err != nil {
		return RuleDoc{}, err
	}
	for _, s := range sections {
		switch s.title {
		case secDoc:
			doc.Doc = s.text
		case secFix:
			doc.Fix = s.text
		case secSources:
			for line := range strings.SplitSeq(s.text, "\n") {
				item, ok := strings.CutPrefix(line, "- ")
				if !ok {
					return RuleDoc{}, fmt.Errorf("## %s: %q is not a list item (- text, or - [text](url))", secSources, line)
				}
				src := Source{Text: item}
				if m := linkRe.FindStringSubmatch(item); m != nil {
					src = Source{Text: m[1], URL: m[2]}
				}
				doc.Sources = append(doc.Sources, src)
			}
		case secExample:
			m := exampleRe.FindStringSubmatch(s.text)
			if m == nil {
				return RuleDoc{}, fmt.Errorf("## %s: want exactly one ```yaml block", secExample)
			}
			doc.Example = m[1]
		}
	}
	if doc.Doc == "" || doc.Fix == "" || doc.Example == "" {
		return RuleDoc{}, fmt.Errorf("want sections ## %s, ## %s and ## %s, with text", secDoc, secFix, secExample)
	}
	return doc, nil
}

type section struct{ title, text string }

// splitSections splits a Markdown body at its "## " headings, outside code
// blocks, and checks that they are known sections in the right order.
func splitSections(body string) ([]section, error) {
	order := []string{secDoc, secFix, secSources, secExample}
	var out []section
	var text strings.Builder
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].text = strings.TrimSpace(text.String())
		}
		text.Reset()
	}
	fenced := false
	for line := range strings.SplitSeq(body, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		title, ok := strings.CutPrefix(line, "## ")
		if fenced || !ok {
			if len(out) == 0 && strings.TrimSpace(line) != "" {
				return nil, fmt.Errorf("text %q before the first ## section", line)
			}
			text.WriteString(line + "\n")
			continue
		}
		flush()
		i := slices.Index(order, title)
		if i < 0 {
			return nil, fmt.Errorf("unknown section ## %s: want %s", title, strings.Join(order, ", "))
		}
		if len(out) > 0 && slices.Index(order, out[len(out)-1].title) >= i {
			return nil, fmt.Errorf("section ## %s out of order or repeated: want %s", title, strings.Join(order, ", "))
		}
		out = append(out, section{title: title})
	}
	flush()
	return out, nil
}
