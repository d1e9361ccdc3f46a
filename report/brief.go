package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/orgchart/orgchart/graph/diag"
)

// The formats people read (text, github, junit, sarif) bound each finding:
// a long chain in a message ("a" reports to "b" reports to ...) keeps its
// first links and its last, with a count of the rest; related positions stop
// at maxNotes, with a count of the rest; any other message is cut at
// maxMessage bytes. The json format keeps everything.
const (
	maxNotes   = 10   // related positions shown, the count note included
	chainHead  = 3    // links shown before the elision
	maxChain   = 8    // a chain of more links than this is summarised
	maxMessage = 2000 // bytes of any other message
	chainSep   = " reports to "
)

// brief returns d bounded for a format people read.
func brief(d diag.Diagnostic) diag.Diagnostic {
	d.Message = briefMessage(d.Message)
	if n := len(d.Related); n > maxNotes {
		keep := maxNotes - 2
		rel := slices.Clone(d.Related[:keep])
		rel = append(rel, diag.Related{
			Pos:     d.Related[keep].Pos,
			Message: fmt.Sprintf("… %s more from here (the json format lists them all)", thousands(n-keep-1)),
		}, d.Related[n-1])
		for i := range rel {
			rel[i].Message = briefMessage(rel[i].Message)
		}
		d.Related = rel
	}
	return d
}

// briefMessage summarises a long chain of command, or cuts a long message.
func briefMessage(msg string) string {
	if len(msg) <= maxMessage && strings.Count(msg, chainSep) <= maxChain {
		return msg
	}
	if links := strings.Count(msg, chainSep); links > maxChain {
		var b strings.Builder
		rest := msg
		for range chainHead + 1 {
			i := strings.Index(rest, chainSep)
			b.WriteString(rest[:i+len(chainSep)])
			rest = rest[i+len(chainSep):]
		}
		last := msg[strings.LastIndex(msg, chainSep)+len(chainSep):]
		fmt.Fprintf(&b, "… (%s more)%s%s", thousands(links-chainHead-1), chainSep, last)
		if b.Len() <= maxMessage {
			return b.String()
		}
		msg = b.String()
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut] + fmt.Sprintf("… (%s more bytes)", thousands(len(msg)-cut))
}

// thousands formats n with commas: 39996 → "39,996".
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
