package server

import (
	"github.com/orgchart/orgchart/graph/diag"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph/load"
)

// Formats are the output formats of the diagram routes, in the order the
// error messages list them.
var Formats = []string{"svg", "png", "jpeg", "pdf", "pptx"}

// contentTypes maps an output format to its media type.
var contentTypes = map[string]string{
	"svg":  "image/svg+xml",
	"png":  "image/png",
	"jpeg": "image/jpeg",
	"pdf":  "application/pdf",
	"pptx": pptxType,
}

// pptxType is PowerPoint's media type.
const pptxType = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

// DiagramType is the Kroki diagram type this server renders.
const DiagramType = "orgchart"

// normalizeFormat lower-cases a format name and checks it is one of Formats.
// "jpg" is accepted for "jpeg".
func normalizeFormat(f string) (string, error) {
	f = strings.ToLower(strings.TrimSpace(f))
	if f == "jpg" {
		f = "jpeg"
	}
	if slices.Contains(Formats, f) {
		return f, nil
	}
	return "", errorf(http.StatusBadRequest, "Unsupported output format: %s for %s. Must be one of %s", diag.Clip(f), DiagramType, strings.Join(Formats, ", "))
}

// optionKind is how a diagram option's value is checked.
type optionKind int

const (
	optString optionKind = iota
	optBool
	optInt
	optList
	optEnum
)

type optionSpec struct {
	kind    optionKind
	values  []string // optEnum
	summary string
}

// optionSpecs lists the documented diagram options. Anything else is
// rejected: unlike Kroki, which forwards Graphviz attributes unchecked, no
// request may pass attributes through to Graphviz.
var optionSpecs = map[string]optionSpec{
	"theme":          {kind: optString, summary: "colour theme (see orgchart render --help)"},
	"root":           {kind: optString, summary: "draw only the subtree under this id"},
	"depth":          {kind: optInt, summary: "levels below root to draw (0 = all)"},
	"highlight":      {kind: optString, summary: "id whose chain of command is highlighted"},
	"redact":         {kind: optBool, summary: "hide names, e-mails and photos; keep titles and roles"},
	"direction":      {kind: optString, summary: "layout direction: TB or LR (LR is drawn by the dot layout)"},
	"layout":         {kind: optString, summary: "layout engine: org (default) or dot (Graphviz); TB or LR are taken as the direction, as Kroki clients send them"},
	"compact":        {kind: optBool, summary: "stack 4 or more leaf reports in columns so wide teams fit (default true)"},
	"transparent":    {kind: optBool, summary: "transparent background"},
	"preset":         {kind: optString, summary: "page preset: a4, letter, slide-16x9 or slide-4x3; the chart is fitted to it and split into pages when its names would be too small"},
	"no-split":       {kind: optBool, summary: "with a preset, keep the chart on one page even when its names come out small"},
	"page":           {kind: optInt, summary: "with a split chart, the page an SVG, PNG or JPEG shows (default 1, the overview)"},
	"findings":       {kind: optBool, summary: "mark findings on the chart (default true)"},
	"profile":        {kind: optList, summary: "extra rule profiles, comma separated"},
	"input":          {kind: optEnum, values: load.Formats, summary: "chart input format (default: detected)"},
	"no-infer-roles": {kind: optBool, summary: "do not infer role codes from titles"},
}

// optionAliases maps an accepted alias to its option.
var optionAliases = map[string]string{
	"no_infer_roles": "no-infer-roles",
	"noinferroles":   "no-infer-roles",
	"input-format":   "input",
	"input_format":   "input",
	"profiles":       "profile",
	"no_split":       "no-split",
	"nosplit":        "no-split",
}

// OptionNames returns the documented diagram option names, sorted.
func OptionNames() []string {
	names := make([]string, 0, len(optionSpecs))
	for k := range optionSpecs {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// Options are checked diagram options: canonical lower-case names mapped to
// normalised values ("true"/"false" for booleans, a decimal for integers, a
// sorted comma list for lists).
type Options map[string]string

// Bool returns the boolean option name, or def when it is not set.
func (o Options) Bool(name string, def bool) bool {
	v, ok := o[name]
	if !ok {
		return def
	}
	return v == "true"
}

// Int returns the integer option name, or 0.
func (o Options) Int(name string) int {
	n, _ := strconv.Atoi(o[name])
	return n
}

// List returns the list option name split at commas.
func (o Options) List(name string) []string {
	if o[name] == "" {
		return nil
	}
	return strings.Split(o[name], ",")
}

// Canonical returns o as "k=v" pairs sorted by key and joined by "&", the
// form hashed into cache keys.
func (o Options) Canonical() string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(o[k]))
	}
	return b.String()
}

