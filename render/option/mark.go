package option

// Mark is a change to show on a drawing, given as data so the renderer
// needs no diff package: orgchart diff -o draws the NEW chart with its
// joiners and movers marked and its leavers listed beside the chart.
type Mark struct {
	Kind MarkKind
	// ID is the entry marked (joined, moved); for MarkLeft and MarkNote it
	// is only informative (the entry is not in the chart drawn).
	ID string
	// Note is what the drawing says of the mark: for MarkMoved the line
	// on the card ("moved from Sam Reyes"), for MarkLeft the leaver's entry
	// in the panel ("Pete Lund, Data Analyst — reported to Ada Brandt"),
	// for MarkNote a sentence of the panel. Empty for MarkJoined.
	Note string
}

// MarkKind is what a Mark says.
type MarkKind string

// The kinds of mark.
const (
	MarkJoined MarkKind = "joined" // the entry is new: its card is marked
	MarkMoved  MarkKind = "moved"  // the entry's manager changed: its card is marked, Note on it
	MarkLeft   MarkKind = "left"   // the entry is gone: listed in the page's panel
	MarkNote   MarkKind = "note"   // a sentence for the page's panel
)
