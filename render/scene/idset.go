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
	mask  uint64
	slots []uint64 // hash | 1 (never 0), 0: empty
	ids   []string // ids[i] is the ID of slots[i]
}

func newIDSet(n int) *idSet {
	size := 1 << max(4, bits.Len(uint(2*n)))
	return &idSet{mask: uint64(size - 1), slots: make([]uint64, size), ids: make([]string, size)}
}

// idHash is the hash an idSet keeps of id.
func idHash(seed maphash.Seed, id string) uint64 { return maphash.String(seed, id) | 1 }

// find returns the slot of id, whose idHash is h, or of the empty slot
// where it belongs. The table's index is the hash's low bits; idShard
// uses the high ones.
func (s *idSet) find(id string, h uint64) int {
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		if s.slots[i] == 0 || (s.slots[i] == h && s.ids[i] == id) {
			return int(i)
		}
	}
}

// add adds id, whose idHash is h, and reports whether it was new.
func (s *idSet) add(id string, h uint64) bool {
	i := s.find(id, h)
	if s.slots[i] != 0 {
		return false
	}
	s.slots[i], s.ids[i] = h, id
	return true
}

// has reports whether id, whose idHash is h, was added.
func (s *idSet) has(id string, h uint64) bool { return s.slots[s.find(id, h)] != 0 }

// idShards is how many idSets a page's IDs are spread over by their hash's
// top bits, so that the sets are filled and probed on every core: an ID
// and every lookup of it land in the same shard, and each shard sees its
// IDs in page order, as one set would.
const idShards = 8

func idShard(h uint64) int { return int(h >> (64 - 3)) } // 8 = 1<<3 shards
