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
// names (resolveDirRefs), mostly on every core.

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
			if a := p.noteAttr[i]; a != nil {
				if noted[*a] {
					continue
				}
				noted[*a] = true
			}
			b.note(n.Pos, n.Message, p.noteAttr[i])
		}
	}
	return b
}

// resolveDirRefs rewrites the references of the people in spans (see
// finish) and reports whether one that names no user by its keys is
// written as an e-mail address, for resolveEmailRefs to try.
//
// Only the keys the references use are looked for: they are numbered in a
// small map (a chart's managers are a fraction of its users), and each
// part looks its users' chart ids and keys up in it, on its own core. A
// map of every key of every user, which this replaces (half a million
// inserts into a map too large for the caches), took more than half of a
// part's time in a profile of a 100k-entry LDIF export.
func resolveDirRefs(org *graph.Org, parts []*dirBuilder, spans []dirSpan) (emailLeft bool) {
	// The folded key of every reference, span by span, in order.
	keys := make([][]string, len(spans))
	var wg sync.WaitGroup
	for s, sp := range spans {
		wg.Go(func() {
			eachRef(sp.people, func(r *graph.Ref) { keys[s] = append(keys[s], sp.norm(r.ID)) })
		})
	}
	wg.Wait()
	// The distinct keys, numbered; slots[s] numbers the references of
	// span s.
	want := make(map[string]int)
	slots := make([][]int, len(spans))
	for s, ks := range keys {
		slots[s] = make([]int, len(ks))
		for j, k := range ks {
			w, ok := want[k]
			if !ok {
				w = len(want)
				want[k] = w
			}
			slots[s][j] = w
		}
	}
	// Who has each key: a user's index in the joined chart, or one of
	// these. A chart id wins over the keys users are named by.
	const none, shared, chartID = -1, -2, -3
	owners := make([][]int, len(parts))
	for x, p := range parts {
		wg.Go(func() {
			o := make([]int, len(want))
			for w := range o {
				o[w] = none
			}
			for _, k := range p.idKeys {
				if w, ok := want[k]; ok {
					o[w] = chartID
				}
			}
			for _, n := range p.names {
				if w, ok := want[n.key]; ok {
					switch i := p.base + n.i; o[w] {
					case none:
						o[w] = i
					case chartID, shared, i:
					default:
						o[w] = shared
					}
				}
			}
			owners[x] = o
		})
	}
	wg.Wait()
	owner := owners[0]
	for _, o := range owners[1:] {
		for w, v := range o {
			switch u := owner[w]; {
			case v == none || u == chartID:
			case u == none || v == chartID:
				owner[w] = v
			default:
				owner[w] = shared // users of two parts
			}
		}
	}
	people := org.People
	left := make([]bool, len(spans))
	for s, sp := range spans {
		wg.Go(func() {
			j := 0
			eachRef(sp.people, func(r *graph.Ref) {
				switch i := owner[slots[s][j]]; {
				case i == chartID:
				case i >= 0:
					r.ID = people[i].ID
				case strings.IndexByte(r.ID, '@') >= 0:
					left[s] = true
				}
				j++
			})
			// The directory loaders name no assistants: any is
			// resolveEmailRefs's to look at.
			for _, p := range sp.people {
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

// eachRef calls fn on the solid and dotted lines of people, in order.
func eachRef(people []*graph.Person, fn func(*graph.Ref)) {
	for _, p := range people {
		for i := range p.ReportsTo {
			fn(&p.ReportsTo[i])
		}
		for i := range p.Dotted {
			fn(&p.Dotted[i])
		}
	}
}
