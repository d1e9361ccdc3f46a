package layout

// tidy is the non-layered tidy-tree algorithm (van der Ploeg 2014) over
// boxes held in parallel arrays. Node ids are in breadth-first order, node 0
// is the root and the children of a node have consecutive ids, so the
// bottom-up pass is a loop over decreasing ids and the top-down pass a loop
// over increasing ids: no recursion and no explicit stack.
//
// Coordinates are box left edges. A box connects to its parent at topA (an
// offset from its left edge, on its top side) and to its children at botA;
// the parent is placed so that its botA sits over the midpoint of its first
// and last child's topA. Each box's height h already includes the gap below
// it, so the boxes of a contour tile the vertical axis.
type tidy struct {
	first, count []int32   // children are first[v] .. first[v]+count[v]-1
	parent       []int32   // -1 for node 0
	w, h, y      []float64 // width, height including the gap below, top
	topA, botA   []float64 // connection offsets from the left edge

	// Working state of the first pass, named as in van der Ploeg's paper.
	prelim, mod, shift, change []float64
	lExtMod, rExtMod           []float64
	lExt, rExt, lThr, rThr     []int32

	siblingGap, subtreeGap float64
	lows                   []low // reused stack of the current node's children
	x                      []float64
}

// low is an entry of the "lowest y per left sibling" stack of the paper.
type low struct {
	y     float64
	index int32
}

func newTidy(capacity int, siblingGap, subtreeGap float64) *tidy {
	return &tidy{
		first: make([]int32, 0, capacity), count: make([]int32, 0, capacity),
		parent: make([]int32, 0, capacity),
		w:      make([]float64, 0, capacity), h: make([]float64, 0, capacity),
		y:    make([]float64, 0, capacity),
		topA: make([]float64, 0, capacity), botA: make([]float64, 0, capacity),
		siblingGap: siblingGap, subtreeGap: subtreeGap,
	}
}

// add appends a box and returns its id.
func (t *tidy) add(parent int32, w, h, topA, botA float64) int32 {
	id := int32(len(t.w))
	t.first = append(t.first, 0)
	t.count = append(t.count, 0)
	t.parent = append(t.parent, parent)
	t.w = append(t.w, w)
	t.h = append(t.h, h)
	t.y = append(t.y, 0)
	t.topA = append(t.topA, topA)
	t.botA = append(t.botA, botA)
	return id
}

func (t *tidy) bottom(v int32) float64 { return t.y[v] + t.h[v] }

// layout computes t.x, the left edge of every box, with the root at 0.
// Callers add boxes in breadth-first order and set first, count and y.
func (t *tidy) layout() {
	n := len(t.w)
	t.prelim = make([]float64, n)
	t.mod = make([]float64, n)
	t.shift = make([]float64, n)
	t.change = make([]float64, n)
	t.lExtMod = make([]float64, n)
	t.rExtMod = make([]float64, n)
	t.lExt = make([]int32, n)
	t.rExt = make([]int32, n)
	t.lThr = make([]int32, n)
	t.rThr = make([]int32, n)
	for v := range n {
		t.lExt[v], t.rExt[v] = int32(v), int32(v)
		t.lThr[v], t.rThr[v] = -1, -1
	}
	for v := n - 1; v >= 0; v-- {
		t.layoutChildren(int32(v))
	}
	// Top-down: x = sum of mods on the path + prelim. shift holds the sums.
	t.x = t.change // reuse: change is no longer needed
	sum := t.shift
	for v := range n {
		if v == 0 {
			sum[0] = -t.prelim[0]
		} else {
			sum[v] = sum[t.parent[v]] + t.mod[v]
		}
		t.x[v] = sum[v] + t.prelim[v]
	}
}

