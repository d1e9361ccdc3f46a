package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

// sarifFormatter writes one SARIF 2.1.0 log with one run. tool.driver
// carries every rule that ran (id, name, descriptions, help text with the
// fix and sources, help URI, default level, profile tag); each diagnostic is
// a result with its location and related locations. Suppressed diagnostics
// are results with an external suppression. The output validates against
// the SARIF 2.1.0 JSON schema (tested).
type sarifFormatter struct{}

const (
	sarifSchema    = "https://json.schemastore.org/sarif-2.1.0.json"
	informationURI = "https://github.com/orgchart/orgchart"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool      sarifTool       `json:"tool"`
	Artifacts []sarifArtifact `json:"artifacts,omitempty"`
	Results   []sarifResult   `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name,omitempty"`
	ShortDescription     *sarifMessage     `json:"shortDescription,omitempty"`
	FullDescription      *sarifMessage     `json:"fullDescription,omitempty"`
	Help                 *sarifMessage     `json:"help,omitempty"`
	HelpURI              string            `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

// sarifRuleProperty carries the rule's profile as a tag. GitHub code
// scanning reads "security-severity" (a CVSS-like score as a string) on
// rules tagged "security"; the SEC rules carry one derived from their
// default severity.
type sarifRuleProperty struct {
	Tags             []string `json:"tags,omitempty"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifArtifact struct {
	Location sarifArtifactLocation `json:"location"`
}

type sarifResult struct {
	RuleID           string             `json:"ruleId"`
	RuleIndex        int                `json:"ruleIndex"`
	Level            string             `json:"level"`
	Message          sarifMessage       `json:"message"`
	Locations        []sarifLocation    `json:"locations,omitempty"`
	RelatedLocations []sarifLocation    `json:"relatedLocations,omitempty"`
	Suppressions     []sarifSuppression `json:"suppressions,omitempty"`
	Properties       *sarifResultProps  `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Subject string `json:"subject,omitempty"`
}

type sarifLocation struct {
	ID               *int                   `json:"id,omitempty"`
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	Message          *sarifMessage          `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

func (sarifFormatter) Format(w io.Writer, results []*check.Result, opts Options) error {
	rules := rulesOf(results...)
	index := map[string]int{}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "orgchart",
			Version:        opts.ToolVersion,
			InformationURI: informationURI,
			Rules:          []sarifRule{},
		}},
		Results: []sarifResult{},
	}
	for i, r := range rules {
		index[r.Code] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(r))
	}
	for _, r := range results {
		if r.File != "" {
			run.Artifacts = append(run.Artifacts, sarifArtifact{Location: sarifArtifactLocation{URI: fileURI(r.File)}})
		}
	}
	for _, d := range allDiagnostics(results) {
		d = brief(d)
		res := sarifResult{
			RuleID:    d.Code,
			RuleIndex: index[d.Code],
			Level:     sarifLevel(d.Severity),
			Message:   sarifMessage{Text: d.Message},
		}
		if loc := physical(d.Pos); loc != nil {
			res.Locations = []sarifLocation{{PhysicalLocation: loc}}
		}
		for i, rel := range d.Related {
			id := i + 1
			loc := sarifLocation{ID: &id, PhysicalLocation: physical(rel.Pos)}
			if rel.Message != "" {
				loc.Message = &sarifMessage{Text: rel.Message}
			}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		if d.Suppressed {
			res.Suppressions = []sarifSuppression{{Kind: "external", Justification: d.Suppression}}
		}
		if d.Subject != "" {
			res.Properties = &sarifResultProps{Subject: d.Subject}
		}
		run.Results = append(run.Results, res)
	}
	return WriteJSON(w, sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifRuleOf(r *check.Rule) sarifRule {
	sr := sarifRule{
		ID:                   r.Code,
		Name:                 r.Name,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
	}
	if r.Summary != "" {
		sr.ShortDescription = &sarifMessage{Text: r.Summary}
	}
	if r.Doc != "" {
		sr.FullDescription = &sarifMessage{Text: r.Doc}
	}
	if text, md := helpText(r); text != "" {
		sr.Help = &sarifMessage{Text: text, Markdown: md}
	}
	sr.HelpURI = r.URL // "" for a code the catalog does not define
	if r.Profile != "" {
		sr.Properties.Tags = []string{r.Profile}
	}
	if strings.HasPrefix(r.Code, "SEC") {
		if r.Profile != "security" {
			sr.Properties.Tags = append(sr.Properties.Tags, "security")
		}
		sr.Properties.SecuritySeverity = map[diag.Severity]string{
			diag.SeverityError: "8.0", diag.SeverityWarning: "5.0", diag.SeverityInfo: "2.0",
		}[r.Severity]
	}
	return sr
}

// helpText returns a rule's help as plain text and as Markdown: what it
// checks and why, how to fix it, its parameters and its sources, all from
// the rule's documentation file (check.RuleDoc) and its parameters.
func helpText(r *check.Rule) (text, markdown string) {
	var t, m strings.Builder
	if r.Doc != "" {
		t.WriteString(r.Doc + "\n")
		m.WriteString(r.Doc + "\n")
	} else if r.Summary != "" {
		t.WriteString(r.Summary + "\n")
		m.WriteString(r.Summary + "\n")
	}
	if r.Fix != "" {
		t.WriteString("\nHow to fix: " + r.Fix + "\n")
		m.WriteString("\n**How to fix.** " + r.Fix + "\n")
	}
	if len(r.Params) > 0 {
		names := make([]string, 0, len(r.Params))
		for k := range r.Params {
			names = append(names, k)
		}
		slices.Sort(names)
		t.WriteString("\nParameters:\n")
		m.WriteString("\n**Parameters.**\n\n")
		for _, k := range names {
			fmt.Fprintf(&t, "- %s (default %d)\n", k, r.Params[k])
			fmt.Fprintf(&m, "- `%s` (default %d)\n", k, r.Params[k])
		}
	}
	if len(r.Sources) > 0 {
		t.WriteString("\nSources:\n")
		m.WriteString("\n**Sources.**\n\n")
		for _, s := range r.Sources {
			t.WriteString("- " + s.String() + "\n")
			m.WriteString("- " + s.Markdown() + "\n")
		}
	}
	return strings.TrimSpace(t.String()), strings.TrimSpace(m.String())
}

func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.SeverityError:
		return "error"
	case diag.SeverityWarning:
		return "warning"
	case diag.SeverityInfo:
		return "note"
	}
	return "none"
}

func physical(p diag.Pos) *sarifPhysicalLocation {
	if p.File == "" {
		return nil
	}
	loc := &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: fileURI(p.File)}}
	if p.Line > 0 {
		loc.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Column}
	}
	return loc
}

// fileURI turns a file name as given on the command line into a relative
// (or absolute) URI reference, escaping characters such as spaces and the
// angle brackets of "<stdin>".
func fileURI(name string) string {
	u := url.URL{Path: filepath.ToSlash(name)}
	return u.String()
}
