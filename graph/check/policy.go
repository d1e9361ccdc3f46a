package check

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// Policy is a checked policy: which profiles are active, whether each rule
// runs, at which severity and with which parameters, and the exceptions that
// silence single findings. Build one with NewPolicy; the zero Policy is not
// usable, but a nil *Policy passed to Run means "defaults plus the chart's
// own policy section".
type Policy struct {
	// Now returns the current time; an exception whose until date is before
	// Now's date has expired. Nil means time.Now. Tests set it to fix the
	// date.
	Now func() time.Time

	active     map[string]bool // active profile names
	rules      map[string]*ruleState
	exceptions map[excKey]graph.Exception
}

// ruleState is the effective setting of one rule under a policy.
type ruleState struct {
	on     bool
	sev    diag.Severity
	params map[string]int
}

type excKey struct{ code, id string }

// setting is one rule's merged policy.rules entries.
type setting struct {
	state  int // 0 unset, 1 off, 2 on at sev, 3 on at the profile's severity
	sev    diag.Severity
	params map[string]int
}

// NewPolicy checks and combines a policy. The active profiles are the
// default ones (core and security), plus those named in the specs' profiles
// lists (in spec order), plus those named in profiles (a caller's choice,
// such as a command-line flag, applied last). A name prefixed with "-" (such as "-security") removes a
// default profile; core is always on.
//
// The specs are applied in order, a later one overriding an earlier one for
// the same rule: pass the chart's own policy section first and a --policy
// file after it. Nil specs are skipped. Within a rule setting, `off`, `on`
// (a setting with neither severity nor parameters) or a severity replaces
// the earlier state, and each parameter replaces the earlier value of that
// parameter; a setting with parameters only leaves the state as it was.
// Profile effects (severity overrides, Enables, Disables) apply before the
// rule settings; a rule setting that is `on` or names a severity switches the
// rule on even when its profile is not active or a profile disables it.
//
// Problems in the specs (an unknown profile, rule code or parameter, a bad
// severity or parameter value, an exception for an unknown rule or without
// id, reason or approved_by) are returned as a diag.ErrorList with the
// position of each offending entry. Problems with the names in profiles are
// returned as *ProfileError values, first, joined with the list
// (errors.Join) when there are both. The returned Policy is never nil: it
// applies every valid part, so a caller may still run with it.
func NewPolicy(profiles []string, specs ...*graph.PolicySpec) (*Policy, error) {
	var errs diag.ErrorList
	pol := &Policy{
		active:     map[string]bool{},
		rules:      map[string]*ruleState{},
		exceptions: map[excKey]graph.Exception{},
	}
	for _, p := range Profiles() {
		if p.Default {
			pol.active[p.Name] = true
		}
	}
	// useProfile activates (or, with "-", removes) the profile name, or
	// says what is wrong with the name.
	useProfile := func(name string) string {
		name = strings.ToLower(strings.TrimSpace(name))
		remove := strings.HasPrefix(name, "-")
		name = strings.TrimPrefix(name, "-")
		p, ok := LookupProfile(name)
		switch {
		case !ok:
			return fmt.Sprintf("unknown profile %q: want one of %s", name, strings.Join(profileNames(), ", "))
		case remove && name == ProfileCore:
			return fmt.Sprintf("profile %q cannot be removed: it is always on", name)
		}
		pol.active[p.Name] = !remove
		return ""
	}
	settings := map[string]*setting{}
	for _, spec := range specs {
		if spec == nil {
			continue
		}
		for i, name := range spec.Profiles {
			pos := spec.Pos
			if i < len(spec.ProfilePos) && spec.ProfilePos[i].IsValid() {
				pos = spec.ProfilePos[i]
			}
			if msg := useProfile(name); msg != "" {
				errs.Add(pos, "%s", msg)
			}
		}
		for _, code := range slices.Sorted(maps.Keys(spec.Rules)) {
			rs := spec.Rules[code]
			pos := rs.Pos
			if !pos.IsValid() {
				pos = spec.Pos
			}
			r, ok := Lookup(strings.ToUpper(strings.TrimSpace(code)))
			if !ok {
				errs.Add(pos, "unknown rule %q in policy rules: run \"orgchart rules\" for the catalog", code)
				continue
			}
			s := settings[r.Code]
			if s == nil {
				s = &setting{}
				settings[r.Code] = s
			}
			switch {
			case rs.Off:
				s.state = 1
			case rs.Severity == "" && len(rs.Params) == 0:
				s.state = 3 // `on`
			case rs.Severity != "":
				sev, err := diag.ParseSeverity(rs.Severity)
				switch {
				case err != nil:
					errs.Add(pos, "bad severity %q for %s: want error, warning, info or off", rs.Severity, r.Code)
				case sev == diag.SeverityNone:
					s.state = 1
				default:
					s.state, s.sev = 2, sev
				}
			}
			for _, name := range slices.Sorted(maps.Keys(rs.Params)) {
				v := rs.Params[name]
				if _, ok := r.Params[name]; !ok {
					if len(r.Params) == 0 {
						errs.Add(pos, "unknown parameter %q for %s (%s): the rule takes no parameters", name, r.Code, r.Name)
					} else {
						errs.Add(pos, "unknown parameter %q for %s (%s): want %s", name, r.Code, r.Name,
							strings.Join(slices.Sorted(maps.Keys(r.Params)), ", "))
					}
					continue
				}
				if v < 0 {
					errs.Add(pos, "parameter %s of %s must be 0 or more, not %d", name, r.Code, v)
					continue
				}
				if s.params == nil {
					s.params = map[string]int{}
				}
				s.params[name] = v
			}
		}
		for _, ex := range spec.Exceptions {
			pos := ex.Pos
			if !pos.IsValid() {
				pos = spec.Pos
			}
			ex.Rule = strings.ToUpper(strings.TrimSpace(ex.Rule))
			ok := true
			if _, found := Lookup(ex.Rule); !found {
				errs.Add(pos, "exception for unknown rule %q: run \"orgchart rules\" for the catalog", ex.Rule)
				ok = false
			}
			if strings.TrimSpace(ex.ID) == "" {
				errs.Add(pos, "exception for %s names no id: add the id of the entry it excuses", ex.Rule)
				ok = false
			}
			if strings.TrimSpace(ex.Reason) == "" {
				errs.Add(pos, "exception for %s %q has no reason: say why the finding is accepted", ex.Rule, ex.ID)
				ok = false
			}
			if strings.TrimSpace(ex.ApprovedBy) == "" {
				errs.Add(pos, "exception for %s %q has no approved_by: name who accepted the risk", ex.Rule, ex.ID)
				ok = false
			}
			if ok {
				// A later exception for the same rule and id replaces an
				// earlier one (a --policy file over the chart's section).
				pol.exceptions[excKey{ex.Rule, graph.Key(ex.ID)}] = ex
			}
		}
	}
	var named []error // problems with the profiles argument
	for _, name := range profiles {
		if msg := useProfile(name); msg != "" {
			named = append(named, &ProfileError{Name: name, Msg: msg})
		}
	}

	for _, r := range Rules() {
		st := &ruleState{on: pol.active[r.Profile], sev: r.Severity, params: maps.Clone(r.Params)}
		for _, p := range Profiles() {
			if !pol.active[p.Name] {
				continue
			}
			if slices.Contains(p.Enables, r.Code) {
				st.on = true
			}
			if sev, ok := p.Severity[r.Code]; ok {
				st.sev = sev
			}
			if slices.Contains(p.Disables, r.Code) {
				st.on = false
			}
		}
		if s := settings[r.Code]; s != nil {
			switch s.state {
			case 1:
				st.on = false
			case 2:
				st.on, st.sev = true, s.sev
			case 3:
				st.on = true
			}
			for k, v := range s.params {
				st.params[k] = v
			}
		}
		pol.rules[r.Code] = st
	}
	if len(named) == 0 {
		return pol, errs.Err()
	}
	return pol, errors.Join(append(named, errs.Err())...)
}

