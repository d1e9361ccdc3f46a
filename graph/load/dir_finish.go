package load

import (
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/huge"
)

// This file ends a directory load: the parts of an export read in parallel
// (dirjson_parallel.go, ldif_parallel.go) are joined in file order, and
// every manager reference is rewritten to the chart id of the one user it
// names. Each builder filled its own map of keys as it read (in
// parallel), and the references are resolved on every core, looked up in
// all the maps: they are only read then.

// finish rewrites the references to the users' chart ids (a reference that
// already is a chart id stays; one that names no single user stays as
// written, for ORG002 to report) and returns the chart, or the errors.
func (b *dirBuilder) finish() (*graph.Org, error) {
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	return finishParts([]*dirBuilder{b}), nil
}

// dirSpan is a run of a chart's people and the key folding of the builder
// that read them (an LDIF builder's remembers the DNs it read).
type dirSpan struct {
	people []*graph.Person
	norm   func(string) string
}

// finishParts joins the parts of one export, read in file order by
// separate builders without errors, and resolves the references (see
// finish). Each attribute is noted once, where the first part noted it,
// as one builder reading the whole export would have.
func finishParts(parts []*dirBuilder) *graph.Org {
	b := parts[0]
	var spans []dirSpan
	if len(parts) == 1 {
		// One builder: its people are resolved in a few spans all the same.
		n := len(b.org.People)
		w := 1
		if n >= 4096 {
			w = min(runtime.GOMAXPROCS(0), 8)
		}
		for i := range w {
			spans = append(spans, dirSpan{people: b.org.People[i*n/w : (i+1)*n/w], norm: b.norm})
		}
	} else {
		b = joinParts(parts)
		for _, p := range parts {
			spans = append(spans, dirSpan{people: p.org.People, norm: p.norm})
		}
	}
	if resolveDirRefs(b.org, parts, spans) {
		resolveEmailRefs(b.org)
	}
	finishDiagnostics(b.org.Diagnostics)
	sort.SliceStable(b.org.Notes, func(i, j int) bool { return b.org.Notes[i].Pos.Before(b.org.Notes[j].Pos) })
	return b.org
}

// joinParts returns one builder holding the people and notes of parts in
// order, with indexes those of the whole export, and sets each part's
// base. The parts' people slices are left as they were (their Person
// values are shared).
func joinParts(parts []*dirBuilder) *dirBuilder {
	people := 0
	for _, p := range parts {
		people += len(p.org.People)
	}
	first := parts[0]
	b := &dirBuilder{name: first.name, org: first.org, norm: first.norm, inf: first.inf}
	org := *first.org
	b.org = &org
	org.People = huge.Make[*graph.Person](0, people)
	org.Notes, org.Diagnostics = nil, nil
	noted := make(map[string]bool)
	for _, p := range parts {
		p.base = len(org.People)
		for _, e := range p.org.People {
			e.Index += p.base
		}
		org.People = append(org.People, p.org.People...)
		org.Diagnostics = append(org.Diagnostics, p.org.Diagnostics...)
		for i, n := range p.org.Notes {
			if a := p.noteAttr[i]; a != "" {
				if noted[a] {
					continue
				}
				noted[a] = true
			}
			b.note(n.Pos, n.Message, p.noteAttr[i])
		}
	}
	return b
}

// lookup returns the index in the joined chart of the one user that key
// names in the maps of parts, -1 when none or several do, or stays ==
// true when it is a chart id.
func lookup(parts []*dirBuilder, key string) (i int, stays bool) {
	i, n := -1, 0
	for _, p := range parts {
		switch j, ok := p.byKey[key]; {
		case !ok:
		case j == chartID:
			return -1, true
		case j == shared:
			n += 2
		default:
			i = p.base + j
			n++
		}
	}
	if n != 1 {
		return -1, false
	}
	return i, false
}

// resolveDirRefs rewrites the references of the people in spans (see
// finish), looking their keys up in the maps the parts filled, and
// reports whether one that names no user by its keys is written as an
// e-mail address, for resolveEmailRefs to try.
func resolveDirRefs(org *graph.Org, parts []*dirBuilder, spans []dirSpan) (emailLeft bool) {
	people := org.People
	left := make([]bool, len(spans))
	var wg sync.WaitGroup
	for s, sp := range spans {
		wg.Go(func() {
			fix := func(r *graph.Ref) {
				i, stays := lookup(parts, sp.norm(r.ID))
				switch {
				case stays:
				case i >= 0:
					r.ID = people[i].ID
				case strings.IndexByte(r.ID, '@') >= 0:
					left[s] = true
				}
			}
			for _, p := range sp.people {
				for i := range p.ReportsTo {
					fix(&p.ReportsTo[i])
				}
				for i := range p.Dotted {
					fix(&p.Dotted[i])
				}
				// The directory loaders name no assistants: any is
				// resolveEmailRefs's to look at.
				left[s] = left[s] || p.AssistantTo != nil
			}
		})
	}
	wg.Wait()
	for _, l := range left {
		emailLeft = emailLeft || l
	}
	return emailLeft || len(org.Tops) > 0
}
