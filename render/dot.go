package render

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/mark"
	"github.com/orgchart/orgchart/render/option"
)

// fontName is the only font family written into DOT. Graphviz's built-in
// text metrics know Helvetica; browsers map it to Arial or Liberation Sans,
// and convert.go maps it to the embedded Liberation Sans, which is
// metric-compatible, so SVG, PNG and PDF lay out the same text the same way.
const fontName = "Helvetica"

// cardWidth is the minimum card width in points, so sibling cards line up.
const cardWidth = 150

// titleWrap is the length at which titles wrap onto a second line.
const titleWrap = 30

// orthoMax is the largest drawing (in nodes) given right-angled connectors.
const orthoMax = 300

// bigChart is the node count above which crossing minimisation is cut
// short.
const bigChart = 1000

// compactMin is the number of leaf reports from which option.Options.Compact stacks
// a team in columns.
const compactMin = 4

// nodeFinding is what the findings say about one entry.
type nodeFinding struct {
	sev   diag.Severity
	codes []string
}

// legendCode is one code shown in the legend.
type legendCode struct {
	code, rule string
	sev        diag.Severity
}

// decor is everything drawn on top of the bare chart: findings, highlight,
// department colours.
type decor struct {
	t       *theme
	fs      float64 // base font size
	nodes   map[int]*nodeFinding
	lines   map[[2]int]diag.Severity // {report, manager} → severity
	codes   []legendCode
	hlNode  map[int]bool
	hlEdge  map[[2]int]bool   // {report, manager}
	dept    map[string]string // department → stripe colour
	deptTxt map[string]string // department → text colour
	depts   []string          // sorted
	redact  bool
	compact bool
}

func (c *chart) decorate(findings []diag.Diagnostic, opts option.Options) *decor {
	d := &decor{
		t:       themeFor(opts.Theme),
		fs:      10,
		nodes:   map[int]*nodeFinding{},
		dept:    map[string]string{},
		deptTxt: map[string]string{},
		redact:  opts.Redact,
		compact: opts.Compact,
	}
	if p, ok := option.Presets[opts.Preset]; ok {
		d.fs = p.Font
	}
	// Department colours: the chart's own, else a hash of the name
	// (render/theme.DepartmentColor, as the org engine), one colour for the
	// stripe and the text; the legend lists the departments sorted.
	for _, p := range c.org.People {
		if p.Department != "" {
			if _, ok := d.dept[p.Department]; !ok {
				d.dept[p.Department] = ""
				d.depts = append(d.depts, p.Department)
			}
		}
	}
	slices.Sort(d.depts)
	for _, name := range d.depts {
		override := ""
		if dep, ok := c.org.Departments[name]; ok {
			override = dep.Color
		}
		col := d.t.shared.DepartmentColor(name, override)
		d.dept[name], d.deptTxt[name] = col, col
	}
	m := mark.Of(c.g, findings, opts)
	for i, sev := range m.Node {
		d.nodes[i] = &nodeFinding{sev: sev, codes: m.NodeCodes[i]}
	}
	d.lines = m.Line
	for _, code := range m.Codes() {
		d.codes = append(d.codes, legendCode{code: code, rule: m.Rule[code], sev: m.CodeSev[code]})
	}
	d.hlNode, d.hlEdge = m.HLNode, m.HLEdge
	return d
}

