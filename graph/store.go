package graph

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"

	dgraph "github.com/dominikbraun/graph"
	"github.com/orgchart/orgchart/internal/huge"
)

// compactStore is a dgraph.Store[int, int] for graphs whose vertex hashes are
// dense non-negative ints (entry indices), such as the reporting graph.
//
// dominikbraun/graph's default store keeps two maps of maps (out- and
// in-edges) and an attribute map per vertex and per edge: about 1.1 KB and
// 4 µs per reporting line, 1.16 GB for a million people. This store keeps
// vertices as a bitset and edges in flat slices, each vertex's out-edges
// threaded through a singly linked list of slice indices, and edge data as a
// one-byte index into a small palette of the distinct values: about 4 bytes
// per vertex and 9 per edge. No library offers such a store, hence
// hand-written.
//
// Vertex values equal their hashes in the reporting graph (dgraph.IntHash);
// other values, non-empty vertex or edge attributes, weights, and edge data
// outside the palette are kept in side maps that stay nil when unused.
// Finding an edge walks its source's out-edges, which are few in an org
// chart; removing a vertex scans every edge to find in-edges (the reporting
// graph never removes any).
//
// Like dominikbraun/graph's graphs, the store is not safe for concurrent
// writes; concurrent reads (Vertex, Edge, ListEdges, counts) are safe once
// writing has stopped.
type compactStore struct {
	present []uint64 // bitset of the vertices present
	head    []int32  // per vertex: 1 + slot of its newest out-edge, 0 for none
	nvert   int

	// Edges by slot. A removed edge's slot stays dead (dst = -1), out of
	// every list.
	dst, next []int32 // next: 1 + slot of the source's next out-edge, 0 for none
	pal       []uint8 // index into palette, or paletteNone
	nedge     int

	palette []any         // distinct edge data values (nil and pointers)
	edata   map[int32]any // edge data not in the palette, by slot

	values  map[int]int                     // vertex values that differ from their hash
	vprops  map[int]dgraph.VertexProperties // non-zero vertex properties
	eattrs  map[int32]map[string]string     // non-empty edge attributes, by slot
	eweight map[int32]int                   // non-zero edge weights, by slot
}

// paletteNone marks an edge whose data is in edata.
const paletteNone = 255

var _ dgraph.Store[int, int] = (*compactStore)(nil)

// newCompactStore returns an empty store with room for about vertices
// vertices and edges edges.
func newCompactStore(vertices, edges int) *compactStore {
	return &compactStore{
		present: make([]uint64, 0, (vertices+63)/64),
		head:    huge.Make[int32](0, vertices),
		dst:     huge.Make[int32](0, edges),
		next:    huge.Make[int32](0, edges),
		pal:     huge.Make[uint8](0, edges),
	}
}

func (s *compactStore) has(v int) bool {
	return v >= 0 && v < len(s.head) && s.present[v>>6]&(1<<(v&63)) != 0
}

// addVertices adds the vertices 0..n-1 to an empty store.
func (s *compactStore) addVertices(n int) {
	s.head = append(s.head[:0], make([]int32, n)...)
	s.present = append(s.present[:0], make([]uint64, (n+63)/64)...)
	for w := range n / 64 {
		s.present[w] = ^uint64(0)
	}
	if r := n % 64; r != 0 {
		s.present[n/64] = 1<<r - 1
	}
	s.nvert = n
}

// appendEdge adds the edge source → target with data, which the caller
// knows to be new, between existing vertices.
func (s *compactStore) appendEdge(source, target int, data any) {
	slot := int32(len(s.dst))
	s.dst = append(s.dst, int32(target))
	s.next = append(s.next, s.head[source])
	s.pal = append(s.pal, 0)
	s.setData(slot, data)
	s.head[source] = slot + 1
	s.nedge++
}

// setData records an edge's data: in the palette when it is nil or a
// pointer (comparable, and in the reporting graph one of a few shared
// values), else in edata.
func (s *compactStore) setData(slot int32, data any) {
	delete(s.edata, slot)
	switch data.(type) {
	case nil, *lineData:
		for k, v := range s.palette {
			if v == data {
				s.pal[slot] = uint8(k)
				return
			}
		}
		if len(s.palette) < paletteNone {
			s.pal[slot] = uint8(len(s.palette))
			s.palette = append(s.palette, data)
			return
		}
	}
	if s.edata == nil {
		s.edata = make(map[int32]any)
	}
	s.pal[slot] = paletteNone
	s.edata[slot] = data
}

func (s *compactStore) data(slot int32) any {
	if p := s.pal[slot]; p != paletteNone {
		return s.palette[p]
	}
	return s.edata[slot]
}