// layoutChildren places the laid-out subtrees of v's children side by side
// and v over them.
func (t *tidy) layoutChildren(v int32) {
	c := t.count[v]
	if c == 0 {
		return
	}
	f := t.first[v]
	t.lows = t.lows[:0]
	for i := range c {
		kid := f + i
		ext := t.rExt[kid]
		if i == 0 {
			ext = t.lExt[kid]
		}
		lowY := t.bottom(ext)
		if i > 0 {
			t.separate(v, i)
		}
		for len(t.lows) > 0 && lowY >= t.lows[len(t.lows)-1].y {
			t.lows = t.lows[:len(t.lows)-1]
		}
		t.lows = append(t.lows, low{lowY, i})
	}
	// Apply the shifts and changes spread over intermediate children.
	var shiftSum, changeSum float64
	for kid := f; kid < f+c; kid++ {
		shiftSum += t.shift[kid]
		changeSum += shiftSum + t.change[kid]
		t.mod[kid] += changeSum
	}
	k0, kf := f, f+c-1
	t.prelim[v] = (t.mod[k0]+t.prelim[k0]+t.topA[k0]+t.mod[kf]+t.prelim[kf]+t.topA[kf])/2 - t.botA[v]
	t.lExt[v], t.lExtMod[v] = t.lExt[k0], t.lExtMod[k0]
	t.rExt[v], t.rExtMod[v] = t.rExt[kf], t.rExtMod[kf]
}

func (t *tidy) gap(a, b int32) float64 {
	if p := t.parent[a]; p == t.parent[b] && p != 0 {
		return t.siblingGap
	}
	return t.subtreeGap
}

// separate moves child i of v right until its subtree clears the subtrees of
// children 0..i-1, walking the right contour of the left forest and the left
// contour of the new subtree together.
func (t *tidy) separate(v, i int32) {
	f := t.first[v]
	cur := f + i
	r, rSum := cur-1, t.mod[cur-1]
	l, lSum := cur, t.mod[cur]
	li := len(t.lows) - 1
	first := true
	for r >= 0 && l >= 0 {
		if t.bottom(r) > t.lows[li].y && li > 0 {
			li--
		}
		dist := (rSum + t.prelim[r] + t.w[r]) - (lSum + t.prelim[l]) + t.gap(r, l)
		if dist > 0 || (dist < 0 && first) {
			lSum += dist
			t.mod[cur] += dist
			t.lExtMod[cur] += dist
			t.rExtMod[cur] += dist
			if n := i - t.lows[li].index; n > 1 {
				// Spread the move over the children in between.
				delta := dist / float64(n)
				t.shift[f+t.lows[li].index+1] += delta
				t.shift[cur] -= delta
				t.change[cur] -= dist - delta
			}
		}
		first = false
		rb, lb := t.bottom(r), t.bottom(l)
		if rb <= lb {
			if r = t.nextRight(r); r >= 0 {
				rSum += t.mod[r]
			}
		}
		if rb >= lb {
			if l = t.nextLeft(l); l >= 0 {
				lSum += t.mod[l]
			}
		}
	}
	switch {
	case r < 0 && l >= 0:
		// The new subtree is deeper: thread the left forest's left extreme
		// to it.
		fc := f
		e := t.lExt[fc]
		t.lThr[e] = l
		diff := lSum - t.mod[l] - t.lExtMod[fc]
		t.mod[e] += diff
		t.prelim[e] -= diff
		t.lExt[fc], t.lExtMod[fc] = t.lExt[cur], t.lExtMod[cur]
	case r >= 0 && l < 0:
		// The left forest is deeper: thread the new subtree's right extreme
		// to it.
		e := t.rExt[cur]
		t.rThr[e] = r
		diff := rSum - t.mod[r] - t.rExtMod[cur]
		t.mod[e] += diff
		t.prelim[e] -= diff
		t.rExt[cur], t.rExtMod[cur] = t.rExt[cur-1], t.rExtMod[cur-1]
	}
}

func (t *tidy) nextLeft(v int32) int32 {
	if t.count[v] > 0 {
		return t.first[v]
	}
	return t.lThr[v]
}

func (t *tidy) nextRight(v int32) int32 {
	if t.count[v] > 0 {
		return t.first[v] + t.count[v] - 1
	}
	return t.rThr[v]
}