// ProfileError is a name in NewPolicy's profiles argument that cannot be
// used: an unknown profile, or a default one that cannot be removed. It
// carries no position and names no flag: the caller knows where the name
// came from (a command-line flag, a request parameter) and may say so.
type ProfileError struct {
	Name string // the name as given, e.g. "hipaa" or "-core"
	Msg  string // what is wrong and the valid names, lower case
}

func (e *ProfileError) Error() string { return e.Msg }

// state returns r's effective setting.
func (pol *Policy) state(r *Rule) *ruleState {
	if st, ok := pol.rules[r.Code]; ok {
		return st
	}
	// A rule registered after the policy was made: its defaults.
	return &ruleState{on: pol.active[r.Profile], sev: r.Severity, params: r.Params}
}

// Profiles returns the names of the active profiles, in Profiles() order.
func (pol *Policy) Profiles() []string {
	var names []string
	for _, p := range Profiles() {
		if pol.active[p.Name] {
			names = append(names, p.Name)
		}
	}
	return names
}

// Enabled reports whether the rule with the code runs under the policy.
func (pol *Policy) Enabled(code string) bool {
	r, ok := Lookup(code)
	return ok && pol.state(r).on
}

// Severity returns the effective severity of the rule with the code
// (SeverityNone for an unknown code).
func (pol *Policy) Severity(code string) diag.Severity {
	r, ok := Lookup(code)
	if !ok {
		return diag.SeverityNone
	}
	return pol.state(r).sev
}

// Param returns the effective value of a rule's parameter.
func (pol *Policy) Param(code, name string) int {
	r, ok := Lookup(code)
	if !ok {
		return 0
	}
	return pol.state(r).params[name]
}

// today returns the policy's current date at midnight UTC.
func (pol *Policy) today() time.Time {
	now := time.Now()
	if pol.Now != nil {
		now = pol.Now()
	}
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// applyExceptions marks the diagnostics an exception covers as suppressed,
// and notes an expired exception in the message of the diagnostic it no
// longer covers.
func (pol *Policy) applyExceptions(ds []diag.Diagnostic) {
	if len(pol.exceptions) == 0 {
		return
	}
	today := pol.today()
	for i := range ds {
		d := &ds[i]
		if d.Subject == "" {
			continue
		}
		ex, ok := pol.exceptions[excKey{d.Code, graph.Key(d.Subject)}]
		if !ok {
			continue
		}
		if ex.Until.IsZero() {
			d.Suppressed = true
			d.Suppression = fmt.Sprintf("exception: %s (approved by %s)", ex.Reason, ex.ApprovedBy)
			continue
		}
		u := ex.Until.UTC()
		until := time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
		if until.Before(today) {
			d.Message += " (exception expired " + until.Format(time.DateOnly) + ")"
			continue
		}
		d.Suppressed = true
		d.Suppression = fmt.Sprintf("exception: %s (approved by %s, until %s)", ex.Reason, ex.ApprovedBy, until.Format(time.DateOnly))
	}
}
