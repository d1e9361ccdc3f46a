package graph

import (
	"hash/maphash"

	"github.com/orgchart/orgchart/internal/huge"
)

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
