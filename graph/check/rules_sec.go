package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// The role sets of ../shared/GOVERNANCE.md. Order matters only for messages:
// roles are named in the order listed here.
var (
	// securityLeaderRoles are the security leaders.
	securityLeaderRoles = []string{"CISO", "CSO"}
	// itExecutiveRoles are the IT executives a security leader must stay
	// independent of.
	itExecutiveRoles = []string{"CIO", "CTO", "ITOPS"}
	// boardBodyRoles are the board and its committees.
	boardBodyRoles = []string{"BOARD", "AUDIT_COMMITTEE", "RISK_COMMITTEE"}
	// caeConflictRoles are the roles a chief audit executive must not hold.
	caeConflictRoles = []string{"CISO", "CIO", "CFO"}
	// auditChainRoles are the managers a CAE must not report through without
	// a line to the audit committee (SEC006).
	auditChainRoles = []string{"CISO", "CSO", "CIO", "CTO", "ITOPS", "CFO", "CRO"}
	// dpoConflictRoles are the roles a DPO must not hold (SEC008).
	dpoConflictRoles = []string{"CEO", "COO", "CFO", "CIO", "CTO", "ITOPS", "CISO", "CSO"}
	// dpoChainRoles are the managers a DPO must not report through without a
	// line to the top (SEC008); the CEO is the top, so it is not one of them.
	dpoChainRoles = []string{"COO", "CFO", "CIO", "CTO", "ITOPS", "CISO", "CSO"}
	// executiveRoles name a manager in a message.
	executiveRoles = []string{"CEO", "COO", "CFO", "CIO", "CTO", "ITOPS", "CISO", "CSO", "CRO", "GC", "CAE", "DPO"}
)

// exceptionSnippet returns the YAML of an approved exception for code.
func exceptionSnippet(code, id, reason string) string {
	return "```yaml\npolicy:\n  exceptions:\n    - rule: " + code + "\n      id: " + id +
		"\n      reason: \"" + reason + "\"\n      approved_by: audit-committee\n      until: 2027-03-31\n```\n\n" +
		"It names the entry the finding is about, why the risk is accepted, who accepted it and the last " +
		"day it holds; after that day the finding is reported again, so the decision is reviewed rather than forgotten."
}

