package load

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/orgchart/orgchart/graph"
)

// dirLoaders are the loaders of directory exports and workbooks, by format
// name (Chart dispatches the chart formats itself).
var dirLoaders = map[string]func(name string, data []byte, inf *inferer, opts Options) (*graph.Org, error){
	"entra":  func(n string, d []byte, inf *inferer, _ Options) (*graph.Org, error) { return loadEntra(n, d, inf) },
	"google": func(n string, d []byte, inf *inferer, _ Options) (*graph.Org, error) { return loadGoogle(n, d, inf) },
	"okta":   func(n string, d []byte, inf *inferer, _ Options) (*graph.Org, error) { return loadOkta(n, d, inf) },
	"scim":   func(n string, d []byte, inf *inferer, _ Options) (*graph.Org, error) { return loadSCIM(n, d, inf) },
	"ldif":   func(n string, d []byte, inf *inferer, _ Options) (*graph.Org, error) { return loadLDIF(n, d, inf) },
	"xlsx":   loadXLSX,
}

// dirBuilt are the formats read with a dirBuilder, whose finish resolves
// references written as e-mail addresses itself (dir_finish.go).
var dirBuilt = map[string]bool{"entra": true, "google": true, "okta": true, "scim": true, "ldif": true}

// zipMagic starts every zip archive, and so every .xlsx workbook.
var zipMagic = []byte("PK\x03\x04")

// sniffContent names the format of data from its first bytes alone, or ""
// when they do not tell: a zip archive is an xlsx workbook, JSON is sniffed
// by shape (sniffJSON), a first line "version: 1" or "dn: ..." is LDIF.
func sniffContent(data []byte) string {
	if bytes.HasPrefix(data, zipMagic) {
		return "xlsx"
	}
	data = bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	if len(data) > 0 && (data[0] == '{' || data[0] == '[') {
		if f := sniffJSON(data); f != "json" {
			return f
		}
		return "" // a chart in JSON, or flow-style YAML: the extension tells
	}
	if isLDIF(data) {
		return "ldif"
	}
	return ""
}

// isLDIF reports whether the first line that is not a comment is a dn
// line, or an LDIF version line followed by one (a YAML chart may start
// with "version: 1" too).
func isLDIF(data []byte) bool {
	version := false
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 || line[0] == '#' || line[0] == ' ' {
			continue // blank, a comment or a comment's continuation
		}
		l := strings.ToLower(string(line[:min(len(line), 16)]))
		if !version && strings.HasPrefix(l, "version:") {
			version = true
			continue
		}
		return strings.HasPrefix(l, "dn:")
	}
	return false
}

// maxSniffTokens bounds how much of a JSON file sniffJSON reads.
const maxSniffTokens = 4096

// sniffJSON tells the JSON formats apart by the keys of the first objects
// (at most maxSniffTokens tokens are read): "@odata.context",
// "userPrincipalName" or Graph's "value" pages are entra; "primaryEmail" or
// "kind": "admin#directory#..." is google; "Resources" or a SCIM "schemas"
// URN is scim; users with "profile" and "status" are okta; anything else,
// a chart with "people" first of all, is json.
func sniffJSON(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	keys := make(map[string]bool)
	type frame struct{ obj, key bool } // key: the next token is a key
	var (
		stack        []frame
		lastKey      string
		google, scim bool
	)
	valueDone := func() {
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].key = true
		}
	}
	for n := 0; n < maxSniffTokens; n++ {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				stack = append(stack, frame{obj: d == '{', key: d == '{'})
				continue
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				break // one top-level value
			}
			valueDone()
			continue
		}
		s, _ := tok.(string)
		if top := len(stack) - 1; top >= 0 && stack[top].obj && stack[top].key {
			if top == 0 && s == "people" {
				return "json"
			}
			keys[s], lastKey = true, s
			stack[top].key = false
			continue
		}
		switch {
		case lastKey == "kind" && strings.HasPrefix(s, "admin#directory#"):
			google = true
		case strings.HasPrefix(s, "urn:ietf:params:scim:"):
			scim = true
		}
		valueDone()
	}
	switch {
	case keys["@odata.context"] || keys["@odata.nextLink"] || keys["userPrincipalName"]:
		return "entra"
	case google || keys["primaryEmail"]:
		return "google"
	case scim || keys["Resources"]:
		return "scim"
	case keys["profile"] && keys["status"]:
		return "okta"
	}
	return "json"
}
