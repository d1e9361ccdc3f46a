package layout

import "math"

// place turns the laid-out boxes into card positions and connectors.
func (b *builder) place() *Result {
	t, o, n := b.tidy, b.opt, b.n
	boxes := make([]Box, n)
	for v := 1; v < len(b.kind); v++ {
		x, y, m := t.x[v], t.y[v], b.owner[v]
		switch b.kind[v] {
		case kindCard:
			boxes[m] = Box{x, y, b.t.Width[m], b.height[m]}
		case kindAssist:
			b.placeColumn(boxes, m, x+o.SpineOffset, y, true)
		case kindStack:
			if b.arr[m] == Column {
				b.placeColumn(boxes, m, x+o.SpineOffset, y, false)
			} else {
				b.placeColumns2(boxes, m, x+t.topA[v], y)
			}
		}
	}
	r := &Result{Boxes: boxes, hang: b.hang}
	if n == 0 {
		r.start = make([]int32, 1)
		return r
	}
	minX := math.Inf(1)
	for _, bx := range boxes {
		minX = min(minX, bx.X)
	}
	for i := range boxes {
		boxes[i].X -= minX
		r.Width = max(r.Width, boxes[i].X+boxes[i].W)
		r.Height = max(r.Height, boxes[i].Y+boxes[i].H)
	}
	b.connect(r)
	return r
}

// placeColumn stacks manager m's assistants (or its other reports) from
// (x, y) downwards, left edges at x.
func (b *builder) placeColumn(boxes []Box, m int32, x, y float64, assistants bool) {
	for _, c := range b.children(int(m)) {
		if b.isAssistant(c) == assistants {
			boxes[c] = Box{x, y, b.t.Width[c], b.t.Height[c]}
			y += b.t.Height[c] + b.opt.StackGap
		}
	}
}

// placeColumns2 places manager m's reports alternately left and right of a
// spine at x, rows from y downwards.
func (b *builder) placeColumns2(boxes []Box, m int32, spine, y float64) {
	o := b.opt
	var rowH float64
	k := 0
	for _, c := range b.children(int(m)) {
		if b.isAssistant(c) {
			continue
		}
		w, h := b.t.Width[c], b.t.Height[c]
		if k%2 == 0 {
			boxes[c] = Box{spine - o.SpineOffset - w, y, w, h}
			rowH = h
		} else {
			boxes[c] = Box{spine + o.SpineOffset, y, w, h}
			y += max(rowH, h) + o.StackGap
		}
		k++
	}
}

// connect computes every connector from the final card positions.
func (b *builder) connect(r *Result) {
	boxes, o := r.Boxes, b.opt
	r.start = make([]int32, b.n+1)
	pts := make([]Point, 0, 4*b.n)
	for c, p := range b.t.Parent {
		r.start[c] = int32(len(pts))
		if p < 0 {
			continue
		}
		pb, cb := boxes[p], boxes[c]
		sx, bottom := pb.X+b.spine(int32(p)), pb.Y+pb.H
		var line [4]Point
		switch b.hang[c] {
		case hangRow:
			busY, cx := cb.Y-o.LevelGap/2, cb.X+cb.W/2
			line = [4]Point{{sx, bottom}, {sx, busY}, {cx, busY}, {cx, cb.Y}}
		case hangRight:
			mid := cb.Y + cb.H/2
			line = [4]Point{{sx, bottom}, {sx, mid}, {cb.X, mid}, {cb.X, mid}}
		case hangLeft:
			mid := cb.Y + cb.H/2
			line = [4]Point{{sx, bottom}, {sx, mid}, {cb.X + cb.W, mid}, {cb.X + cb.W, mid}}
		}
		k := simplify(&line)
		pts = append(pts, line[:k]...)
	}
	r.start[b.n] = int32(len(pts))
	r.points = pts
}

// simplify drops repeated points and the middle of three collinear points
// in place, keeping at least the two ends, and returns the number of points.
func simplify(line *[4]Point) int {
	k := 1
	for _, q := range line[1:] {
		last := line[k-1]
		switch {
		case last == q:
		case k >= 2 && ((line[k-2].X == last.X && last.X == q.X) || (line[k-2].Y == last.Y && last.Y == q.Y)):
			line[k-1] = q
		default:
			line[k] = q
			k++
		}
	}
	if k == 1 { // the cards touch: a zero-length line
		line[1] = line[0]
		k = 2
	}
	return k
}