func init() {
	register(&Rule{
		Code:     "SEC001",
		Name:     "missing-security-leader",
		Severity: diag.SeverityError,
		Profile:  ProfileSecurity,
		Summary:  "no entry holds CISO or CSO, or every one is vacant",
		Doc: `Fires once per chart when no entry holds the role code CISO or CSO, or when every entry ` +
			`that does is a vacant position. The finding is placed on the CEO's entry (the first top when ` +
			`no entry holds CEO), because appointing a security leader is the chief executive's call; ` +
			`when the security positions exist but are all vacant, it is placed on the first of them and ` +
			`points at the others.

Why: every framework this rule cites starts from a named, accountable person. NIST SP 800-53 ` +
			`control PM-2 requires a senior information security officer with the mission and resources ` +
			`to run the security programme; FISMA (44 U.S.C. 3554(a)(3)(A)) makes security that ` +
			`official's primary duty; NYDFS 23 NYCRR 500.4 requires a covered entity to designate a CISO. ` +
			`A chart with no security leader, or only an open requisition, has nobody accountable for ` +
			`security.

Role rules match role codes, not titles: an entry titled "Head of Security" counts only when its ` +
			`roles list CISO or CSO (or the title maps to one through the documented title table).`,
		Fix: `Give the entry that leads security the role code: ` + "`roles: [CISO]`" + ` (or CSO). If the ` +
			`position is open, fill it, or record that an interim arrangement was accepted with a dated ` +
			`exception on the entry the finding names:

` + exceptionSnippet("SEC001", "ceo", "CISO search under way; interim vCISO engaged"),
		Sources: []string{
			"NIST SP 800-53 PM-2",
			"44 U.S.C. 3554(a)(3)(A) (security as the official's primary duty)",
			"NYDFS 23 NYCRR 500.4",
		},
		Run: runMissingSecurityLeader,
	})
	register(&Rule{
		Code:     "SEC002",
		Name:     "security-reports-to-it",
		Severity: diag.SeverityWarning,
		Profile:  ProfileSecurity,
		Summary:  "a security leader's chain of command passes through an IT executive (CIO, CTO or ITOPS)",
		Doc: `Fires for each security leader (CISO or CSO) whose chain of command (its solid-line ` +
			`manager, that manager's manager, and so on to the top) passes through an IT executive: an ` +
			`entry holding CIO, CTO or ITOPS. The IT executive may be the direct manager or sit further ` +
			`up, above intermediate managers. The message names the whole chain, for example ` +
			"`CISO \"lee\" reports to CTO \"kim\" via \"pat\"`" + `, and the related positions point at ` +
			`each reports_to line of it. A vacant security position is checked like a filled one: the ` +
			`structure is what is wrong, whoever is hired into it.

Why: the security function assesses and challenges the risks that IT operations create. If the ` +
			`person who owns IT delivery, budget and uptime also manages the security leader, security ` +
			`findings compete with delivery goals inside one chain of command, and the board hears about ` +
			`security through the person being assessed. The FFIEC IT Examination Handbook (Information ` +
			`Security, 2016) says the security officer "should not report to IT operations management"; ` +
			`the FFIEC Management booklet and Belgium's CCB CyberFundamentals make the same point about ` +
			`independence.

Counter-view: FISMA has the CIO designate the agency CISO, so US federal agencies routinely ` +
			`place the CISO under the CIO, and ISACA's answer to "where should the CISO report?" is "it ` +
			`depends". Surveys agree that many CISOs report to the CIO (Heidrick & Struggles 2022: CIO ` +
			`38%, CTO 15%; Ponemon: about half). That is why this rule is a warning, not an error, by ` +
			`default; the ` + "`ffiec`" + ` profile makes it an error, and the ` + "`us-federal`" + ` ` +
			`profile turns it off.`,
		Fix: `Move the security leader's solid line out of IT: have it report to the CEO, the COO, the ` +
			`general counsel or the CRO, keeping a dotted line to the CIO or CTO for day-to-day ` +
			`coordination if you need one:

` + "```yaml\n- id: ciso\n  roles: [CISO]\n  reports_to: ceo\n  dotted: [{to: cio, type: coordination}, audit-committee]\n```" + `

If the organisation has decided to keep the line into IT and accepts the risk, record a dated, ` +
			`approved exception (FFIEC asks you to "document your recognition of increased risk"):

` + exceptionSnippet("SEC002", "ciso", "CISO reports to the CIO until the 2027 reorganisation") + `

A US federal agency following FISMA can instead choose the ` + "`us-federal`" + ` profile.`,
		Sources: []string{
			`FFIEC IT Handbook, Information Security (2016): the security officer "should not report to IT operations management"`,
			"FFIEC Management booklet",
			"Belgium CCB CyberFundamentals",
			`Counter-view: FISMA has the CIO designate the CISO; ISACA "it depends" — hence warning, and a profile that turns it off`,
		},
		Run: runSecurityReportsToIT,
	})
	register(&Rule{
		Code:     "SEC003",
		Name:     "conflicting-roles",
		Severity: diag.SeverityError,
		Profile:  ProfileSecurity,
		Summary:  "one entry holds roles that must be separate: a security leader with an IT executive role, or CAE with CISO, CIO or CFO",
		Doc: `Fires once for each entry that holds roles which must be held by different people: a ` +
			`security leader role (CISO or CSO) together with an IT executive role (CIO, CTO or ITOPS), ` +
			`or the chief audit executive role (CAE) together with CISO, CIO or CFO. The message names ` +
			`the conflicting roles; the related positions point at where each role is written.

Why: segregation of duties. A CIO who is also the CISO sets the security bar for the systems ` +
			`they deliver and then reports on how well they met it; a CAE who is also the CFO or CISO ` +
			`audits their own work. FISMA requires security to be the CISO's primary duty, which a CIO ` +
			`cannot give it; the FFIEC handbooks call for segregation of duties; and after the 2012 ` +
			`South Carolina Department of Revenue breach the state inspector general concluded that ` +
			`"the individual implementing security can't be the same as the person … testing security".`,
		Fix: `Give the conflicting roles to different people: appoint a separate CISO (or CAE) and ` +
			`remove the role code from the entry that holds both:

` + "```yaml\n- id: cio\n  roles: [CIO]\n  reports_to: ceo\n- id: ciso\n  roles: [CISO]\n  reports_to: ceo\n```" + `

In a small organisation where one person must wear both hats for now, record a dated, ` +
			`approved exception and compensate (for example with an external review):

` + exceptionSnippet("SEC003", "cio", "one person holds CIO and CISO until a CISO is hired; external pen test each quarter"),
		Sources: []string{
			"FISMA primary-duty wording",
			"FFIEC segregation of duties",
			`South Carolina inspector general after the 2012 breach ("the individual implementing security can't be the same as the person … testing security")`,
		},
		Run: runConflictingRoles,
	})
	register(&Rule{
		Code:     "SEC004",
		Name:     "no-board-access",
		Severity: diag.SeverityWarning,
		Profile:  ProfileSecurity,
		Summary:  "a security leader has no direct line, solid or dotted, to a board body or the CEO",
		Doc: `Fires for each security leader (CISO or CSO) none of whose own lines, solid or dotted, ` +
			`goes straight to the CEO or to a board body: an entry holding BOARD, AUDIT_COMMITTEE or ` +
			`RISK_COMMITTEE (an entry of ` + "`kind: board`" + ` counts as the board). A line through ` +
			`the leader's chain of command does not count: every chain ends at the top, but reaching the ` +
			`board only through the CIO means the board hears security through the CIO. An entry that ` +
			`is itself the CEO is not checked.

Why: the governing body needs to hear about security risk from the person accountable for it. ` +
			`NYDFS 500.4 requires the CISO to report to the senior governing body; SEC Regulation S-K ` +
			`Item 106(c) asks listed companies to describe how management reports cybersecurity risk to ` +
			`the board; FFIEC expects the security officer to have access to the board or a board ` +
			`committee. The ` + "`nydfs`" + ` and ` + "`ffiec`" + ` profiles make this an error.`,
		Fix: `Give the security leader a direct line to the board, its audit or risk committee, or the ` +
			`CEO. A dotted line is enough and keeps the solid line where it is:

` + "```yaml\n- id: ciso\n  roles: [CISO]\n  reports_to: cio\n  dotted: [{to: audit-committee, type: reporting}]\n```" + `

Or record a dated, approved exception:

` + exceptionSnippet("SEC004", "ciso", "CISO presents to the board through the CRO until Q1 2027"),
		Sources: []string{
			"NYDFS 500.4 (CISO reports to the senior governing body)",
			"SEC Reg S-K Item 106(c)",
			"FFIEC (board or board committee)",
		},
		Run: runNoBoardAccess,
	})
	register(&Rule{
		Code:     "SEC005",
		Name:     "security-leader-too-deep",
		Severity: diag.SeverityWarning,
		Profile:  ProfileSecurity,
		Summary:  "a security leader sits more than N levels below the CEO (default 2)",
		Doc: `Fires for each security leader (CISO or CSO) that sits more than ` + "`max`" + ` solid-line ` +
			`levels below the CEO (the nearest entry holding CEO above it; when the leader is not under a ` +
			`CEO, the difference between its level and the CEO's; when no entry holds CEO, its level ` +
			`below the top). The default limit is 2: a CISO reporting to a CIO who reports to the CEO is ` +
			`at the limit, one more manager in between is over it. The message names the chain to the ` +
			`CEO.

Why: every level between the security leader and the chief executive filters and delays what ` +
			`the top hears about security risk, and lowers the leader's standing when it has to ` +
			`challenge a business decision. Heidrick & Struggles' CISO surveys find about two-thirds of ` +
			`CISOs two levels below the CEO; deeper than that is unusual and worth a decision on record.`,
		Fix: `Shorten the chain: have the security leader report to the CEO or to one of the CEO's ` +
			`direct reports. If the chart's conventions differ (for example a holding structure with a ` +
			`group CEO), raise the limit in the policy:

` + "```yaml\npolicy:\n  rules:\n    SEC005: {max: 3}\n```" + `

Or record a dated, approved exception:

` + exceptionSnippet("SEC005", "ciso", "CISO moves under the COO after the 2027 merger"),
		Sources: []string{
			"Heidrick & Struggles CISO surveys (about two-thirds of CISOs are two levels below the CEO)",
		},
		Params: map[string]int{"max": 2},
		Run:    runSecurityLeaderTooDeep,
	})
	register(&Rule{
		Code:     "SEC006",
		Name:     "audit-independence",
		Severity: diag.SeverityError,
		Profile:  ProfileSecurity,
		Summary:  "a CAE's chain of command passes through a security leader, an IT executive, the CFO or the CRO, and the CAE has no line to the audit committee",
		Doc: `Fires for each chief audit executive (CAE) whose chain of command passes through an entry ` +
			`holding CISO, CSO, CIO, CTO, ITOPS, CFO or CRO, when the CAE has no line of its own, solid ` +
			`or dotted, to an entry holding AUDIT_COMMITTEE. The message names the chain to the first ` +
			`such manager.

Why: internal audit is the third line. It must be able to audit the security, IT, finance and ` +
			`risk functions without reporting to the people who run them. The IIA Three Lines Model ` +
			`(2020), principle 5, requires internal audit's independence from management, with ` +
			`functional reporting to the governing body; the FFIEC Management booklet expects the ` +
			`audit function to report to the board's audit committee. A CAE under the CFO with a line ` +
			`to the audit committee is a common and accepted arrangement (administrative line to ` +
			`management, functional line to the committee); without that line it is not.`,
		Fix: `Add a line from the CAE to the audit committee (functional reporting), or move the ` +
			`CAE's solid line to the CEO or the committee:

` + "```yaml\n- id: cae\n  roles: [CAE]\n  reports_to: cfo\n  dotted: [{to: audit-committee, type: functional}]\n```" + `

Or record a dated, approved exception:

` + exceptionSnippet("SEC006", "cae", "audit committee being constituted; chair appointed 2026-12"),
		Sources: []string{
			"IIA Three Lines Model (2020), principle 5",
			"FFIEC Management booklet",
		},
		Run: runAuditIndependence,
	})
	register(&Rule{
		Code:     "SEC007",
		Name:     "overlapping-security-leaders",
		Severity: diag.SeverityWarning,
		Profile:  ProfileSecurity,
		Summary:  "a CISO and a CSO both exist and neither is in the other's chain of command",
		Doc: `Fires when the chart has a CISO and a CSO (both filled positions, held by different ` +
			`entries) and neither sits in the other's chain of command: two heads of security side by ` +
			`side. One finding per such pair, placed on the later entry in the file, with a related ` +
			`position at the other.

Why: when both exist without one reporting to the other, nobody is accountable for security as a ` +
			`whole; physical and information security, incidents that span both, and the budget fall ` +
			`between two chains of command (the seed scenario of this tool: the CISO under the CTO, the ` +
			`CSO under the CIO). ANSI/ASIS CSO.1-2013 describes the CSO as the senior, converged ` +
			`security executive, to whom a CISO commonly reports.`,
		Fix: `Decide which role leads security and put the other in its chain of command, commonly the ` +
			`CISO under the CSO:

` + "```yaml\n- id: cso\n  roles: [CSO]\n  reports_to: ceo\n- id: ciso\n  roles: [CISO]\n  reports_to: cso\n```" + `

Or merge the roles into one position, or record a dated, approved exception on the entry the ` +
			`finding names:

` + exceptionSnippet("SEC007", "cso", "converged security function planned for 2027; CISO and CSO meet weekly"),
		Sources: []string{
			"ANSI/ASIS CSO.1-2013 (the CSO as the senior, converged security executive; a CISO commonly reports to the CSO)",
		},
		Run: runOverlappingSecurityLeaders,
	})
	register(&Rule{
		Code:     "SEC008",
		Name:     "dpo-conflict",
		Severity: diag.SeverityError,
		Profile:  ProfileGDPR,
		Summary:  "a DPO also holds CEO, COO, CFO, CIO, CTO, ITOPS, CISO or CSO, or reports through one of them without a line to the top",
		Doc: `Opt-in with the ` + "`gdpr`" + ` profile. Fires for each data protection officer (an entry ` +
			`holding DPO) that also holds CEO, COO, CFO, CIO, CTO, ITOPS, CISO or CSO, or whose chain ` +
			`of command passes through an entry holding COO, CFO, CIO, CTO, ITOPS, CISO or CSO while the ` +
			`DPO has no line of its own, solid or dotted, to the top: an entry holding CEO or a board ` +
			`body (BOARD, AUDIT_COMMITTEE, RISK_COMMITTEE, or an entry of ` + "`kind: board`" + `). An entry ` +
			`that also holds CEO is the top, not a manager to report through.

Why: GDPR Art. 38(3) requires the DPO to report directly to the highest management level and ` +
			`not to receive instructions on their tasks; Art. 38(6) allows other duties only when they ` +
			`do not create a conflict of interest. The WP29/EDPB guidelines on DPOs (WP243 §3.5) list ` +
			`senior management positions (chief executive, operating, financial, medical, marketing, ` +
			`HR, head of IT) as conflicting, because those roles decide the purposes and means of ` +
			`processing that the DPO must monitor. The Belgian DPA fined a company in its decision of 28 ` +
			`April 2020 because its DPO was also head of compliance, risk management and audit.`,
		Fix: `Give the DPO role to someone without a conflicting role, and give the DPO a line to the ` +
			`CEO or the board, solid or dotted:

` + "```yaml\n- id: dpo\n  roles: [DPO]\n  reports_to: gc\n  dotted: [{to: ceo, type: reporting}]\n```" + `

Or record a dated, approved exception:

` + exceptionSnippet("SEC008", "dpo", "external DPO appointed from 2027-04; internal interim"),
		Sources: []string{
			"GDPR Art. 38(3) and 38(6)",
			"WP29/EDPB guidelines WP243 §3.5",
			"Belgian DPA decision of 28 April 2020 (a DPO who was also head of compliance, risk and audit)",
		},
		Run: runDPOConflict,
	})
}

