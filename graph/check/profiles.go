package check

import (
	"slices"

	"github.com/orgchart/orgchart/graph/diag"
)

// The profile names. A rule's Profile is one of them.
const (
	ProfileCore      = "core"
	ProfileSecurity  = "security"
	ProfileGDPR      = "gdpr"
	ProfileFFIEC     = "ffiec"
	ProfileNYDFS     = "nydfs"
	ProfileUSFederal = "us-federal"
)

// Profile is a named set of rules an organisation chooses to follow. A rule
// belongs to exactly one profile (Rule.Profile) and runs when that profile is
// active; an active profile may also switch rules of other profiles on
// (Enables) or off (Disables) and change their default severity (Severity).
// Profile effects are data, applied by NewPolicy in the order of Profiles().
//
// Its JSON form (these tags) is the one JSON form of a profile.
type Profile struct {
	Name    string `json:"name"`
	Summary string `json:"summary"` // one line: what choosing the profile means
	// Default profiles are active unless removed; core cannot be removed.
	Default bool `json:"default"`
	// Sources are the regulations or standards behind the profile.
	Sources []Source `json:"sources"`
	// Enables lists rule codes the profile switches on, whatever their own
	// profile.
	Enables []string `json:"enables,omitempty"`
	// Severity overrides the default severity of rules while the profile is
	// active. Policy rule settings still apply on top.
	Severity map[string]diag.Severity `json:"severity,omitempty"`
	// Disables lists rule codes the profile switches off.
	Disables []string `json:"disables,omitempty"`
}

var profiles = []Profile{
	{
		Name:    ProfileCore,
		Summary: "structure and data: ids, references, cycles, tops, dual reporting, span and depth (always on)",
		Default: true,
		Sources: []Source{},
	},
	{
		Name:    ProfileSecurity,
		Summary: "security reporting structure: CISO/CSO independence, conflicting roles, board access, audit independence (on by default)",
		Default: true,
		Sources: []Source{},
	},
	{
		Name:    ProfileGDPR,
		Summary: "adds SEC008 dpo-conflict: a data protection officer must not hold, or report through, roles that decide the purposes and means of processing",
		Sources: []Source{
			{"GDPR Art. 38(3) and 38(6)", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
			{"WP29/EDPB guidelines on DPOs, WP243 §3.5", ""},
			{"Belgian DPA decision of 28 April 2020 (a DPO who was also head of compliance, risk and audit)", ""},
		},
		Enables: []string{"SEC008"},
	},
	{
		Name:     ProfileFFIEC,
		Summary:  "US banking (FFIEC): a security leader reporting into IT (SEC002) and one with no board access (SEC004) become errors",
		Sources:  []Source{{"FFIEC IT Examination Handbook, Information Security (2016) and Management booklets", "https://ithandbook.ffiec.gov/"}},
		Severity: map[string]diag.Severity{"SEC002": diag.SeverityError, "SEC004": diag.SeverityError},
	},
	{
		Name:     ProfileNYDFS,
		Summary:  "New York financial services: a CISO with no line to the senior governing body (SEC004) is an error",
		Sources:  []Source{{"NYDFS 23 NYCRR 500.4", "https://www.dfs.ny.gov/industry_guidance/cybersecurity"}},
		Severity: map[string]diag.Severity{"SEC004": diag.SeverityError},
	},
	{
		Name:     ProfileUSFederal,
		Summary:  "US federal agencies (FISMA): the CIO designates the CISO, so a CISO under the CIO is not a finding (SEC002 off)",
		Sources:  []Source{{"44 U.S.C. 3554", "https://www.law.cornell.edu/uscode/text/44/3554"}},
		Disables: []string{"SEC002"},
	},
}

// Profiles returns every profile: core and security (on by default) first,
// then the opt-in ones. Callers must not modify the result.
func Profiles() []Profile { return profiles }

// LookupProfile returns the profile with the name.
func LookupProfile(name string) (Profile, bool) {
	i := slices.IndexFunc(profiles, func(p Profile) bool { return p.Name == name })
	if i < 0 {
		return Profile{}, false
	}
	return profiles[i], true
}

// profileNames returns the names of all profiles, in Profiles() order.
func profileNames() []string {
	names := make([]string, len(profiles))
	for i, p := range profiles {
		names[i] = p.Name
	}
	return names
}
