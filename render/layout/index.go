package layout

import (
	"math"
	"slices"
)

// index answers "which boxes meet this rectangle" for the dotted-line
// router: boxes are bucketed into vertical strips and sorted by top within
// a strip, so a query costs a binary search per strip it spans. Building it
// is O(n log n); it holds each box once per strip the box spans.
type index struct {
	boxes  []Box
	x0, s  float64
	start  []int32 // strip k holds ids[start[k]:start[k+1]]
	ids    []int32
	maxH   []float64 // tallest box per strip
	strips int
}

func newIndex(boxes []Box, stripWidth float64) *index {
	ix := &index{boxes: boxes, s: max(stripWidth, 1)}
	if len(boxes) == 0 {
		ix.start = []int32{0}
		return ix
	}
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, b := range boxes {
		x0, x1 = min(x0, b.X), max(x1, b.X+b.W)
	}
	ix.x0 = x0
	ix.strips = int((x1-x0)/ix.s) + 1
	if ix.strips > 4*len(boxes)+16 { // very thin boxes far apart: coarser strips
		ix.strips = 4*len(boxes) + 16
		ix.s = (x1-x0)/float64(ix.strips-1) + 1
	}
	ix.start = make([]int32, ix.strips+1)
	ix.maxH = make([]float64, ix.strips)
	for _, b := range boxes {
		lo, hi := ix.span(b.X, b.X+b.W)
		for k := lo; k <= hi; k++ {
			ix.start[k+1]++
			ix.maxH[k] = max(ix.maxH[k], b.H)
		}
	}
	for k := 1; k <= ix.strips; k++ {
		ix.start[k] += ix.start[k-1]
	}
	ix.ids = make([]int32, ix.start[ix.strips])
	fill := slices.Clone(ix.start[:ix.strips])
	for id, b := range boxes {
		lo, hi := ix.span(b.X, b.X+b.W)
		for k := lo; k <= hi; k++ {
			ix.ids[fill[k]] = int32(id)
			fill[k]++
		}
	}
	for k := range ix.strips {
		s := ix.ids[ix.start[k]:ix.start[k+1]]
		slices.SortFunc(s, func(a, b int32) int {
			if c := compareFloat(boxes[a].Y, boxes[b].Y); c != 0 {
				return c
			}
			return int(a - b)
		})
	}
	return ix
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// span returns the strips that x range [a, b] touches, clamped.
func (ix *index) span(a, b float64) (int, int) {
	clamp := func(v float64) int {
		k := int(math.Floor((v - ix.x0) / ix.s))
		return min(max(k, 0), ix.strips-1)
	}
	return clamp(a), clamp(b)
}

// any reports whether some box other than skip overlaps the open rectangle
// r, with keep deciding whether a box counts (nil: every box).
func (ix *index) any(r Box, skip int32, keep func(id int32) bool) bool {
	if ix.strips == 0 {
		return false
	}
	lo, hi := ix.span(r.X, r.X+r.W)
	for k := lo; k <= hi; k++ {
		s := ix.ids[ix.start[k]:ix.start[k+1]]
		from := r.Y - ix.maxH[k]
		i, _ := slices.BinarySearchFunc(s, from, func(id int32, y float64) int {
			return compareFloat(ix.boxes[id].Y, y)
		})
		for ; i < len(s) && ix.boxes[s[i]].Y < r.Y+r.H; i++ {
			id := s[i]
			if id != skip && meets(ix.boxes[id], r) && (keep == nil || keep(id)) {
				return true
			}
		}
	}
	return false
}

// meets reports whether b meets the open rectangle r. A box of zero width
// or height (a segment) meets r when it passes through r's inside.
func meets(b, r Box) bool {
	return b.X < r.X+r.W && r.X < b.X+b.W && b.Y < r.Y+r.H && r.Y < b.Y+b.H
}