// hasAny reports whether p holds any of the role codes.
func hasAny(p *graph.Person, codes []string) bool {
	for _, c := range codes {
		if p.HasRole(c) {
			return true
		}
	}
	return false
}

// held returns the codes of the set that p holds, in the set's order.
func held(p *graph.Person, codes []string) []string {
	var out []string
	for _, c := range codes {
		if p.HasRole(c) {
			out = append(out, c)
		}
	}
	return out
}

// isBoardBody reports whether p is the board or one of its committees: it
// holds BOARD, AUDIT_COMMITTEE or RISK_COMMITTEE, or it is of kind board.
func isBoardBody(p *graph.Person) bool {
	return p.Kind == graph.KindBoard || hasAny(p, boardBodyRoles)
}

// isTop reports whether p is "the top" for a direct line: the CEO or a board
// body.
func isTop(p *graph.Person) bool { return p.HasRole("CEO") || isBoardBody(p) }

// label names entry i for a message by the roles of set it holds and its id:
// `CISO "lee"`, `CIO/CISO "pat"`, or just `"pat"` when it holds none.
func label(g *graph.Graph, i int, set []string) string {
	p := g.Person(i)
	if r := held(p, set); len(r) > 0 {
		return strings.Join(r, "/") + " " + diag.Quote(p.ID)
	}
	return diag.Quote(p.ID)
}

