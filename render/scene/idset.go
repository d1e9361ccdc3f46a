package scene

import (
	"hash/maphash"
	"math/bits"
)

// idSet is the set of a page's IDs, for Validate: a 100,000-person poster
// has 200,000 of them (cards and connectors) and 200,000 connector ends to
// look up, where a map[string] spent a tenth of writing the SVG. It is an
// open-addressing table of the IDs' hashes (linear probing, at most half
// full), comparing the strings only when the hashes are equal. A map
// cannot be told its keys' hashes ahead, nor be probed without hashing a
// string twice; no library offers this for strings, so it is written here.
type idSet struct {
	seed  maphash.Seed
	mask  uint64
	slots []uint64 // hash | 1 (never 0), 0: empty
	ids   []string // ids[i] is the ID of slots[i]
}

func newIDSet(n int) *idSet {
	size := 1 << max(4, bits.Len(uint(2*n)))
	return &idSet{seed: maphash.MakeSeed(), mask: uint64(size - 1), slots: make([]uint64, size), ids: make([]string, size)}
}

// find returns the slot of id, or of the empty slot where it belongs.
func (s *idSet) find(id string) (int, uint64) {
	h := maphash.String(s.seed, id) | 1
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		if s.slots[i] == 0 || (s.slots[i] == h && s.ids[i] == id) {
			return int(i), h
		}
	}
}

// add adds id and reports whether it was new.
func (s *idSet) add(id string) bool {
	i, h := s.find(id)
	if s.slots[i] != 0 {
		return false
	}
	s.slots[i], s.ids[i] = h, id
	return true
}

// has reports whether id was added.
func (s *idSet) has(id string) bool {
	i, _ := s.find(id)
	return s.slots[i] != 0
}
