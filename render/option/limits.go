package option

import "fmt"

// Graphviz's layout time and memory grow much faster than the chart: a
// 300-person chart where each person has a dotted line to every other grew
// its WebAssembly memory past 15 GB, and 900 dotted lines among 300 people
// take 25 s. go-graphviz offers no memory cap (it builds its wazero runtime
// in an init function, with the default 4 GiB memory limit) and ignores
// cancellation, so the only bound that holds is one checked before the
// layout starts: these limits, checked on the resolved chart before any DOT
// is built. The defaults keep one render under about 1 GB and a minute on a
// 2-core machine, so that a 4 GB machine survives two at once.

// Limits bounds the charts drawn through Graphviz (every format but mermaid).
// Zero fields take the default; a negative field means no limit.
type Limits struct {
	// Lines caps the solid and dotted lines drawn (a 10,000-person tree:
	// 19 s, 400 MB).
	Lines int
	// Dotted caps the dotted lines drawn; dotted lines cross the hierarchy,
	// and Graphviz's crossing minimisation is what explodes.
	Dotted int
	// DottedPerPerson caps the dotted lines from any one person.
	DottedPerPerson int
	// DOTBytes caps the estimated size of the DOT, before it is built.
	DOTBytes int
}

// DefaultLimits are the limits applied when Limits' fields are zero.
var DefaultLimits = Limits{Lines: 20000, Dotted: 500, DottedPerPerson: 10, DOTBytes: 64 << 20}

// LimitError reports a chart over one of the Limits. Name is the field of
// Limits it broke ("Lines", "Dotted", "DottedPerPerson", "DOTBytes"), so a
// caller can say how to raise it.
type LimitError struct {
	Name     string
	What     string // the limit in words
	Got, Max int
	Subject  string // the person over DottedPerPerson, else ""
}

func (e *LimitError) Error() string {
	who := ""
	if e.Subject != "" {
		who = fmt.Sprintf(" (%q)", e.Subject)
	}
	return fmt.Sprintf("chart too complex to draw: %d %s%s, limit %d", e.Got, e.What, who, e.Max)
}

// WithDefaults returns l with its zero fields set from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	pick := func(v, d int) int {
		if v == 0 {
			return d
		}
		return v
	}
	return Limits{
		Lines:           pick(l.Lines, DefaultLimits.Lines),
		Dotted:          pick(l.Dotted, DefaultLimits.Dotted),
		DottedPerPerson: pick(l.DottedPerPerson, DefaultLimits.DottedPerPerson),
		DOTBytes:        pick(l.DOTBytes, DefaultLimits.DOTBytes),
	}
}