// set checks and stores one option; key may be any case or an alias.
func (o Options) set(key, value string) error {
	k := strings.ToLower(strings.TrimSpace(key))
	if a, ok := optionAliases[k]; ok {
		k = a
	}
	if d := strings.ToUpper(strings.TrimSpace(value)); k == "layout" && (d == "TB" || d == "LR" || d == "BT" || d == "RL") {
		k = "direction" // Kroki clients send the direction as layout
	}
	spec, ok := optionSpecs[k]
	if !ok {
		return errorf(http.StatusBadRequest, "unknown diagram option %s: the options are %s", diag.Excerpt(key), strings.Join(OptionNames(), ", "))
	}
	v := strings.TrimSpace(value)
	if len(v) > 256 {
		return errorf(http.StatusBadRequest, "diagram option %q is longer than 256 bytes", k)
	}
	switch spec.kind {
	case optBool:
		switch strings.ToLower(v) {
		case "", "true", "1", "yes", "on":
			v = "true"
		case "false", "0", "no", "off":
			v = "false"
		default:
			return errorf(http.StatusBadRequest, "diagram option %q: %s is not a boolean (true or false)", k, diag.Excerpt(value))
		}
	case optInt:
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 1000 {
			return errorf(http.StatusBadRequest, "diagram option %q: %s is not a whole number from 0 to 1000", k, diag.Excerpt(value))
		}
		v = strconv.Itoa(n)
	case optList:
		var items []string
		for _, it := range strings.Split(v, ",") {
			if it = strings.ToLower(strings.TrimSpace(it)); it != "" && !slices.Contains(items, it) {
				items = append(items, it)
			}
		}
		slices.Sort(items)
		v = strings.Join(items, ",")
	case optEnum:
		v = strings.ToLower(v)
		if !slices.Contains(spec.values, v) {
			return errorf(http.StatusBadRequest, "diagram option %q: %s is not one of %s", k, diag.Excerpt(value), strings.Join(spec.values, ", "))
		}
	}
	if strings.ContainsAny(v, "\x00\r\n") {
		return errorf(http.StatusBadRequest, "diagram option %q holds a control character", k)
	}
	o[k] = v
	return nil
}

// optionLayer is one source of options (query, headers or JSON), applied in
// order of increasing precedence.
type optionLayer struct {
	from   string
	values map[string]string
}

// mergeOptions applies the layers in order (later layers win) and checks
// every key and value.
func mergeOptions(layers ...optionLayer) (Options, error) {
	o := Options{}
	for _, l := range layers {
		keys := make([]string, 0, len(l.values))
		for k := range l.values {
			keys = append(keys, k)
		}
		slices.Sort(keys) // deterministic: the first bad key is always the same
		for _, k := range keys {
			if err := o.set(k, l.values[k]); err != nil {
				return nil, err
			}
		}
	}
	return o, nil
}

// queryOptions returns the query parameters as options (the last value of a
// repeated key wins).
func queryOptions(q url.Values) optionLayer {
	m := map[string]string{}
	for k, vs := range q {
		if len(vs) > 0 {
			m[k] = vs[len(vs)-1]
		}
	}
	return optionLayer{from: "query", values: m}
}

// headerOptionPrefix starts a header that carries a diagram option.
const headerOptionPrefix = "Kroki-Diagram-Options-"

// headerOptions returns the Kroki-Diagram-Options-<Key> headers as options.
func headerOptions(h http.Header) optionLayer {
	m := map[string]string{}
	for k, vs := range h {
		if len(k) > len(headerOptionPrefix) && strings.EqualFold(k[:len(headerOptionPrefix)], headerOptionPrefix) && len(vs) > 0 {
			m[k[len(headerOptionPrefix):]] = vs[len(vs)-1]
		}
	}
	return optionLayer{from: "header", values: m}
}

// jsonOptions converts the JSON diagram_options object (values may be
// strings, numbers or booleans) to an option layer.
func jsonOptions(raw map[string]any) (optionLayer, error) {
	m := map[string]string{}
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			m[k] = v
		case bool:
			m[k] = strconv.FormatBool(v)
		case float64:
			m[k] = strconv.FormatFloat(v, 'f', -1, 64)
		case nil:
			m[k] = ""
		case []any:
			parts := make([]string, 0, len(v))
			for _, e := range v {
				s, ok := e.(string)
				if !ok {
					return optionLayer{}, errorf(http.StatusBadRequest, "diagram option %s: list items must be strings", diag.Excerpt(k))
				}
				parts = append(parts, s)
			}
			m[k] = strings.Join(parts, ",")
		default:
			return optionLayer{}, errorf(http.StatusBadRequest, "diagram option %s: want a string, number or boolean, not %s", diag.Excerpt(k), valueKind(v))
		}
	}
	return optionLayer{from: "json", values: m}, nil
}
