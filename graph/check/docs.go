package check

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph/diag"
)

// The rule documentation pages under docs/rules/ are generated from the
// catalog by WriteRuleDoc and WriteRuleIndex; docs_test.go checks that the
// committed pages match (run `go test ./graph/check/ -run TestRuleDocs
// -update` to rewrite them).
//
// They are generated, not copies of rules/CODE.md, because a page also says
// what lives in Go and nowhere in the rule's file: the parameters and their
// defaults, and what each profile does to the rule (profiles.go); copying
// those facts into every rule file would make two places for each.

// generatedNote heads every generated page; source names what to edit.
func generatedNote(source string) string {
	return "<!-- Generated from " + source + " by `go test ./graph/check/ -run TestRuleDocs -update`. Do not edit: edit the source. -->\n"
}

// ProfileEffect is what one profile does to one rule.
type ProfileEffect struct {
	Profile string
	// Effect is "runs", "enables", "disables" or "severity".
	Effect   string
	Severity diag.Severity // the severity set, for "severity"
}

// article returns "an error", "a warning" or "an info".
func article(s diag.Severity) string {
	if s == diag.SeverityError || s == diag.SeverityInfo {
		return "an " + s.String()
	}
	return "a " + s.String()
}

// ProfileEffects lists what each profile does to r, in Profiles() order: its
// own profile first where it belongs, then the switches and severity changes
// other profiles make.
func ProfileEffects(r *Rule) []ProfileEffect {
	var out []ProfileEffect
	for _, p := range Profiles() {
		if p.Name == r.Profile {
			out = append(out, ProfileEffect{Profile: p.Name, Effect: "runs"})
		} else if slices.Contains(p.Enables, r.Code) {
			out = append(out, ProfileEffect{Profile: p.Name, Effect: "enables"})
		}
		if sev, ok := p.Severity[r.Code]; ok {
			out = append(out, ProfileEffect{Profile: p.Name, Effect: "severity", Severity: sev})
		}
		if slices.Contains(p.Disables, r.Code) {
			out = append(out, ProfileEffect{Profile: p.Name, Effect: "disables"})
		}
	}
	return out
}

// profileWhen says when r's own profile is active: "always on", "on by
// default" or "opt-in".
func profileWhen(name string) string {
	p, ok := LookupProfile(name)
	switch {
	case !ok:
		return "unknown profile"
	case name == ProfileCore:
		return "always on"
	case p.Default:
		return "on by default"
	}
	return "opt-in: `--profile " + name + "` or `policy: {profiles: [" + name + "]}`"
}

// profileChanges is the short form of r's profile effects for the index:
// "ffiec: error; us-federal: off".
func profileChanges(r *Rule) string {
	var parts []string
	for _, e := range ProfileEffects(r) {
		switch e.Effect {
		case "severity":
			parts = append(parts, e.Profile+": "+e.Severity.String())
		case "disables":
			parts = append(parts, e.Profile+": off")
		}
	}
	return strings.Join(parts, "; ")
}

