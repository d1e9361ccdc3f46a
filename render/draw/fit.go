package draw

import (
	"fmt"
	"slices"

	"github.com/orgchart/orgchart/internal/huge"
	"github.com/orgchart/orgchart/internal/par"
	"github.com/orgchart/orgchart/render/layout"
	"github.com/orgchart/orgchart/render/option"
)

// Page furniture, in page points.
const (
	posterMargin = 24.0
	maxScale     = 1.8 // a small chart on a big page is not blown up further
	titlePt      = 14.0
	legendPt     = 8.0
	footPt       = 7.5
	dottedLane   = 9.0 // chart units between dotted lanes
	dottedLimit  = 40  // more dotted lines than this go to a footnote
	maxFootnotes = 12  // footnotes listed on a page; the rest are counted
	// minScale keeps a chart that cannot fit its page drawable (its text
	// tiny, which the legibility check reports) rather than scaled to 0.
	minScale  = 0.01
	fitBudget = 3e6 // node layouts the per-manager search may spend
	scaleEps  = 1e-9
)

// fitted is a planned page laid out: its cards, the layout, the page size
// and the scale that maps the chart into the page's chart area.
type fitted struct {
	plan   *plan
	cards  []*card
	tree   layout.Tree
	res    *layout.Result
	w, h   float64 // page size, points
	margin float64
	scale  float64
	furn   *furniture
}

// legible reports whether f's names are at least option.MinNamePoints.
func (f *fitted) legible() bool { return f.scale*NameSize >= option.MinNamePoints-scaleEps }

// layoutOptions are the gaps between cards, in chart units.
func layoutOptions() layout.Options {
	return layout.Options{SiblingGap: 14, SubtreeGap: 26, LevelGap: 30, StackGap: 8, SpineOffset: 12}
}

// fit measures p's cards and lays them out: on a preset's page with the
// arrangements (and on paper the orientation) that give the largest scale,
// else as a poster at scale 1.
func (d *drawer) fit(p *plan) (*fitted, error) {
	n := len(p.nodes)
	f := &fitted{plan: p, cards: make([]*card, n)}
	t := layout.Tree{Parent: make([]int, n), Width: make([]float64, n), Height: make([]float64, n),
		Assistant: make([]bool, n), Arrangement: make([]layout.Arrangement, n)}
	kids := make([]int, n)
	d.measure(p, f.cards)
	for k, nd := range p.nodes {
		t.Parent[k] = nd.parent
		t.Width[k], t.Height[k] = f.cards[k].w, f.cards[k].h
		if nd.parent >= 0 {
			kids[nd.parent]++
			t.Assistant[k] = d.g.Assistant(nd.e) == p.nodes[nd.parent].e
		}
	}
	f.tree = t
	f.furn = d.furniture(p)
	if d.preset == nil {
		if !d.opts.Compact {
			fill(t.Arrangement, layout.Row)
		}
		res, err := layout.Layout(t, layoutOptions())
		if err != nil {
			return nil, fmt.Errorf("draw: %w", err)
		}
		f.res, f.scale, f.margin = res, 1, posterMargin
		return f, nil
	}
	pr := d.preset
	f.margin = pr.Margin * 72
	sizes := [][2]float64{{pr.W * 72, pr.H * 72}}
	if !slices.Contains([]string{"slide-16x9", "slide-4x3"}, d.opts.Preset) {
		sizes = append(sizes, [2]float64{pr.H * 72, pr.W * 72}) // paper: portrait too
	}
	best := -1.0
	for _, sz := range sizes {
		arr, res, s, err := d.arrange(t, kids, f, sz[0], sz[1])
		if err != nil {
			return nil, err
		}
		if s > best+scaleEps {
			best = s
			f.res, f.scale, f.w, f.h = res, s, sz[0], sz[1]
			copy(f.tree.Arrangement, arr)
		}
	}
	return f, nil
}

// measureChunk is how many cards one worker measures at a time.
const measureChunk = 2048