// quoteAll quotes the ids of entries and joins them with ", ".
func quoteAll(g *graph.Graph, ids []int) string {
	q := make([]string, len(ids))
	for k, i := range ids {
		q[k] = diag.Quote(g.Person(i).ID)
	}
	return strings.Join(q, ", ")
}

// hasDirectLine reports whether i has a line of its own, solid (to any of its
// managers) or dotted, to an entry that satisfies match.
func hasDirectLine(g *graph.Graph, i int, match func(*graph.Person) bool) bool {
	for _, l := range g.Managers(i) {
		if match(g.Person(l.To)) {
			return true
		}
	}
	for _, l := range g.DottedFrom(i) {
		if match(g.Person(l.To)) {
			return true
		}
	}
	return false
}

// chain is a path up a chain of command: from an entry through its first
// managers to a target above it.
type chain struct {
	from  int
	steps []int // the managers, in order, ending at the target
}

// walkTo returns the chain from i up to target, which must be in i's chain
// of command (as found by an ancestors finder); target -1 walks to the top,
// for entries not on or under a cycle (Level >= 0). The walk is bounded by
// the number of entries, so a wrong target cannot make it loop.
func walkTo(g *graph.Graph, i, target int) chain {
	c := chain{from: i}
	for cur, n := i, 0; n < g.Len(); n++ {
		m := g.Manager(cur)
		if m < 0 {
			break
		}
		c.steps = append(c.steps, m)
		if m == target {
			break
		}
		cur = m
	}
	return c
}