// AddVertex adds vertex hash; hashes must be non-negative and fit an int32
// (the store is sized by the largest hash).
func (s *compactStore) AddVertex(hash int, value int, p dgraph.VertexProperties) error {
	if hash < 0 || hash >= math.MaxInt32 {
		return fmt.Errorf("compact store: vertex %d out of range [0, %d)", hash, math.MaxInt32)
	}
	if s.has(hash) {
		return dgraph.ErrVertexAlreadyExists
	}
	if hash >= len(s.head) {
		n := hash + 1
		s.head = append(s.head, make([]int32, n-len(s.head))...)
		if w := (n + 63) / 64; w > len(s.present) {
			s.present = append(s.present, make([]uint64, w-len(s.present))...)
		}
	}
	s.present[hash>>6] |= 1 << (hash & 63)
	s.nvert++
	if value != hash {
		if s.values == nil {
			s.values = make(map[int]int)
		}
		s.values[hash] = value
	}
	if len(p.Attributes) > 0 || p.Weight != 0 {
		if s.vprops == nil {
			s.vprops = make(map[int]dgraph.VertexProperties)
		}
		s.vprops[hash] = p
	}
	return nil
}

// Vertex returns the vertex with the hash and its properties. The
// properties' Attributes are nil when the vertex has none.
func (s *compactStore) Vertex(hash int) (int, dgraph.VertexProperties, error) {
	if !s.has(hash) {
		return 0, dgraph.VertexProperties{}, dgraph.ErrVertexNotFound
	}
	v := hash
	if s.values != nil {
		if x, ok := s.values[hash]; ok {
			v = x
		}
	}
	var p dgraph.VertexProperties
	if s.vprops != nil {
		p = s.vprops[hash]
	}
	return v, p, nil
}

// RemoveVertex removes a vertex that has no edges. It scans every edge for
// in-edges.
func (s *compactStore) RemoveVertex(hash int) error {
	if !s.has(hash) {
		return dgraph.ErrVertexNotFound
	}
	if s.head[hash] != 0 || slices.Contains(s.dst, int32(hash)) {
		return dgraph.ErrVertexHasEdges
	}
	s.present[hash>>6] &^= 1 << (hash & 63)
	s.nvert--
	delete(s.values, hash)
	delete(s.vprops, hash)
	return nil
}

// ListVertices returns the vertices in increasing order.
func (s *compactStore) ListVertices() ([]int, error) {
	out := make([]int, 0, s.nvert)
	for v := range s.head {
		if s.present[v>>6]&(1<<(v&63)) != 0 {
			out = append(out, v)
		}
	}
	return out, nil
}

// VertexCount returns the number of vertices.
func (s *compactStore) VertexCount() (int, error) { return s.nvert, nil }

// edgeCount returns the number of edges in O(1) (dgraph's Graph.Size copies
// the whole graph through AdjacencyMap).
func (s *compactStore) edgeCount() int { return s.nedge }

// find returns the slot of the edge source → target, or -1.
func (s *compactStore) find(source, target int) int32 {
	if source < 0 || source >= len(s.head) {
		return -1
	}
	for e := s.head[source]; e != 0; e = s.next[e-1] {
		if int(s.dst[e-1]) == target {
			return e - 1
		}
	}
	return -1
}

// AddEdge adds the edge source → target. Its Weight, Attributes (when not
// empty) and Data are kept; Source and Target are the hashes.
func (s *compactStore) AddEdge(source, target int, edge dgraph.Edge[int]) error {
	if !s.has(source) {
		return fmt.Errorf("source vertex %d: %w", source, dgraph.ErrVertexNotFound)
	}
	if !s.has(target) {
		return fmt.Errorf("target vertex %d: %w", target, dgraph.ErrVertexNotFound)
	}
	if s.find(source, target) >= 0 {
		return dgraph.ErrEdgeAlreadyExists
	}
	if len(s.dst) >= math.MaxInt32-1 {
		return fmt.Errorf("compact store: too many edges")
	}
	s.appendEdge(source, target, edge.Properties.Data)
	s.setProps(int32(len(s.dst)-1), edge.Properties)
	return nil
}

func (s *compactStore) setProps(slot int32, p dgraph.EdgeProperties) {
	s.setData(slot, p.Data)
	if len(p.Attributes) > 0 {
		if s.eattrs == nil {
			s.eattrs = make(map[int32]map[string]string)
		}
		s.eattrs[slot] = p.Attributes
	} else {
		delete(s.eattrs, slot)
	}
	if p.Weight != 0 {
		if s.eweight == nil {
			s.eweight = make(map[int32]int)
		}
		s.eweight[slot] = p.Weight
	} else {
		delete(s.eweight, slot)
	}
}

