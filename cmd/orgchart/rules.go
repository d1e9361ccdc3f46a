package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

func init() { subcommands = append(subcommands, newRulesCmd) }

// rulesFormats are the values of `orgchart rules --format`.
var rulesFormats = []string{"text", "json", "markdown"}

func newRulesCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules [CODE]",
		Short: "List the rules and profiles, or explain one rule",
		Long: `Without an argument, rules prints the catalog: every rule's code, name,
default severity, profile and summary, then the profiles and what each one
changes. With a rule code (or name), it prints the rule's full explanation:
what it checks, why, how to fix it or record an exception, its parameters,
its sources and the address of its documentation.`,
		Example: `  orgchart rules
  orgchart rules SEC002
  orgchart rules --format markdown > docs/rules.md`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeRuleCodes,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf("--format", format, rulesFormats); err != nil {
				return err
			}
			var buf bytes.Buffer
			if len(args) == 0 {
				writeCatalog(&buf, format)
			} else {
				r, err := findRule(args[0])
				if err != nil {
					return err
				}
				writeRule(&buf, format, r)
			}
			_, err := e.stdout.Write(buf.Bytes())
			return err
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `FORMAT`: "+strings.Join(rulesFormats, "|"))
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(rulesFormats))
	return cmd
}

// findRule looks a rule up by code (any case) or by name; an unknown one is
// a usage error with a did-you-mean suggestion.
func findRule(arg string) (*check.Rule, error) {
	key := strings.TrimSpace(arg)
	if r, ok := check.Lookup(strings.ToUpper(key)); ok {
		return r, nil
	}
	for _, r := range check.Rules() {
		if strings.EqualFold(r.Name, key) {
			return r, nil
		}
	}
	msg := fmt.Sprintf("unknown rule %q", arg)
	if s := suggestRule(key); s != "" {
		msg += fmt.Sprintf("; did you mean %s?", s)
	}
	msg += ` (run "orgchart rules" for the catalog)`
	return nil, &usageError{errors.New(msg)}
}

// suggestRule returns the rule whose code or name key was probably meant
// to be (diag.DidYouMean): its code, or "CODE (name)" when key is closer to
// the name; "" when nothing is close.
func suggestRule(key string) string {
	rules := check.Rules()
	known := make([]string, 0, 2*len(rules))
	for _, r := range rules {
		known = append(known, r.Code, r.Name)
	}
	i := slices.Index(known, diag.DidYouMean(key, known))
	switch {
	case i < 0:
		return ""
	case i%2 == 0:
		return known[i]
	}
	return known[i-1] + " (" + known[i] + ")"
}

