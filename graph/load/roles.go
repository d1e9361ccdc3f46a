package load

import (
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// titleRoles is the documented title → role table used by InferRoles. Keys
// are lower case with single spaces. It is exact on purpose: a title either
// is in the table or infers nothing (docs/format.md lists it).
var titleRoles = map[string]string{
	"chief executive officer":            "CEO",
	"ceo":                                "CEO",
	"chief operating officer":            "COO",
	"coo":                                "COO",
	"chief financial officer":            "CFO",
	"cfo":                                "CFO",
	"chief information officer":          "CIO",
	"cio":                                "CIO",
	"chief technology officer":           "CTO",
	"cto":                                "CTO",
	"chief information security officer": "CISO",
	"ciso":                               "CISO",
	"chief security officer":             "CSO",
	"chief risk officer":                 "CRO",
	"cro":                                "CRO",
	"general counsel":                    "GC",
	"chief legal officer":                "GC",
	"data protection officer":            "DPO",
	"dpo":                                "DPO",
	"chief audit executive":              "CAE",
	"cae":                                "CAE",
	"head of internal audit":             "CAE",
	"director of internal audit":         "CAE",
	"head of it operations":              "ITOPS",
	"vp it operations":                   "ITOPS",
	"it operations director":             "ITOPS",
	"board of directors":                 "BOARD",
	"board":                              "BOARD",
	"audit committee":                    "AUDIT_COMMITTEE",
	"risk committee":                     "RISK_COMMITTEE",
}

// ambiguousTitles are titles that name a role but not which one: a bare
// "CSO" is a chief security, strategy or sales officer.
var ambiguousTitles = map[string]bool{"cso": true}

// InferRoles maps a job title to role codes by the documented table
// (docs/format.md): case-insensitive, with runs of white space folded to one
// space. A title that joins two titles with "&", "and" or "/" (for example
// "CIO & CISO") gives the codes of both, provided every part is in the table.
// ambiguous is true when the title, or one of its parts, is ambiguous (a bare
// "CSO"); an ambiguous part gives no code. A title not in the table gives no
// codes.
func InferRoles(title string) (codes []string, ambiguous bool) {
	t := normTitle(title)
	if t == "" {
		return nil, false
	}
	if c, ok := titleRoles[t]; ok {
		return []string{c}, false
	}
	if ambiguousTitles[t] {
		return nil, true
	}
	parts := splitTitle(t)
	if len(parts) < 2 {
		return nil, false
	}
	for _, part := range parts {
		if ambiguousTitles[part] {
			ambiguous = true
			continue
		}
		c, ok := titleRoles[part]
		if !ok {
			// One part is not a known title: the whole title is not exact.
			return nil, false
		}
		if !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	return codes, ambiguous
}

// normTitle lower-cases s and folds runs of white space into one space.
func normTitle(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// splitTitle splits a normalised title on "&", "/" and the word "and".
func splitTitle(t string) []string {
	t = strings.NewReplacer("&", "\x00", "/", "\x00", " and ", "\x00").Replace(t)
	var parts []string
	for _, p := range strings.Split(t, "\x00") {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil
		}
		parts = append(parts, p)
	}
	return parts
}

// inferer applies role inference to loaded entries, caching the result per
// title as written (HR exports repeat the same few titles).
//
// It also carries what the CSV loader sees of a header (headers, nil when
// the caller mapped no column and the format is not CSV or xlsx): the
// one per-load state the loaders share.
type inferer struct {
	off     bool
	cache   map[string]inferred
	headers *csvHeaders
}

type inferred struct {
	codes     []string
	ambiguous bool
}

// apply infers p's roles from its title when p has none. titlePos is where
// the title is written; kindSet says whether the entry's kind was written
// (an inferred BOARD makes a board, a committee code a committee, only when
// it was not).
func (in *inferer) apply(p *graph.Person, titlePos diag.Pos, kindSet bool) {
	if in == nil || in.off || len(p.Roles) > 0 || p.Title == "" {
		return
	}
	if in.cache == nil {
		in.cache = make(map[string]inferred)
	}
	r, ok := in.cache[p.Title]
	if !ok {
		r.codes, r.ambiguous = InferRoles(p.Title)
		in.cache[p.Title] = r
	}
	p.TitleAmbiguous = r.ambiguous
	if len(r.codes) == 0 {
		return
	}
	p.Roles = make([]graph.Role, len(r.codes))
	for i, c := range r.codes {
		p.Roles[i] = graph.Role{Code: c, Pos: titlePos, Inferred: true}
	}
	if kindSet {
		return
	}
	for _, c := range r.codes {
		switch c {
		case "BOARD":
			p.Kind = graph.KindBoard
			return
		case "AUDIT_COMMITTEE", "RISK_COMMITTEE":
			p.Kind = graph.KindCommittee
			return
		}
	}
}
