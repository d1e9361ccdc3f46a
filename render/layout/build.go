package layout

// The builder turns the org forest into tidy boxes: every card that sits in
// a row (or is a root) is one box; a manager's assistants form one box (a
// spine with the assistants to its right) between the manager and its
// reports; a manager's stacked reports form one box (a spine with a column on
// one or both sides). Boxes are added in breadth-first order, so the tidy
// passes are plain loops.

// box kinds
const (
	kindRoot   = iota // the virtual root above the forest's roots
	kindCard          // a card in a row, or a root of the forest
	kindAssist        // a manager's assistants
	kindStack         // a manager's stacked leaf reports
)

// how a node hangs from its manager
const (
	hangRoot  = iota // no manager
	hangRow          // in a row under a bus
	hangRight        // right of a spine: Column, right side of Columns2, assistant
	hangLeft         // left of a spine: left side of Columns2
)

type builder struct {
	t   Tree
	opt Options
	n   int

	kids, kidStart []int32 // children of i: kids[kidStart[i]:kidStart[i+1]]
	arr            []Arrangement
	hang           []uint8
	height         []float64 // card heights after equalising rows

	tidy  *tidy
	kind  []uint8 // per box
	owner []int32 // per box: its card, or the manager of an assistant or stack box
}

func newBuilder(t Tree, opt Options) *builder {
	n := len(t.Parent)
	b := &builder{t: t, opt: opt, n: n}
	// Counting sort by parent: the children of p (the roots for p = -1)
	// are kids[kidStart[p+1]:kidStart[p+2]], in index order.
	b.kidStart = make([]int32, n+2)
	for _, p := range t.Parent {
		b.kidStart[p+1]++
	}
	for g := 1; g < len(b.kidStart); g++ {
		b.kidStart[g] += b.kidStart[g-1]
	}
	b.kids = make([]int32, n)
	for i := n - 1; i >= 0; i-- {
		g := t.Parent[i] + 1
		b.kidStart[g]--
		b.kids[b.kidStart[g]] = int32(i)
	}
	b.arr = make([]Arrangement, n)
	b.hang = make([]uint8, n)
	b.height = make([]float64, n)
	copy(b.height, t.Height)
	// An estimate: one box per card, plus assistant and stack boxes.
	b.tidy = newTidy(n+n/4+1, opt.SiblingGap, opt.SubtreeGap)
	b.kind = make([]uint8, 0, n+n/4+1)
	b.owner = make([]int32, 0, n+n/4+1)
	return b
}

// children returns node p's children in index order, or the roots for p = -1.
func (b *builder) children(p int) []int32 {
	return b.kids[b.kidStart[p+1]:b.kidStart[p+2]]
}

// isAssistant reports whether node i hangs beside its manager. Only leaves
// can: an assistant with reports of their own is placed like any report.
func (b *builder) isAssistant(i int32) bool {
	return b.t.Assistant != nil && b.t.Assistant[i] && b.t.Parent[i] >= 0 && len(b.children(int(i))) == 0
}

// resolve decides manager m's arrangement: Row, Column or Columns2.
func (b *builder) resolve(m int) Arrangement {
	a := Auto
	if b.t.Arrangement != nil {
		a = b.t.Arrangement[m]
	}
	reports, leaves := 0, true
	for _, c := range b.children(m) {
		if b.isAssistant(c) {
			continue
		}
		reports++
		if len(b.children(int(c))) > 0 {
			leaves = false
		}
	}
	switch {
	case reports == 0 || !leaves || a == Row:
		return Row
	case a == Auto && reports >= AutoStackMin:
		return Columns2
	case a == Auto:
		return Row
	}
	return a
}

