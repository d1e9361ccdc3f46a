package scene

import (
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"net/url"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/internal/par"
)

// Validate reports every problem that would stop a backend drawing d
// faithfully: sizes that are not finite or not positive, links to pages that
// do not exist or to URLs that are not http, https or mailto (a javascript:
// link in an SVG runs when clicked), duplicate IDs, paths with fewer than two
// points, and connector ends naming no Box or Group on their page. Every
// backend validates what it writes before it writes a byte.
func (d *Document) Validate() error {
	var errs []error
	for i := range d.Pages {
		errs = append(errs, d.Pages[i].validate(i+1, len(d.Pages), nil)...)
	}
	errs = append(errs, d.validateOutline()...)
	return joinErrors(errs)
}

// maxProblems is how many problems an error from Validate lists; the rest
// are counted.
const maxProblems = 10

// joinErrors joins at most maxProblems of errs, then a count of the rest, so
// a scene with thousands of bad items gives a readable error.
func joinErrors(errs []error) error {
	if len(errs) > maxProblems {
		n := len(errs) - maxProblems
		errs = append(errs[:maxProblems:maxProblems], fmt.Errorf("(and %d more problems)", n))
	}
	return errors.Join(errs...)
}

// validatePage is Validate for a backend that writes page n alone (SVG,
// PNG): that page and the outline, so writing every page of a document
// checks each page once, not once per page written.
func (d *Document) validatePage(n int) error { return d.validatePageWith(n, nil) }

// validatePageWith is validatePage that also runs each(i) right after
// validating the i-th chunk of chunkItems top-level items, on the same
// core, while they are in its cache (the SVG writer collects its classes).
func (d *Document) validatePageWith(n int, each func(i int)) error {
	errs := d.Pages[n-1].validate(n, len(d.Pages), each)
	return joinErrors(append(errs, d.validateOutline()...))
}

func (d *Document) validateOutline() []error {
	var errs []error
	for i, o := range d.Outline {
		if o.Page < 1 || o.Page > len(d.Pages) {
			errs = append(errs, fmt.Errorf("outline entry %d %q: page %d of %d", i+1, o.Title, o.Page, len(d.Pages)))
		}
		if o.Level < 0 {
			errs = append(errs, fmt.Errorf("outline entry %d %q: negative level", i+1, o.Title))
		}
	}
	return errs
}

// validate checks page n of a document of pages pages: its items a chunk at
// a time on every core (see chunkItems), formatting nothing unless
// something is wrong, then the IDs of all of them (see idSet). Problems are
// listed item by item, then duplicate IDs, then connector ends. each, when
// not nil, runs after each chunk (see validatePageWith).
func (p *Page) validate(n, pages int, each func(i int)) []error {
	var errs []error
	if !(p.Width > 0 && p.Height > 0) || math.IsInf(p.Width, 0) || math.IsInf(p.Height, 0) {
		errs = append(errs, fmt.Errorf("page %d: size %vx%v is not positive and finite", n, p.Width, p.Height))
	}
	vs := make([]validator, (len(p.Items)+chunkItems-1)/chunkItems)
	seed := maphash.MakeSeed()
	par.For(len(vs), func(i int) {
		vs[i] = validator{page: n, pages: pages}
		items := p.Items[i*chunkItems : min(len(p.Items), (i+1)*chunkItems)]
		vs[i].ids = make([]named, 0, 2*len(items))
		vs[i].ends = make([]string, 0, len(items))
		vs[i].items(items)
		vs[i].shard(seed)
		if each != nil {
			each(i)
		}
	})
	for i := range vs {
		errs = append(errs, vs[i].errs...)
	}
	// Each shard's set is filled and probed on its own core; what it finds
	// wrong is put back in page order.
	var dups, missing [idShards][]idRef
	par.For(idShards, func(s int) {
		total := 0
		for i := range vs {
			total += len(vs[i].idsBy[s])
		}
		ids := newIDSet(total)
		for i := range vs {
			for _, r := range vs[i].idsBy[s] {
				if !ids.add(vs[i].ids[r.k].id, r.h) {
					dups[s] = append(dups[s], idRef{h: uint64(i), k: r.k})
				}
			}
		}
		for i := range vs {
			for _, r := range vs[i].endsBy[s] {
				if !ids.has(vs[i].ends[r.k], r.h) {
					missing[s] = append(missing[s], idRef{h: uint64(i), k: r.k})
				}
			}
		}
	})
	for _, r := range inPageOrder(dups) {
		errs = append(errs, problem(n, vs[r.h].ids[r.k].it, "duplicate id"))
	}
	for _, r := range inPageOrder(missing) {
		errs = append(errs, problem(n, nil, fmt.Sprintf("connector end %q names no box or group on the page", vs[r.h].ends[r.k])))
	}
	return errs
}

// named is an item with an ID.
type named struct {
	id string
	it Item
}

type validator struct {
	page, pages int
	ids         []named
	ends        []string
	errs        []error
	// idsBy and endsBy are ids and ends by idShard, in order.
	idsBy, endsBy [idShards][]idRef
}