// UpdateEdge replaces the properties of the edge source → target.
func (s *compactStore) UpdateEdge(source, target int, edge dgraph.Edge[int]) error {
	slot := s.find(source, target)
	if slot < 0 {
		return dgraph.ErrEdgeNotFound
	}
	s.setProps(slot, edge.Properties)
	return nil
}

// RemoveEdge removes the edge source → target; it returns ErrEdgeNotFound
// when there is none.
func (s *compactStore) RemoveEdge(source, target int) error {
	if source < 0 || source >= len(s.head) {
		return dgraph.ErrEdgeNotFound
	}
	prev := int32(0)
	for e := s.head[source]; e != 0; prev, e = e, s.next[e-1] {
		slot := e - 1
		if int(s.dst[slot]) != target {
			continue
		}
		if prev == 0 {
			s.head[source] = s.next[slot]
		} else {
			s.next[prev-1] = s.next[slot]
		}
		s.dst[slot], s.next[slot], s.pal[slot] = -1, 0, paletteNone
		delete(s.edata, slot)
		delete(s.eattrs, slot)
		delete(s.eweight, slot)
		s.nedge--
		return nil
	}
	return dgraph.ErrEdgeNotFound
}

func (s *compactStore) edgeAt(source int, slot int32) dgraph.Edge[int] {
	attrs := s.eattrs[slot]
	if attrs == nil {
		// dominikbraun/graph's UpdateEdge options write into the map.
		attrs = map[string]string{}
	}
	return dgraph.Edge[int]{
		Source: source,
		Target: int(s.dst[slot]),
		Properties: dgraph.EdgeProperties{
			Attributes: attrs,
			Weight:     s.eweight[slot],
			Data:       s.data(slot),
		},
	}
}

// Edge returns the edge source → target, or ErrEdgeNotFound.
func (s *compactStore) Edge(source, target int) (dgraph.Edge[int], error) {
	slot := s.find(source, target)
	if slot < 0 {
		return dgraph.Edge[int]{}, dgraph.ErrEdgeNotFound
	}
	return s.edgeAt(source, slot), nil
}

// ListEdges returns every edge, by source in increasing order, each
// source's newest edge first.
func (s *compactStore) ListEdges() ([]dgraph.Edge[int], error) {
	out := make([]dgraph.Edge[int], 0, s.nedge)
	for v, e := range s.head {
		for ; e != 0; e = s.next[e-1] {
			out = append(out, s.edgeAt(v, e-1))
		}
	}
	return out, nil
}

// idIndex maps id keys (Key) to the first entry with that key. It is an
// open-addressing hash table of 8-byte slots (a 32-bit hash tag and
// 1 + the entry index) that compares keys against the entries themselves,
// so it keeps no copy of the keys: 16 MB for a million entries where a Go
// map[string]int32 takes 40 MB, and building the graph is dominated by
// touching fresh memory. Keys that differ from their entry's id as written
// (upper case, spaces) are kept in a side map.
type idIndex struct {
	people []*Person
	slots  []uint64 // tag<<32 | (1+entry); 0 is empty
	mask   uint64
	seed   maphash.Seed
	keys   map[int32]string // keys of entries whose id is not its own key
}

func newIDIndex(people []*Person) *idIndex {
	size := 8
	for size < len(people)+len(people)/2 {
		size <<= 1
	}
	return &idIndex{people: people, slots: huge.Make[uint64](size, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
}

// key returns the key of entry i.
func (x *idIndex) key(i int32) string {
	if k, ok := x.keys[i]; ok {
		return k
	}
	return x.people[i].ID
}

// insert adds entry i under key k (Key of its id) unless an earlier entry
// has that key; it reports whether it was added.
func (x *idIndex) insert(k string, i int32) bool {
	h := maphash.String(x.seed, k)
	tag := h >> 32
	for s := h & x.mask; ; s = (s + 1) & x.mask {
		v := x.slots[s]
		if v == 0 {
			x.slots[s] = tag<<32 | uint64(i+1)
			if k != x.people[i].ID {
				if x.keys == nil {
					x.keys = make(map[int32]string)
				}
				x.keys[i] = k
			}
			return true
		}
		if v>>32 == tag && x.key(int32(v&0xffffffff)-1) == k {
			return false
		}
	}
}

// lookup returns the entry with key k.
func (x *idIndex) lookup(k string) (int32, bool) {
	h := maphash.String(x.seed, k)
	tag := h >> 32
	for s := h & x.mask; ; s = (s + 1) & x.mask {
		v := x.slots[s]
		if v == 0 {
			return 0, false
		}
		if v>>32 == tag {
			if i := int32(v&0xffffffff) - 1; x.key(i) == k {
				return i, true
			}
		}
	}
}