// target returns the last entry of the chain (-1 when empty).
func (c chain) target() int {
	if len(c.steps) == 0 {
		return -1
	}
	return c.steps[len(c.steps)-1]
}

// via returns ` via "a", "b"` for the intermediate managers, or "".
func (c chain) via(g *graph.Graph) string {
	if len(c.steps) < 2 {
		return ""
	}
	return " via " + quoteAll(g, c.steps[:len(c.steps)-1])
}

// evidence returns a related position at each reports_to line of the chain
// and the lines themselves, for a renderer to draw.
func (c chain) evidence(g *graph.Graph) ([]diag.Related, []diag.Edge) {
	var rel []diag.Related
	var lines []diag.Edge
	cur := c.from
	for _, m := range c.steps {
		from, to := g.Person(cur), g.Person(m)
		pos := from.At("reports_to")
		for _, l := range g.Managers(cur) {
			if l.To == m {
				pos = l.Pos
				break
			}
		}
		rel = append(rel, diag.Related{Pos: pos, Message: diag.Quote(from.ID) + " reports to " + diag.Quote(to.ID) + " here"})
		lines = append(lines, diag.Edge{From: from.ID, To: to.ID})
		cur = m
	}
	return rel, lines
}

// Entry states of the ancestors finder's memo.
const (
	memoUnknown  = -3 // not computed yet
	memoVisiting = -2 // on the current walk
	memoNone     = -1 // no matching entry above
)