// completeRuleCodes completes `rules CODE` with the codes and their names.
func completeRuleCodes(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, r := range check.Rules() {
		if strings.HasPrefix(r.Code, strings.ToUpper(toComplete)) {
			out = append(out, r.Code+"\t"+r.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// profileEffects describes what profile p changes, in words: the rules it
// switches on or off and the severities it changes.
func profileEffects(p check.Profile) []string {
	var out []string
	if p.Name == check.ProfileCore || p.Name == check.ProfileSecurity || len(p.Enables)+len(p.Disables)+len(p.Severity) == 0 {
		n := 0
		for _, r := range check.Rules() {
			if r.Profile == p.Name {
				n++
			}
		}
		if n > 0 {
			out = append(out, fmt.Sprintf("runs its %d rules", n))
		}
	}
	if len(p.Enables) > 0 {
		out = append(out, "enables "+strings.Join(p.Enables, ", "))
	}
	for _, code := range slices.Sorted(maps.Keys(p.Severity)) {
		out = append(out, fmt.Sprintf("%s becomes %s", code, p.Severity[code]))
	}
	if len(p.Disables) > 0 {
		out = append(out, "turns off "+strings.Join(p.Disables, ", "))
	}
	return out
}

func onOff(def bool) string {
	if def {
		return "on"
	}
	return "opt-in"
}

func writeJSONValue(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // a bytes.Buffer does not fail; the values always encode
}

// writeCatalog writes every rule and profile.
func writeCatalog(w *bytes.Buffer, format string) {
	rules, profiles := check.Rules(), check.Profiles()
	switch format {
	case "json":
		writeJSONValue(w, check.NewCatalog())
	case "markdown":
		w.WriteString("# orgchart rules\n\n| code | name | default | profile | fires when |\n|---|---|---|---|---|\n")
		for _, r := range rules {
			fmt.Fprintf(w, "| [%s](%s) | %s | %s | %s | %s |\n", r.Code, r.URL, r.Name, r.Severity, r.Profile, mdCell(r.Summary))
		}
		w.WriteString("\n## Profiles\n\n| profile | default | effect | sources |\n|---|---|---|---|\n")
		for _, p := range profiles {
			effect := p.Summary
			if e := profileEffects(p); len(e) > 0 {
				effect += " (" + strings.Join(e, "; ") + ")"
			}
			fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", p.Name, onOff(p.Default), mdCell(effect), mdCell(check.MarkdownSources(p.Sources)))
		}
		w.WriteString("\n## Sources\n\n| code | sources |\n|---|---|\n")
		for _, r := range rules {
			if len(r.Sources) > 0 {
				fmt.Fprintf(w, "| %s | %s |\n", r.Code, mdCell(check.MarkdownSources(r.Sources)))
			}
		}
	default:
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CODE\tNAME\tSEVERITY\tPROFILE\tSUMMARY")
		for _, r := range rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Code, r.Name, r.Severity, r.Profile, r.Summary)
		}
		tw.Flush()
		w.WriteString("\nPROFILES\n")
		for _, p := range profiles {
			fmt.Fprintf(w, "\n%s (%s)\n    %s\n", p.Name, onOff(p.Default), p.Summary)
			if e := profileEffects(p); len(e) > 0 {
				fmt.Fprintf(w, "    effect: %s\n", strings.Join(e, "; "))
			}
			for _, s := range p.Sources {
				fmt.Fprintf(w, "    source: %s\n", s)
			}
		}
		w.WriteString("\nSOURCES\n")
		for _, r := range rules {
			if len(r.Sources) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s %s\n", r.Code, r.Name)
			for _, s := range r.Sources {
				fmt.Fprintf(w, "    source: %s\n", s)
			}
		}
		w.WriteString("\nRun \"orgchart rules CODE\" for a rule's explanation, fix and sources.\n" +
			"Choose profiles with --profile NAME or policy.profiles in the chart; -NAME removes a default one.\n")
	}
}

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// profilesChanging lists the profiles that change rule r, with what they
// do (check.ProfileEffects, less the rule's own profile).
func profilesChanging(r *check.Rule) []string {
	var out []string
	for _, e := range check.ProfileEffects(r) {
		switch e.Effect {
		case "enables":
			out = append(out, e.Profile+": switches it on")
		case "disables":
			out = append(out, e.Profile+": turns it off")
		case "severity":
			out = append(out, fmt.Sprintf("%s: makes it %s", e.Profile, e.Severity))
		}
	}
	return out
}

// exceptionExample is how to record an exception for r, as policy YAML.
func exceptionExample(r *check.Rule) string {
	return fmt.Sprintf(`policy:
  exceptions:
    - rule: %s
      id: SUBJECT-ID            # the entry the finding names
      reason: "why the structure is accepted"
      approved_by: WHO-APPROVED
      until: YYYY-MM-DD         # the exception lapses after this date
`, r.Code)
}

// fixShowsException reports whether r's Fix text already shows how to write
// an exception, so the generic example would only repeat it.
func fixShowsException(r *check.Rule) bool {
	return strings.Contains(r.Fix, "exceptions:")
}

// offExample is how to turn r off or change its severity and parameters.
func offExample(r *check.Rule) string {
	if len(r.Params) == 0 {
		return fmt.Sprintf("policy:\n  rules:\n    %s: off               # or: error | warning | info\n", r.Code)
	}
	var ps []string
	for _, k := range slices.Sorted(maps.Keys(r.Params)) {
		ps = append(ps, fmt.Sprintf("%s: %d", k, r.Params[k]))
	}
	return fmt.Sprintf("policy:\n  rules:\n    %s: {severity: %s, %s}   # or: off\n", r.Code, r.Severity, strings.Join(ps, ", "))
}

// writeRule writes one rule's full explanation.
func writeRule(w *bytes.Buffer, format string, r *check.Rule) {
	changing := profilesChanging(r)
	def := "opt-in"
	if p, ok := check.LookupProfile(r.Profile); ok && p.Default {
		def = "on by default"
	}
	switch format {
	case "json":
		writeJSONValue(w, r)
	case "markdown":
		// The rule's documentation page (docs/rules/CODE.md), without its
		// "generated, do not edit" comment.
		var page bytes.Buffer
		_ = check.WriteRuleDoc(&page, r) // writes to memory: cannot fail
		_, body, _ := strings.Cut(page.String(), "-->\n")
		w.WriteString(strings.TrimPrefix(body, "\n"))
	default:
		fmt.Fprintf(w, "%s %s\n", r.Code, r.Name)
		fmt.Fprintf(w, "severity: %s (default)   profile: %s (%s)\n\n", r.Severity, r.Profile, def)
		fmt.Fprintf(w, "Fires when %s.\n", r.Summary)
		if r.Doc != "" {
			fmt.Fprintf(w, "\nWHY\n%s\n", indent(r.Doc))
		}
		if r.Fix != "" {
			fmt.Fprintf(w, "\nHOW TO FIX\n%s\n", indent(r.Fix))
		}
		if fixShowsException(r) {
			w.WriteString("\nCHANGING THE RULE\n")
		} else {
			fmt.Fprintf(w, "\nRECORDING AN EXCEPTION\n%s\n\n%s\n\n",
				indent("If the structure is intended, record a dated, approved exception in the chart's policy section or a --policy file:"),
				indent(exceptionExample(r)))
		}
		fmt.Fprintf(w, "%s\n\n%s\n",
			indent("To change the rule for the whole chart (severity, parameters, or off):"),
			indent(offExample(r)))
		if len(r.Params) > 0 {
			w.WriteString("\nPARAMETERS\n")
			for _, k := range slices.Sorted(maps.Keys(r.Params)) {
				fmt.Fprintf(w, "    %s (default %d)\n", k, r.Params[k])
			}
		}
		if len(changing) > 0 {
			w.WriteString("\nPROFILES\n")
			for _, c := range changing {
				fmt.Fprintf(w, "    %s\n", c)
			}
		}
		if len(r.Sources) > 0 {
			w.WriteString("\nSOURCES\n")
			for _, s := range r.Sources {
				fmt.Fprintf(w, "    - %s\n", s)
			}
		}
		fmt.Fprintf(w, "\nDOCUMENTATION\n    %s\n", r.URL)
	}
}

// indent indents every non-empty line of s by four spaces and trims the end.
func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n")
}
