package scene

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strings"
)

// Validate reports every problem that would stop a backend drawing d
// faithfully: sizes that are not finite or not positive, links to pages that
// do not exist or to URLs that are not http, https or mailto (a javascript:
// link in an SVG runs when clicked), duplicate IDs, paths with fewer than two
// points, and connector ends naming no Box or Group on their page. Every
// backend validates before it writes a byte.
func (d *Document) Validate() error {
	var errs []error
	for i := range d.Pages {
		errs = append(errs, d.Pages[i].validate(i+1, len(d.Pages))...)
	}
	for i, o := range d.Outline {
		if o.Page < 1 || o.Page > len(d.Pages) {
			errs = append(errs, fmt.Errorf("outline entry %d %q: page %d of %d", i+1, o.Title, o.Page, len(d.Pages)))
		}
		if o.Level < 0 {
			errs = append(errs, fmt.Errorf("outline entry %d %q: negative level", i+1, o.Title))
		}
	}
	return errors.Join(errs...)
}

// validate checks page n of a document of pages pages.
func (p *Page) validate(n, pages int) []error {
	v := validator{page: n, pages: pages, ids: map[string]bool{}}
	if !(p.Width > 0 && p.Height > 0) || math.IsInf(p.Width, 0) || math.IsInf(p.Height, 0) {
		v.fail("", "size %vx%v is not positive and finite", p.Width, p.Height)
	}
	v.items(p.Items)
	for _, e := range v.ends {
		if !v.ids[e] {
			v.fail("", "connector end %q names no box or group on the page", e)
		}
	}
	return v.errs
}

type validator struct {
	page, pages int
	ids         map[string]bool
	ends        []string
	errs        []error
}

func (v *validator) fail(what, format string, args ...any) {
	if what != "" {
		what = " " + what
	}
	v.errs = append(v.errs, fmt.Errorf("page %d%s: %s", v.page, what, fmt.Sprintf(format, args...)))
}

func (v *validator) id(what, id string) {
	if id == "" {
		return
	}
	if v.ids[id] {
		v.fail(what, "duplicate id")
	}
	v.ids[id] = true
}

func (v *validator) finite(what string, xs ...float64) {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			v.fail(what, "coordinate or size %v is not finite", x)
			return
		}
	}
}

func (v *validator) dash(what string, dash []float64) {
	sum := 0.0
	for _, d := range dash {
		if !(d >= 0) || math.IsInf(d, 0) {
			v.fail(what, "dash length %v is not a finite non-negative number", d)
			return
		}
		sum += d
	}
	if len(dash) > 0 && sum == 0 {
		v.fail(what, "dash pattern is all zeros")
	}
}

func (v *validator) link(what string, l Link) {
	switch {
	case l.Page < 0 || l.Page > v.pages:
		v.fail(what, "link to page %d of %d", l.Page, v.pages)
	case l.Page == 0 && l.URL != "":
		u, err := url.Parse(l.URL)
		if err != nil {
			v.fail(what, "link %q: %v", l.URL, err)
		} else if s := strings.ToLower(u.Scheme); s != "" && s != "http" && s != "https" && s != "mailto" {
			v.fail(what, "link %q: scheme %q is not http, https or mailto", l.URL, u.Scheme)
		}
	}
}

func (v *validator) items(items []Item) {
	for _, it := range items {
		switch it := it.(type) {
		case Box:
			what := fmt.Sprintf("box %q", it.ID)
			v.id(what, it.ID)
			v.finite(what, it.X, it.Y, it.W, it.H, it.Radius, it.StrokeWidth)
			if it.W < 0 || it.H < 0 || it.Radius < 0 || it.StrokeWidth < 0 {
				v.fail(what, "negative size, radius or stroke width")
			}
			v.dash(what, it.Dash)
			v.link(what, it.Link)
		case Text:
			what := fmt.Sprintf("text %q", it.S)
			v.finite(what, it.X, it.Y, it.Size)
			if !(it.Size > 0) {
				v.fail(what, "font size %v is not positive", it.Size)
			}
			if it.Anchor > End {
				v.fail(what, "unknown anchor %d", it.Anchor)
			}
		case Path:
			what := fmt.Sprintf("path %q", it.ID)
			v.id(what, it.ID)
			if len(it.Points) < 2 {
				v.fail(what, "%d points, want at least 2", len(it.Points))
			}
			for _, p := range it.Points {
				v.finite(what, p.X, p.Y)
			}
			v.finite(what, it.Width)
			if it.Width < 0 {
				v.fail(what, "negative width")
			}
			v.dash(what, it.Dash)
			for _, e := range []string{it.From, it.To} {
				if e != "" {
					v.ends = append(v.ends, e)
				}
			}
		case Group:
			what := fmt.Sprintf("group %q", it.ID)
			v.id(what, it.ID)
			v.link(what, it.Link)
			v.items(it.Items)
		case nil:
			v.fail("", "nil item")
		}
	}
}
