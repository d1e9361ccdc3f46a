package render

import "github.com/orgchart/orgchart/render/option"

// over reports whether got exceeds max, a negative max meaning no limit.
func over(got, max int) bool { return max >= 0 && got > max }

// checkLimits checks the resolved chart against l (zero fields: the
// defaults), before any DOT is built.
func (c *chart) checkLimits(l option.Limits) error {
	l = l.WithDefaults()
	solid, dotted, size := 0, 0, 0
	for i, p := range c.org.People {
		solid += len(c.managers[i])
		d := len(c.dotted[i])
		dotted += d
		if over(d, l.DottedPerPerson) {
			return &option.LimitError{Name: "DottedPerPerson", What: "dotted lines from one person", Got: d, Max: l.DottedPerPerson, Subject: p.ID}
		}
		// A lower bound of the DOT an entry becomes: its card's markup
		// (about 550 bytes measured on synthetic charts) and its text.
		size += 400 + len(p.ID) + len(p.Name) + len(p.Title) + len(p.Department) + len(p.Email)
	}
	size += 60 * (solid + dotted)
	switch {
	case over(dotted, l.Dotted):
		return &option.LimitError{Name: "Dotted", What: "dotted lines", Got: dotted, Max: l.Dotted}
	case over(solid+dotted, l.Lines):
		return &option.LimitError{Name: "Lines", What: "lines (solid and dotted)", Got: solid + dotted, Max: l.Lines}
	case over(size, l.DOTBytes):
		return &option.LimitError{Name: "DOTBytes", What: "bytes of DOT (estimated)", Got: size, Max: l.DOTBytes}
	}
	return nil
}