// measure measures the cards of p's nodes into cards, on every core. The
// cards and their lines are cut from two slabs (a 100,000-person poster's
// are 35 MB: fresh memory, advised for huge pages).
func (d *drawer) measure(p *plan, cards []*card) {
	const lines = 4 // name, title, department: usually
	cs := huge.Make[card](len(p.nodes), len(p.nodes))
	ls := huge.Make[line](lines*len(p.nodes), lines*len(p.nodes))
	par.For((len(p.nodes)+measureChunk-1)/measureChunk, func(c int) {
		var tx *texts
		if len(p.nodes) > 64 {
			tx = newTexts()
		}
		for k := c * measureChunk; k < min(len(p.nodes), (c+1)*measureChunk); k++ {
			nd := p.nodes[k]
			if nd.stub {
				cards[k] = d.stubCard(nd)
			} else {
				cs[k].lines = ls[lines*k : lines*k : lines*(k+1)]
				cards[k] = d.personCard(nd.e, tx, &cs[k])
			}
		}
	})
}

func fill[T any](s []T, v T) {
	for i := range s {
		s[i] = v
	}
}

// area is the chart area of a w×h page for f's furniture.
func (f *fitted) area(w, h float64) (aw, ah float64) {
	return w - 2*f.margin, h - 2*f.margin - f.furn.top - f.furn.bottom(w-2*f.margin)
}

// scaleFor is the scale that fits res into a w×h page.
func (f *fitted) scaleFor(res *layout.Result, w, h float64) float64 {
	aw, ah := f.area(w, h)
	if res.Width <= 0 || res.Height <= 0 {
		return maxScale
	}
	return max(minScale, min(aw/res.Width, ah/res.Height, maxScale))
}

// arrange chooses the arrangement of every manager for a w×h page: the best
// of four policies (Auto, all rows, leaf teams in one column, leaf teams in
// two), then one pass that tries the other arrangements manager by manager,
// largest team first, keeping a change when the scale grows.
func (d *drawer) arrange(t layout.Tree, kids []int, f *fitted, w, h float64) ([]layout.Arrangement, *layout.Result, float64, error) {
	n := len(t.Parent)
	opt := layoutOptions()
	try := func(arr []layout.Arrangement) (*layout.Result, float64, error) {
		t.Arrangement = arr
		res, err := layout.Layout(t, opt)
		if err != nil {
			return nil, 0, fmt.Errorf("draw: %w", err)
		}
		return res, f.scaleFor(res, w, h), nil
	}
	// Managers whose reports are all leaves can be stacked.
	leafy := make([]bool, n)
	for k := range leafy {
		leafy[k] = kids[k] >= 2
	}
	for k, p := range t.Parent {
		if p >= 0 && kids[k] > 0 {
			leafy[p] = false
		}
	}
	policies := [][]layout.Arrangement{make([]layout.Arrangement, n)} // Auto
	rows := make([]layout.Arrangement, n)
	fill(rows, layout.Row)
	policies = append(policies, rows)
	if d.opts.Compact {
		for _, a := range []layout.Arrangement{layout.Column, layout.Columns2} {
			arr := make([]layout.Arrangement, n)
			for k := range arr {
				arr[k] = layout.Row
				if leafy[k] {
					arr[k] = a
				}
			}
			policies = append(policies, arr)
		}
	} else {
		policies = policies[1:]
	}
	var bestArr []layout.Arrangement
	var bestRes *layout.Result
	best := -1.0
	for _, arr := range policies {
		res, s, err := try(arr)
		if err != nil {
			return nil, nil, 0, err
		}
		if s > best+scaleEps {
			best, bestArr, bestRes = s, arr, res
		}
	}
	if !d.opts.Compact || best >= maxScale-scaleEps {
		return bestArr, bestRes, best, nil
	}
	var managers []int
	for k := range leafy {
		if leafy[k] {
			managers = append(managers, k)
		}
	}
	slices.SortStableFunc(managers, func(a, b int) int { return kids[b] - kids[a] })
	arr := slices.Clone(bestArr)
	budget := int(fitBudget) / max(n, 1)
	for _, m := range managers {
		if budget <= 0 || best >= maxScale-scaleEps {
			break
		}
		cur := arr[m]
		for _, a := range []layout.Arrangement{layout.Row, layout.Column, layout.Columns2} {
			if a == cur || (cur == layout.Auto && a == layout.Columns2 && kids[m] >= layout.AutoStackMin) || budget <= 0 {
				continue
			}
			budget--
			arr[m] = a
			res, s, err := try(arr)
			if err != nil {
				return nil, nil, 0, err
			}
			if s > best+scaleEps {
				best, bestRes, cur = s, res, a
				bestArr = slices.Clone(arr)
			}
		}
		arr[m] = cur
	}
	return bestArr, bestRes, best, nil
}