func (b *builder) addBox(kind uint8, owner int32, parent int32, w, h, topA, botA float64) int32 {
	b.kind = append(b.kind, kind)
	b.owner = append(b.owner, owner)
	id := b.tidy.add(parent, w, h, topA, botA)
	if parent >= 0 {
		t := b.tidy
		if t.count[parent] == 0 {
			t.first[parent] = id
		}
		t.count[parent]++
		t.y[id] = t.y[parent] + t.h[parent]
	}
	return id
}

// spine returns the offset of manager m's spine from its card's left edge.
func (b *builder) spine(m int32) float64 {
	w := b.t.Width[m]
	if b.arr[m] == Column {
		return min(b.opt.SpineOffset, w/2)
	}
	return w / 2
}

// build adds every box, parents before children, siblings consecutively.
func (b *builder) build() {
	b.addBox(kindRoot, -1, -1, 0, 0, 0, 0)
	for _, r := range b.children(-1) {
		b.addCard(r, 0, b.t.Height[r])
	}
	for v := int32(1); v < int32(len(b.kind)); v++ {
		m := b.owner[v]
		switch b.kind[v] {
		case kindCard:
			if b.hasAssistants(m) {
				b.addAssistants(v, m)
			} else {
				b.addReports(v, m)
			}
		case kindAssist:
			b.addReports(v, m)
		}
	}
}

func (b *builder) hasAssistants(m int32) bool {
	for _, c := range b.children(int(m)) {
		if b.isAssistant(c) {
			return true
		}
	}
	return false
}

func (b *builder) addCard(i int32, parent int32, h float64) {
	b.height[i] = h
	w := b.t.Width[i]
	b.arr[i] = b.resolve(int(i))
	b.addBox(kindCard, i, parent, w, h+b.opt.LevelGap, w/2, b.spine(i))
}

// addAssistants adds the box of manager m's assistants below box v.
func (b *builder) addAssistants(v int32, m int32) {
	var w, h float64
	k := 0
	for _, c := range b.children(int(m)) {
		if b.isAssistant(c) {
			b.hang[c] = hangRight
			w = max(w, b.t.Width[c])
			h += b.t.Height[c]
			k++
		}
	}
	h += float64(k-1) * b.opt.StackGap
	b.addBox(kindAssist, m, v, b.opt.SpineOffset+w, h+b.opt.LevelGap, 0, 0)
}

// addReports adds manager m's reports (not its assistants) below box v:
// a row of cards, or one stack box.
func (b *builder) addReports(v int32, m int32) {
	o := b.opt
	kids := b.children(int(m))
	switch b.arr[m] {
	case Row:
		var h float64
		for _, c := range kids {
			if !b.isAssistant(c) {
				h = max(h, b.t.Height[c])
			}
		}
		for _, c := range kids {
			if !b.isAssistant(c) {
				b.hang[c] = hangRow
				b.addCard(c, v, h)
			}
		}
	case Column:
		var w, h float64
		k := 0
		for _, c := range kids {
			if !b.isAssistant(c) {
				b.hang[c] = hangRight
				w = max(w, b.t.Width[c])
				h += b.t.Height[c]
				k++
			}
		}
		h += float64(k-1) * o.StackGap
		b.addBox(kindStack, m, v, o.SpineOffset+w, h+o.LevelGap, 0, 0)
	case Columns2:
		var lw, rw, h, rowH float64
		k := 0
		for _, c := range kids {
			if b.isAssistant(c) {
				continue
			}
			if k%2 == 0 {
				b.hang[c] = hangLeft
				lw = max(lw, b.t.Width[c])
				rowH = b.t.Height[c]
			} else {
				b.hang[c] = hangRight
				rw = max(rw, b.t.Width[c])
				rowH = max(rowH, b.t.Height[c])
				h += rowH + o.StackGap
				rowH = 0
			}
			k++
		}
		if k%2 == 1 {
			h += rowH
		} else {
			h -= o.StackGap
		}
		b.addBox(kindStack, m, v, lw+2*o.SpineOffset+rw, h+o.LevelGap, lw+o.SpineOffset, 0)
	}
}
