package server

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
)

// Tokens are the bearer tokens that may write to the chart registry (and,
// with Config.Private, read it). Only their SHA-256 hashes are kept.
type Tokens struct {
	entries []tokenEntry
}

type tokenEntry struct {
	hash  [sha256.Size]byte
	label string
}

// ParseTokens reads a tokens file: one token per line, optionally followed
// by white space and a label (the author recorded on the versions it
// writes; "token-N" when absent). A token written as sha256:HEX is stored
// hashed at rest. Blank lines and lines starting with # are skipped.
// Errors name the file and line.
func ParseTokens(name string, data []byte) (*Tokens, error) {
	t := &Tokens{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		tok, label, _ := strings.Cut(text, " ")
		tok, label = strings.TrimSpace(tok), strings.TrimSpace(label)
		if label == "" {
			label = fmt.Sprintf("token-%d", len(t.entries)+1)
		}
		var e tokenEntry
		e.label = label
		if h, ok := strings.CutPrefix(tok, "sha256:"); ok {
			b, err := hex.DecodeString(h)
			if err != nil || len(b) != sha256.Size {
				return nil, fmt.Errorf("%s:%d: sha256: needs 64 hex digits", name, line)
			}
			copy(e.hash[:], b)
		} else {
			if len(tok) < 16 {
				return nil, fmt.Errorf("%s:%d: token is %d characters: use at least 16 (e.g. openssl rand -hex 24)", name, line, len(tok))
			}
			e.hash = sha256.Sum256([]byte(tok))
		}
		t.entries = append(t.entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(t.entries) == 0 {
		return nil, fmt.Errorf("%s: no tokens: write one token per line", name)
	}
	return t, nil
}

// match returns the label of the token a request's Authorization header
// carries. Every entry is compared, in constant time, whatever matches.
func (t *Tokens) match(r *http.Request) (string, bool) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || tok == "" {
		return "", false
	}
	h := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	label, found := "", 0
	for _, e := range t.entries {
		if subtle.ConstantTimeCompare(h[:], e.hash[:]) == 1 {
			label, found = e.label, 1
		}
	}
	return label, found == 1
}