// ancestors finds the nearest entry above an entry in its chain of command
// (first solid-line managers, as graph.Graph.Chain follows them) that
// satisfies match. Results are memoised, so asking for every entry of the
// chart costs time linear in people: each entry's manager is looked at once.
// It is written by hand because dominikbraun/graph offers no memoised
// ancestor search and its algorithms copy the whole graph per call.
//
// On a cycle of solid lines (ORG003), an entry's chain runs round the cycle
// and stops before it would come back to the entry, as graph.Graph.Chain
// does; entries below a cycle see the cycle's members from where they join.
type ancestors struct {
	g     *graph.Graph
	match func(int) bool
	memo  []int32
	stack []int
}

func newAncestors(g *graph.Graph, match func(*graph.Person) bool) *ancestors {
	memo := make([]int32, g.Len())
	for i := range memo {
		memo[i] = memoUnknown
	}
	return &ancestors{g: g, match: func(i int) bool { return match(g.Person(i)) }, memo: memo}
}

// find returns the nearest entry above i that matches, or -1.
func (a *ancestors) find(i int) int {
	if a.memo[i] >= memoNone {
		return int(a.memo[i])
	}
	stack := a.stack[:0]
	for cur := i; ; {
		a.memo[cur] = memoVisiting
		stack = append(stack, cur)
		m := a.g.Manager(cur)
		if m < 0 || a.memo[m] >= memoNone {
			break
		}
		if a.memo[m] == memoVisiting {
			k := len(stack) - 1
			for stack[k] != m {
				k--
			}
			a.resolveCycle(stack[k:])
			stack = stack[:k]
			break
		}
		cur = m
	}
	for j := len(stack) - 1; j >= 0; j-- {
		x := stack[j]
		switch m := a.g.Manager(x); {
		case m < 0:
			a.memo[x] = memoNone
		case a.match(m):
			a.memo[x] = int32(m)
		default:
			a.memo[x] = a.memo[m]
		}
	}
	a.stack = stack
	return int(a.memo[i])
}

// resolveCycle sets the memo of each entry of a cycle c, where c[j]'s first
// manager is c[j+1] and the last one's is c[0]: the first match among the
// entries after it round the cycle, itself excluded.
func (a *ancestors) resolveCycle(c []int) {
	k := len(c)
	next := -1 // position (in two turns round the cycle) of the nearest match after p
	for p := 2*k - 1; p >= 0; p-- {
		if p < k {
			if next >= 0 && next-p < k {
				a.memo[c[p]] = int32(c[next%k])
			} else {
				a.memo[c[p]] = memoNone
			}
		}
		if a.match(c[p%k]) {
			next = p
		}
	}
}

// entriesWith returns the entries holding any of the role codes, in file
// order.
func entriesWith(g *graph.Graph, codes []string) []int {
	var out []int
	for i := range g.Len() {
		if hasAny(g.Person(i), codes) {
			out = append(out, i)
		}
	}
	return out
}

// runMissingSecurityLeader implements SEC001.
func runMissingSecurityLeader(p *Pass) {
	g := p.Graph
	if g.Len() == 0 {
		return
	}
	leaders := entriesWith(g, securityLeaderRoles)
	var vacant []int
	for _, i := range leaders {
		if !g.Person(i).Vacant {
			return
		}
		vacant = append(vacant, i)
	}
	if len(vacant) > 0 {
		first := g.Person(vacant[0])
		d := diag.Diagnostic{
			Pos:     first.Pos,
			Subject: first.ID,
			Message: fmt.Sprintf("no security leader: every CISO or CSO position is vacant (%s)", quoteAll(g, vacant)),
		}
		for _, i := range vacant[1:] {
			d.Related = append(d.Related, diag.Related{Pos: g.Person(i).Pos, Message: fmt.Sprintf("%s is vacant", label(g, i, securityLeaderRoles))})
		}
		p.Report(d)
		return
	}
	at := -1
	for i := range g.Len() {
		if g.Person(i).HasRole("CEO") {
			at = i
			break
		}
	}
	if at < 0 {
		if tops := g.Tops(); len(tops) > 0 {
			at = tops[0]
		} else {
			at = 0
		}
	}
	e := g.Person(at)
	p.Report(diag.Diagnostic{
		Pos:     e.Pos,
		Subject: e.ID,
		Message: "no security leader: no entry holds role CISO or CSO",
	})
}

// runSecurityReportsToIT implements SEC002.
func runSecurityReportsToIT(p *Pass) {
	g := p.Graph
	it := newAncestors(g, func(q *graph.Person) bool { return hasAny(q, itExecutiveRoles) })
	for _, i := range entriesWith(g, securityLeaderRoles) {
		t := it.find(i)
		if t < 0 {
			continue
		}
		c := walkTo(g, i, t)
		rel, lines := c.evidence(g)
		p.Report(diag.Diagnostic{
			Pos:     g.Person(i).Pos,
			Subject: g.Person(i).ID,
			Message: fmt.Sprintf("%s reports to %s%s", label(g, i, securityLeaderRoles), label(g, t, itExecutiveRoles), c.via(g)),
			Related: rel,
			Lines:   lines,
		})
	}
}