// WriteRuleDoc writes r's documentation page in Markdown: title, code,
// name, default severity, profiles and how they change it, summary,
// explanation, how to fix, how to record an exception, sources and an
// example chart that triggers it.
func WriteRuleDoc(w io.Writer, r *Rule) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("%s\n# %s %s\n\n", generatedNote("graph/check/rules/"+r.Code+".md and the profiles in graph/check/profiles.go"), r.Code, r.Name)
	p("%s.\n\n", capitalise(r.Summary))
	p("| | |\n|---|---|\n")
	p("| Code | `%s` |\n", r.Code)
	p("| Name | `%s` |\n", r.Name)
	p("| Default severity | %s |\n", r.Severity)
	p("| Profile | `%s` (%s) |\n", r.Profile, profileWhen(r.Profile))
	for _, k := range slices.Sorted(maps.Keys(r.Params)) {
		p("| Parameter | `%s`, default %d |\n", k, r.Params[k])
	}
	p("\n## Profiles\n\n")
	for _, e := range ProfileEffects(r) {
		switch e.Effect {
		case "runs":
			p("- `%s` (%s): runs it as %s.\n", e.Profile, profileWhen(e.Profile), article(r.Severity))
		case "enables":
			p("- `%s`: switches it on.\n", e.Profile)
		case "disables":
			p("- `%s`: switches it off.\n", e.Profile)
		case "severity":
			p("- `%s`: makes it %s.\n", e.Profile, article(e.Severity))
		}
	}
	other := diag.SeverityError
	if r.Severity == diag.SeverityError {
		other = diag.SeverityWarning
	}
	p("\nA policy can change the severity or turn the rule off (`policy: {rules: {%s: {severity: %s}}}`, or `%s: off`)", r.Code, other, r.Code)
	if len(r.Params) > 0 {
		k := slices.Sorted(maps.Keys(r.Params))[0]
		p(" and set its parameters (`%s: {%s: %d}`)", r.Code, k, r.Params[k]+1)
	}
	p(".\n\n")
	p("## What it checks and why\n\n%s\n\n", strings.TrimSpace(r.Doc))
	p("## How to fix\n\n%s\n\n", strings.TrimSpace(r.Fix))
	p("## How to record an exception\n\n")
	if strings.Contains(r.Fix, "exceptions:") {
		p("Record a dated, approved exception as shown under How to fix, in the chart's `policy:` section or in a `--policy` file. ")
	} else {
		p("If the organisation accepts the finding, record a dated, approved exception in the chart's `policy:` section or in a `--policy` file:\n\n")
		p("```yaml\npolicy:\n  exceptions:\n    - rule: %s\n      id: ENTRY-ID        # the finding's subject\n      reason: \"why the finding is accepted\"\n      approved_by: audit-committee\n      until: 2027-03-31   # last day it holds\n```\n\n", r.Code)
	}
	p("An exception silences the finding for the entry it names until its `until` date; after that the finding is reported again and says that its exception expired.\n\n")
	p("## Sources\n\n")
	if len(r.Sources) == 0 {
		p("None: this is a rule about the chart's structure and data, not a governance requirement.\n")
	}
	for _, s := range r.Sources {
		p("- %s\n", s.Markdown())
	}
	for _, e := range ProfileEffects(r) {
		if e.Effect == "runs" {
			continue
		}
		if prof, ok := LookupProfile(e.Profile); ok && len(prof.Sources) > 0 {
			p("- Profile `%s`: %s\n", prof.Name, MarkdownSources(prof.Sources))
		}
	}
	p("\n## Example\n\nThis chart triggers %s on the line marked `# want \"%s\"`:\n\n```yaml\n%s```\n", r.Code, r.Code, r.Example)
	return b.Flush()
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// WriteRuleIndex writes the index page of the rule documentation: every
// rule with its profile, default severity, profile changes and summary, and
// every profile.
func WriteRuleIndex(w io.Writer, rules []*Rule) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("%s\n# Rule catalog\n\n", generatedNote("the rule catalog, graph/check/rules/*.md and graph/check/profiles.go"))
	p("Every rule orgchart checks, with its stable code. `orgchart rules` prints this list and `orgchart rules CODE` one rule's full page. ")
	p("Severities are defaults: a policy can change them, turn a rule off, or record a dated, approved exception.\n\n")
	p("| Code | Name | Profile | Default severity | Changed by profiles | Summary |\n|---|---|---|---|---|---|\n")
	for _, r := range rules {
		p("| [%s](%s.md) | %s | %s | %s | %s | %s |\n", r.Code, r.Code, r.Name, r.Profile, r.Severity, profileChanges(r), strings.ReplaceAll(r.Summary, "|", "\\|"))
	}
	p("\n## Profiles\n\n| Profile | Active | What it means | Sources |\n|---|---|---|---|\n")
	for _, pr := range Profiles() {
		p("| `%s` | %s | %s | %s |\n", pr.Name, profileWhen(pr.Name), pr.Summary, MarkdownSources(pr.Sources))
	}
	return b.Flush()
}

// MarkdownSources joins the sources in Markdown (links where they have
// an address), with "; ".
func MarkdownSources(srcs []Source) string {
	parts := make([]string, len(srcs))
	for i, s := range srcs {
		parts[i] = s.Markdown()
	}
	return strings.Join(parts, "; ")
}