// dot writes the DOT of unit u.
func (c *chart) dot(u *unit, findings []diag.Diagnostic, opts option.Options) []byte {
	d := c.decorate(findings, opts)
	t := d.t
	var b strings.Builder
	rankdir := "TB"
	if opts.Direction == "LR" {
		rankdir = "LR"
	}
	bg := t.bg
	if opts.Transparent {
		bg = "transparent"
	}
	// Teams stacked in columns (option.Options.Compact).
	team := map[int][]int{} // manager → grouped leaves
	inTeam := map[int]bool{}
	if opts.Compact {
		c.teams(u, d, team, inTeam)
	}
	nodes := 0
	for i := range c.org.People {
		if u.in[i] && !inTeam[i] {
			nodes++
		}
	}
	nodes += len(team)
	// Right-angled connectors, as org charts have them; Graphviz's ortho
	// router is super-linear (20 s for 1,000 cards natively), so larger
	// drawings get polylines, and very large ones a cheaper crossing
	// minimisation.
	splines := "ortho"
	if nodes > orthoMax {
		splines = "polyline"
	}
	b.WriteString("digraph orgchart {\n")
	fmt.Fprintf(&b, "\tgraph [charset=\"UTF-8\", rankdir=%s, splines=%s, ordering=out, newrank=true, nodesep=0.3, ranksep=0.25, pad=0.3, bgcolor=%q, fontname=%q, fontcolor=%q",
		rankdir, splines, bg, fontName, t.text)
	if nodes > bigChart {
		b.WriteString(", mclimit=0.1, remincross=false")
	}
	if p, ok := option.Presets[opts.Preset]; ok {
		fmt.Fprintf(&b, ", size=\"%.2f,%.2f!\"", p.W-2*p.Margin, p.H-2*p.Margin)
	}
	if lbl := d.legend(c, u, opts); lbl != "" {
		fmt.Fprintf(&b, ", labelloc=t, labeljust=l, label=<%s>", lbl)
	}
	b.WriteString("]\n")
	fmt.Fprintf(&b, "\tnode [shape=plain, fontname=%q, fontsize=%g, fontcolor=%q]\n", fontName, d.fs, t.text)
	fmt.Fprintf(&b, "\tedge [dir=none, color=%q, penwidth=%g, fontname=%q, fontsize=%g, fontcolor=%q]\n", t.edge, edgePen, fontName, d.fs-2, t.subtext)

	// Nodes, in file order, each in its bus column (see bus.go).
	bp := c.planBus(u, team, inTeam)
	for i, p := range c.org.People {
		if !u.in[i] || inTeam[i] {
			continue
		}
		fmt.Fprintf(&b, "\tn%d [group=%q, label=<%s>]\n", i, bp.group[fmt.Sprintf("n%d", i)], d.card(c, i, p, false))
	}
	for m := range c.org.People {
		if g := team[m]; len(g) > 0 {
			fmt.Fprintf(&b, "\tt%d [group=%q, label=<%s>]\n", m, bp.group[fmt.Sprintf("t%d", m)], d.teamCard(c, g))
		}
	}

	// Solid lines: each manager's bus to its reports (see bus.go), team box
	// first, then the reports in file order; then the lines the buses do not
	// carry, which do not move anyone in the hierarchy: a second solid
	// manager (dual reporting) and a line closing a cycle.
	for m := range c.org.People {
		if kids := bp.children[m]; len(kids) > 0 {
			d.writeBus(&b, m, kids, bp)
		}
	}
	for r := range c.org.People {
		if !u.in[r] || inTeam[r] {
			continue
		}
		for k, m := range c.managers[r] {
			if !u.in[m] || c.assist[r] == m || (k == 0 && !bp.back[[2]int{r, m}]) {
				continue
			}
			writeEdge(&b, m, r, append([]string{"constraint=false"}, d.edgeStyle(r, m)...))
		}
	}
	// Assistants beside their manager, not among the reports.
	for a, m := range c.assist {
		if m < 0 || !u.in[a] || !u.in[m] || inTeam[a] {
			continue
		}
		fmt.Fprintf(&b, "\t{rank=same; n%d; n%d}\n", m, a)
		attrs := append([]string{"minlen=2"}, d.edgeStyle(a, m)...)
		writeEdge(&b, m, a, attrs)
	}
	// Dotted lines: dashed, labelled by type, and not bending the hierarchy.
	for i := range c.org.People {
		if !u.in[i] || inTeam[i] {
			continue
		}
		for _, r := range c.dotted[i] {
			if !u.in[r.to] || inTeam[r.to] {
				continue
			}
			attrs := []string{"style=dashed", "constraint=false", fmt.Sprintf("color=%q", t.dotted)}
			if strings.TrimSpace(r.typ) != "" {
				attrs = append(attrs, "xlabel=<"+escapeHTML(r.typ)+">")
			}
			attrs = append(attrs, d.edgeStyle(i, r.to)...)
			writeEdge(&b, r.to, i, attrs)
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

func writeEdge(b *strings.Builder, from, to int, attrs []string) {
	if len(attrs) == 0 {
		fmt.Fprintf(b, "\tn%d -> n%d\n", from, to)
		return
	}
	fmt.Fprintf(b, "\tn%d -> n%d [%s]\n", from, to, strings.Join(attrs, ", "))
}

// edgePen is the width of a plain solid line, in points.
const edgePen = 1.3

// look is how a line is drawn: rank 0 plain, 1 on the highlighted chain,
// 2 + severity when a finding names it (a higher rank wins where lines share
// a segment).
type look struct {
	rank  int
	color string
	pen   float64
}

// lineLook returns the look of the line from report r to manager m: the
// findings' colour when a finding names it, else the highlight, else plain.
func (d *decor) lineLook(r, m int) look {
	if sev, ok := d.lines[[2]int{r, m}]; ok {
		return look{rank: 2 + int(sev), color: d.t.sev[sev], pen: 3}
	}
	if d.hlEdge[[2]int{r, m}] {
		return look{rank: 1, color: d.t.highlight, pen: 3.5}
	}
	return look{color: d.t.edge, pen: edgePen}
}

// attrs returns the edge attributes of l beyond the defaults.
func (l look) attrs() []string {
	if l.rank == 0 {
		return nil
	}
	return []string{fmt.Sprintf("color=%q", l.color), fmt.Sprintf("penwidth=%g", l.pen)}
}

// edgeStyle returns the attributes of the line from report r to manager m.
func (d *decor) edgeStyle(r, m int) []string {
	return d.lineLook(r, m).attrs()
}

// teams picks, for each drawn manager, the leaf reports that can be stacked:
// no drawn reports of their own, one manager, no dotted lines in or out, not
// an assistant, and no finding line through them.
func (c *chart) teams(u *unit, d *decor, team map[int][]int, inTeam map[int]bool) {
	touched := map[int]bool{}
	for i := range c.org.People {
		for _, r := range c.dotted[i] {
			touched[i], touched[r.to] = true, true
		}
	}
	for k := range d.lines {
		touched[k[0]], touched[k[1]] = true, true
	}
	for m := range c.org.People {
		if !u.in[m] {
			continue
		}
		var leaves []int
		for _, r := range c.reports[m] {
			if !u.in[r] || touched[r] || c.assist[r] >= 0 || len(c.managers[r]) != 1 {
				continue
			}
			leaf := true
			for _, rr := range c.reports[r] {
				if u.in[rr] {
					leaf = false
					break
				}
			}
			if leaf {
				leaves = append(leaves, r)
			}
		}
		if len(leaves) >= compactMin {
			team[m] = leaves
			for _, l := range leaves {
				inTeam[l] = true
			}
		}
	}
}

// teamCard is one node holding a team's cards in a grid of 2 or 3 columns.
func (d *decor) teamCard(c *chart, members []int) string {
	cols := 2
	if len(members) > 8 {
		cols = 3
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="1" STYLE="rounded" COLOR="%s" BGCOLOR="%s" CELLBORDER="0" CELLSPACING="6" CELLPADDING="0">`, d.t.cardBorder, d.t.teamFill)
	for k, i := range members {
		if k%cols == 0 {
			b.WriteString("<TR>")
		}
		b.WriteString("<TD>")
		b.WriteString(d.card(c, i, c.org.People[i], true))
		b.WriteString("</TD>")
		if k%cols == cols-1 || k == len(members)-1 {
			b.WriteString("</TR>")
		}
	}
	b.WriteString("</TABLE>")
	return b.String()
}

// card is the HTML-like label of entry i: a rounded card with a department
// stripe, the name in bold, the title, the department, role badges and the
// codes of its findings.
func (d *decor) card(c *chart, i int, p *graph.Person, nested bool) string {
	t := d.t
	fill, border, text := t.cardFill, t.cardBorder, t.text
	sub := t.subtext
	style := "rounded"
	pen := 1
	switch {
	case p.Kind == graph.KindBoard:
		fill, text, sub, border = t.boardFill, t.boardText, t.boardText, t.boardFill
		style = ""
		pen = 2
	case p.Kind == graph.KindCommittee:
		fill, text, sub = t.committeeFill, t.committeeText, t.committeeText
	case p.Vacant:
		fill, text, sub = t.vacantFill, t.vacantText, t.vacantText
		style = "rounded,dashed"
	}
	if d.hlNode[i] {
		border, pen = t.highlight, 3
	}
	nf := d.nodes[i]
	if nf != nil {
		border, pen = t.sev[nf.sev], sevPen(nf.sev)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="%d" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1" COLOR="%s" BGCOLOR="%s"`, pen, border, fill)
	if style != "" {
		fmt.Fprintf(&b, ` STYLE="%s"`, style)
	}
	if !nested {
		fmt.Fprintf(&b, ` ID="card%d"`, i)
	}
	b.WriteString(">")
	stripe := t.cardBorder
	if col, ok := d.dept[p.Department]; ok && col != "" {
		stripe = col
	}
	if p.IsBody() {
		stripe = fill
	}
	fmt.Fprintf(&b, `<TR><TD HEIGHT="5" WIDTH="%d" BGCOLOR="%s"></TD></TR>`, cardWidth, stripe)

	// Name line.
	var head string
	switch {
	case p.Vacant:
		head = "<I>Open position</I>"
	case d.redact && !p.IsBody():
		head = bold(redactedName(p))
	case strings.TrimSpace(p.Name) != "":
		head = bold(p.Name)
	case strings.TrimSpace(p.Title) != "":
		head = bold(p.Title)
	default:
		head = bold(p.ID)
	}
	fmt.Fprintf(&b, `<TR><TD><FONT POINT-SIZE="%g" COLOR="%s">%s</FONT></TD></TR>`, d.fs+1, text, head)

	// Title, unless it already served as the name.
	nameShown := strings.TrimSpace(p.Name) != "" && !(d.redact && !p.IsBody()) && !p.Vacant
	if strings.TrimSpace(p.Title) != "" && (nameShown || p.Vacant) {
		fmt.Fprintf(&b, `<TR><TD><FONT POINT-SIZE="%g" COLOR="%s">%s</FONT></TD></TR>`, d.fs-0.5, sub, wrapHTML(p.Title, titleWrap))
	}
	if p.IsBody() {
		kind := "Board"
		if p.Kind == graph.KindCommittee {
			kind = "Committee"
		}
		fmt.Fprintf(&b, `<TR><TD><FONT POINT-SIZE="%g" COLOR="%s"><I>%s</I></FONT></TD></TR>`, d.fs-2, sub, kind)
	} else if strings.TrimSpace(p.Department) != "" {
		col := d.deptTxt[p.Department]
		if t == themes["print"] || col == "" {
			col = sub
		}
		fmt.Fprintf(&b, `<TR><TD><FONT POINT-SIZE="%g" COLOR="%s">%s</FONT></TD></TR>`, d.fs-1.5, col, escapeHTML(p.Department))
	}
	// Role badges.
	if hasRoles(p) {
		b.WriteString(`<TR><TD ALIGN="CENTER"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1"><TR>`)
		for _, r := range p.Roles {
			if strings.TrimSpace(r.Code) == "" {
				continue
			}
			bf, bt := t.badgeFill, t.badgeText
			if p.Kind == graph.KindBoard {
				bf, bt = t.boardText, t.boardFill
			}
			fmt.Fprintf(&b, `<TD BGCOLOR="%s" %s><FONT POINT-SIZE="%g" COLOR="%s"><B>%s</B></FONT></TD>`, bf, badgeSize(r.Code, d.fs-2.5), d.fs-2.5, bt, escapeHTML(r.Code))
		}
		b.WriteString(`</TR></TABLE></TD></TR>`)
	}
	// Finding codes.
	if nf != nil {
		b.WriteString(`<TR><TD ALIGN="CENTER"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1"><TR>`)
		for _, code := range nf.codes {
			fmt.Fprintf(&b, `<TD BGCOLOR="%s" %s><FONT POINT-SIZE="%g" COLOR="%s"><B>%s</B></FONT></TD>`, t.sevBadge[nf.sev], badgeSize(code, d.fs-2.5), d.fs-2.5, t.sevBadgeText, escapeHTML(code))
		}
		b.WriteString(`</TR></TABLE></TD></TR>`)
	}
	b.WriteString(`<TR><TD HEIGHT="2"></TD></TR></TABLE>`)
	return b.String()
}

// redactedName is what a redacted card shows instead of a person's name:
// the title, else the role codes, else a dash. Boards and committees are not
// people and keep their names.
func redactedName(p *graph.Person) string {
	if p.Title != "" {
		return p.Title
	}
	if len(p.Roles) > 0 {
		codes := make([]string, len(p.Roles))
		for i, r := range p.Roles {
			codes[i] = r.Code
		}
		return strings.Join(codes, ", ")
	}
	return "—"
}

// personLabel names p in a page title.
func personLabel(p *graph.Person, redact bool) string {
	switch {
	case redact && !p.IsBody():
		return redactedName(p)
	case p.Name != "":
		return p.Name
	case p.Title != "":
		return p.Title
	}
	return p.ID
}

// legend is the graph label: the title, then the departments drawn with
// their colours, then each finding code shown with its rule name.
func (d *decor) legend(c *chart, u *unit, opts option.Options) string {
	t := d.t
	var rows []string
	if strings.TrimSpace(u.title) != "" {
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%g" COLOR="%s">%s</FONT></TD></TR>`, d.fs*2, t.text, bold(u.title)))
	}
	drawn := map[string]bool{}
	hasDotted := false
	for i, p := range c.org.People {
		if u.in[i] {
			drawn[p.Department] = true
			for _, r := range c.dotted[i] {
				if u.in[r.to] {
					hasDotted = true
				}
			}
		}
	}
	// Each legend row is one text cell: Graphviz stretches the cells of a
	// nested table to the widest row, which would spread the items apart.
	var items []string
	for _, name := range d.depts {
		if !drawn[name] {
			continue
		}
		items = append(items, fmt.Sprintf(`<FONT COLOR="%s">■</FONT> %s`, d.dept[name], escapeHTML(name)))
	}
	if hasDotted {
		items = append(items, "- - - dotted line")
	}
	if len(items) > 0 {
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%g" COLOR="%s">%s</FONT></TD></TR>`, d.fs, t.subtext, strings.Join(items, "     ")))
	}
	var codes []string
	for _, lc := range d.codes {
		codes = append(codes, fmt.Sprintf(`<FONT COLOR="%s"><B>%s</B></FONT> %s`, t.sevText[lc.sev], escapeHTML(lc.code), escapeHTML(lc.rule)))
	}
	if len(codes) > 0 {
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%g" COLOR="%s">%s</FONT></TD></TR>`, d.fs, t.subtext, strings.Join(codes, "     ")))
	}
	if len(rows) == 0 {
		return ""
	}
	return `<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">` + strings.Join(rows, "") + `<TR><TD HEIGHT="8"></TD></TR></TABLE>`
}

// escapeHTML escapes s for a Graphviz HTML-like label: the five XML
// specials become entities, a newline becomes <BR/>, other control
// characters and invalid UTF-8 become spaces or U+FFFD, and everything else
// (emoji, right-to-left text) stays as text.
func escapeHTML(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\n':
			b.WriteString("<BR/>")
		case r == '\r':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
			b.WriteByte(' ')
		case r == 0xfffe, r == 0xffff:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wrapHTML word-wraps s at width runes per line and escapes it.
func wrapHTML(s string, width int) string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			switch {
			case line == "":
				line = w
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width:
				lines = append(lines, line)
				line = w
			default:
				line += " " + w
			}
		}
		lines = append(lines, line)
	}
	for i := range lines {
		lines[i] = escapeHTML(lines[i])
	}
	return strings.Join(lines, "<BR/>")
}

// badgeSize returns the fixed size of a badge cell holding code in bold at
// font size fs. A fixed-size cell keeps its size and is centred in its
// column, where a nested table would stretch to the card's width. The width
// is a generous estimate from Helvetica Bold's advance widths (capitals and
// digits about 0.72 em), so the text always fits.
func badgeSize(code string, fs float64) string {
	w := 0.0
	for _, r := range code {
		switch {
		case r >= 'a' && r <= 'z':
			w += 0.62
		case r == ' ' || r == '_' || r == '-' || r == '.' || r == ',':
			w += 0.56
		case r < 0x80:
			w += 0.74
		default:
			w += 1.0
		}
	}
	return fmt.Sprintf(`FIXEDSIZE="TRUE" WIDTH="%d" HEIGHT="%d"`, int(math.Ceil(w*fs+2*fs*0.6)), int(math.Ceil(fs*1.5)))
}

func hasRoles(p *graph.Person) bool {
	for _, r := range p.Roles {
		if strings.TrimSpace(r.Code) != "" {
			return true
		}
	}
	return false
}

// bold is s escaped in bold; Graphviz rejects an empty <B></B>, so blank
// text becomes a dash.
func bold(s string) string {
	if strings.TrimSpace(s) == "" {
		s = "—"
	}
	return "<B>" + escapeHTML(s) + "</B>"
}