// runConflictingRoles implements SEC003.
func runConflictingRoles(p *Pass) {
	g := p.Graph
	for i := range g.Len() {
		e := g.Person(i)
		var pairs []string
		var involved []string
		add := func(a, b string) {
			pairs = append(pairs, a+" and "+b)
			for _, c := range []string{a, b} {
				if !slices.Contains(involved, c) {
					involved = append(involved, c)
				}
			}
		}
		for _, s := range held(e, securityLeaderRoles) {
			for _, x := range held(e, itExecutiveRoles) {
				add(s, x)
			}
		}
		if e.HasRole("CAE") {
			for _, x := range held(e, caeConflictRoles) {
				add("CAE", x)
			}
		}
		if len(pairs) == 0 {
			continue
		}
		d := diag.Diagnostic{
			Pos:     e.Pos,
			Subject: e.ID,
			Message: fmt.Sprintf("%s holds roles that must be separate: %s", diag.Quote(e.ID), strings.Join(pairs, "; ")),
		}
		for _, r := range e.Roles {
			if slices.Contains(involved, r.Code) && r.Pos.IsValid() {
				how := "held"
				if r.Inferred {
					how = "inferred from the title"
				}
				d.Related = append(d.Related, diag.Related{Pos: r.Pos, Message: fmt.Sprintf("role %s %s here", r.Code, how)})
			}
		}
		p.Report(d)
	}
}

// runNoBoardAccess implements SEC004.
func runNoBoardAccess(p *Pass) {
	g := p.Graph
	for _, i := range entriesWith(g, securityLeaderRoles) {
		e := g.Person(i)
		if e.HasRole("CEO") || isBoardBody(e) || hasDirectLine(g, i, isTop) {
			continue
		}
		d := diag.Diagnostic{Pos: e.Pos, Subject: e.ID}
		msg := fmt.Sprintf("%s has no direct line, solid or dotted, to the board, a board committee or the CEO", label(g, i, securityLeaderRoles))
		if m := g.Manager(i); m >= 0 {
			c := chain{from: i, steps: []int{m}}
			d.Related, _ = c.evidence(g)
			msg += fmt.Sprintf(": it reports to %s", label(g, m, executiveRoles))
		}
		d.Message = msg
		p.Report(d)
	}
}

// runSecurityLeaderTooDeep implements SEC005.
func runSecurityLeaderTooDeep(p *Pass) {
	g := p.Graph
	limit := p.Param("max")
	isCEO := func(q *graph.Person) bool { return q.HasRole("CEO") }
	ceoAbove := newAncestors(g, isCEO)
	firstCEO := -1
	for i := range g.Len() {
		if isCEO(g.Person(i)) && g.Level(i) >= 0 {
			firstCEO = i
			break
		}
	}
	for _, i := range entriesWith(g, securityLeaderRoles) {
		e := g.Person(i)
		if e.HasRole("CEO") {
			continue
		}
		lvl := g.Level(i)
		if lvl < 0 {
			continue // on or under a cycle: ORG003 says so
		}
		var c chain
		var msg string
		switch ceo := ceoAbove.find(i); {
		case ceo >= 0:
			c = walkTo(g, i, ceo)
			if len(c.steps) <= limit {
				continue
			}
			msg = fmt.Sprintf("%s is %s below %s%s, more than the limit of %d", label(g, i, securityLeaderRoles), diag.Plural(len(c.steps), "level", "levels"), label(g, ceo, []string{"CEO"}), c.via(g), limit)
		case firstCEO >= 0:
			d := lvl - g.Level(firstCEO)
			if d <= limit {
				continue
			}
			c = walkTo(g, i, -1)
			msg = fmt.Sprintf("%s is %s below the level of %s, more than the limit of %d, and not under it (chain: %s)", label(g, i, securityLeaderRoles), diag.Plural(d, "level", "levels"), label(g, firstCEO, []string{"CEO"}), limit, quoteAll(g, c.steps))
		default:
			if lvl <= limit {
				continue
			}
			c = walkTo(g, i, -1)
			msg = fmt.Sprintf("%s is %s below the top %s%s, more than the limit of %d (no entry holds CEO)", label(g, i, securityLeaderRoles), diag.Plural(lvl, "level", "levels"), diag.Quote(g.Person(c.target()).ID), c.via(g), limit)
		}
		rel, lines := c.evidence(g)
		p.Report(diag.Diagnostic{Pos: e.Pos, Subject: e.ID, Message: msg, Related: rel, Lines: lines})
	}
}

