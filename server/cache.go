package server

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

// cacheKey hashes what determines a render's bytes: the server version, the
// output format, the canonical options and the source.
func cacheKey(version, format string, o Options, source []byte) string {
	h := sha256.New()
	for _, s := range []string{version, format, o.Canonical()} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(source)
	return hex.EncodeToString(h.Sum(nil))
}

// lru is a bounded in-memory cache of rendered bytes, evicting the least
// recently used entries once the total size passes max bytes. It is safe
// for concurrent use.
type lru struct {
	mu    sync.Mutex
	max   int64
	size  int64
	order *list.List // front = most recent; values are *lruEntry
	items map[string]*list.Element
}

type lruEntry struct {
	key  string
	data []byte
}

func newLRU(max int64) *lru {
	return &lru{max: max, order: list.New(), items: map[string]*list.Element{}}
}

// entryOverhead approximates the bookkeeping bytes of one entry.
const entryOverhead = 256

func (c *lru) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*lruEntry).data, true
}

func (c *lru) add(key string, data []byte) {
	n := int64(len(data)) + entryOverhead
	if n > c.max/4 { // one entry may not take over the cache
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&lruEntry{key: key, data: data})
	c.size += n
	for c.size > c.max {
		el := c.order.Back()
		e := el.Value.(*lruEntry)
		c.order.Remove(el)
		delete(c.items, e.key)
		c.size -= int64(len(e.data)) + entryOverhead
	}
}