// idRef is the k-th ID or connector end of a validator with its idHash h;
// for a problem found, h is the validator's index instead.
type idRef struct {
	h uint64
	k int32
}

// shard spreads v's IDs and ends over the shards, each shard's refs cut
// from one slice.
func (v *validator) shard(seed maphash.Seed) {
	refs := make([]idRef, len(v.ids)+len(v.ends))
	var count [2 * idShards]int
	for k, x := range v.ids {
		refs[k] = idRef{idHash(seed, x.id), int32(k)}
		count[idShard(refs[k].h)]++
	}
	for k, e := range v.ends {
		r := &refs[len(v.ids)+k]
		*r = idRef{idHash(seed, e), int32(k)}
		count[idShards+idShard(r.h)]++
	}
	out := make([]idRef, len(refs))
	var by [2 * idShards][]idRef
	for s, c := range count {
		by[s], out = out[:0:c], out[c:]
	}
	for k, r := range refs {
		s := idShard(r.h)
		if k >= len(v.ids) {
			s += idShards
		}
		by[s] = append(by[s], r)
	}
	copy(v.idsBy[:], by[:idShards])
	copy(v.endsBy[:], by[idShards:])
}

// inPageOrder merges the problems the shards found (validator index in h,
// then k) into page order.
func inPageOrder(by [idShards][]idRef) []idRef {
	var all []idRef
	for _, rs := range by {
		all = append(all, rs...)
	}
	slices.SortFunc(all, func(a, b idRef) int {
		return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.k, b.k))
	})
	return all
}

// what names item it in a message.
func what(it Item) string {
	switch it := it.(type) {
	case Box:
		return fmt.Sprintf(" box %q", it.ID)
	case Text:
		return fmt.Sprintf(" text %q", it.S)
	case Path:
		return fmt.Sprintf(" path %q", it.ID)
	case Group:
		return fmt.Sprintf(" group %q", it.ID)
	}
	return ""
}

func problem(page int, it Item, msg string) error {
	return fmt.Errorf("page %d%s: %s", page, what(it), msg)
}

func (v *validator) fail(it Item, format string, args ...any) {
	v.errs = append(v.errs, problem(v.page, it, fmt.Sprintf(format, args...)))
}

func (v *validator) id(it Item, id string) {
	if id != "" {
		v.ids = append(v.ids, named{id, it})
	}
}

// finite reports the first of xs that is not finite.
func (v *validator) finite(it Item, xs ...float64) {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			v.fail(it, "coordinate or size %v is not finite", x)
			return
		}
	}
}

func (v *validator) dash(it Item, dash []float64) {
	sum := 0.0
	for _, d := range dash {
		if !(d >= 0) || math.IsInf(d, 0) {
			v.fail(it, "dash length %v is not a finite non-negative number", d)
			return
		}
		sum += d
	}
	if len(dash) > 0 && sum == 0 {
		v.fail(it, "dash pattern is all zeros")
	}
}

func (v *validator) link(it Item, l Link) {
	switch {
	case l.Page < 0 || l.Page > v.pages:
		v.fail(it, "link to page %d of %d", l.Page, v.pages)
	case l.Page == 0 && l.URL != "":
		u, err := url.Parse(l.URL)
		if err != nil {
			v.fail(it, "link %q: %v", l.URL, err)
		} else if s := strings.ToLower(u.Scheme); s != "" && s != "http" && s != "https" && s != "mailto" {
			v.fail(it, "link %q: scheme %q is not http, https or mailto", l.URL, u.Scheme)
		}
	}
}

func (v *validator) items(items []Item) {
	for _, it := range items {
		switch x := it.(type) {
		case Box:
			v.id(it, x.ID)
			v.finite(it, x.X, x.Y, x.W, x.H, x.Radius, x.StrokeWidth)
			if x.W < 0 || x.H < 0 || x.Radius < 0 || x.StrokeWidth < 0 {
				v.fail(it, "negative size, radius or stroke width")
			}
			v.dash(it, x.Dash)
			v.link(it, x.Link)
		case Text:
			v.finite(it, x.X, x.Y, x.Size)
			if !(x.Size > 0) {
				v.fail(it, "font size %v is not positive", x.Size)
			}
			if x.Anchor > End {
				v.fail(it, "unknown anchor %d", x.Anchor)
			}
		case Path:
			v.id(it, x.ID)
			if len(x.Points) < 2 {
				v.fail(it, "%d points, want at least 2", len(x.Points))
			}
			for _, p := range x.Points {
				v.finite(it, p.X, p.Y)
			}
			v.finite(it, x.Width)
			if x.Width < 0 {
				v.fail(it, "negative width")
			}
			v.dash(it, x.Dash)
			if x.From != "" {
				v.ends = append(v.ends, x.From)
			}
			if x.To != "" {
				v.ends = append(v.ends, x.To)
			}
		case Group:
			v.id(it, x.ID)
			v.link(it, x.Link)
			v.items(x.Items)
		case nil:
			v.fail(nil, "nil item")
		}
	}
}