// runAuditIndependence implements SEC006.
func runAuditIndependence(p *Pass) {
	g := p.Graph
	conflict := newAncestors(g, func(q *graph.Person) bool { return hasAny(q, auditChainRoles) })
	isAC := func(q *graph.Person) bool { return q.HasRole("AUDIT_COMMITTEE") }
	for _, i := range entriesWith(g, []string{"CAE"}) {
		t := conflict.find(i)
		if t < 0 || hasDirectLine(g, i, isAC) {
			continue
		}
		c := walkTo(g, i, t)
		rel, lines := c.evidence(g)
		p.Report(diag.Diagnostic{
			Pos:     g.Person(i).Pos,
			Subject: g.Person(i).ID,
			Message: fmt.Sprintf("%s reports to %s%s and has no line to the audit committee", label(g, i, []string{"CAE"}), label(g, t, auditChainRoles), c.via(g)),
			Related: rel,
			Lines:   lines,
		})
	}
}

// runOverlappingSecurityLeaders implements SEC007.
func runOverlappingSecurityLeaders(p *Pass) {
	g := p.Graph
	var cisos, csos []int
	for i := range g.Len() {
		e := g.Person(i)
		if e.Vacant {
			continue
		}
		if e.HasRole("CISO") {
			cisos = append(cisos, i)
		}
		if e.HasRole("CSO") {
			csos = append(csos, i)
		}
	}
	seen := map[[2]int]bool{}
	for _, a := range cisos {
		for _, b := range csos {
			if a == b {
				continue
			}
			lo, hi := min(a, b), max(a, b)
			if seen[[2]int{lo, hi}] {
				continue
			}
			seen[[2]int{lo, hi}] = true
			if g.InChain(a, b) || g.InChain(b, a) {
				continue
			}
			ciso, cso := label(g, a, []string{"CISO"}), label(g, b, []string{"CSO"})
			msg := fmt.Sprintf("%s and %s are both heads of security and neither is in the other's chain of command", ciso, cso)
			var chains []string
			for _, x := range []int{a, b} {
				if m := g.Manager(x); m >= 0 {
					chains = append(chains, fmt.Sprintf("%s reports to %s", diag.Quote(g.Person(x).ID), diag.Quote(g.Person(m).ID)))
				} else {
					chains = append(chains, fmt.Sprintf("%s is a top", diag.Quote(g.Person(x).ID)))
				}
			}
			msg += " (" + strings.Join(chains, ", ") + ")"
			later, other := g.Person(hi), g.Person(lo)
			otherLabel := ciso
			if lo == b {
				otherLabel = cso
			}
			p.Report(diag.Diagnostic{
				Pos:     later.Pos,
				Subject: later.ID,
				Message: msg,
				Related: []diag.Related{{Pos: other.Pos, Message: otherLabel + " is defined here"}},
			})
		}
	}
}

// runDPOConflict implements SEC008.
func runDPOConflict(p *Pass) {
	g := p.Graph
	through := newAncestors(g, func(q *graph.Person) bool { return hasAny(q, dpoChainRoles) && !q.HasRole("CEO") })
	for _, i := range entriesWith(g, []string{"DPO"}) {
		e := g.Person(i)
		var parts []string
		d := diag.Diagnostic{Pos: e.Pos, Subject: e.ID}
		if r := held(e, dpoConflictRoles); len(r) > 0 {
			parts = append(parts, fmt.Sprintf("DPO %s also holds %s", diag.Quote(e.ID), strings.Join(r, ", ")))
			for _, role := range e.Roles {
				if slices.Contains(r, role.Code) && role.Pos.IsValid() {
					d.Related = append(d.Related, diag.Related{Pos: role.Pos, Message: fmt.Sprintf("role %s held here", role.Code)})
				}
			}
		}
		if t := through.find(i); t >= 0 && !hasDirectLine(g, i, isTop) {
			c := walkTo(g, i, t)
			rel, lines := c.evidence(g)
			parts = append(parts, fmt.Sprintf("DPO %s reports to %s%s and has no line to the CEO or a board body", diag.Quote(e.ID), label(g, t, dpoChainRoles), c.via(g)))
			d.Related = append(d.Related, rel...)
			d.Lines = lines
		}
		if len(parts) == 0 {
			continue
		}
		d.Message = strings.Join(parts, "; ")
		p.Report(d)
	}
}
