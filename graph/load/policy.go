package load

import (
	"strconv"
	"strings"
	"time"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	yaml "go.yaml.in/yaml/v3"
)

// policy decodes a policy section.
func (d *nodeDecoder) policy(n *yaml.Node) *graph.PolicySpec {
	spec := &graph.PolicySpec{Pos: d.pos(n)}
	if !d.plain(n) || isNull(n) {
		return spec
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, `"policy" must be a mapping with "profiles", "rules" and "exceptions", not %s`, kindName(n))
		return spec
	}
	d.pairs(n, func(k, v *yaml.Node) {
		switch k.Value {
		case "profiles":
			for _, it := range d.items(v) {
				if s, ok := d.scalar(it, "profiles"); ok && s != "" {
					spec.Profiles = append(spec.Profiles, s)
					spec.ProfilePos = append(spec.ProfilePos, d.pos(it))
				}
			}
		case "rules":
			spec.Rules = d.rules(v)
		case "exceptions":
			spec.Exceptions = d.exceptions(v)
		default:
			d.unknown(k, "", "policy field", policyFields, "")
		}
	})
	return spec
}

// rules decodes policy.rules: code → off | severity | {severity, off, params}.
func (d *nodeDecoder) rules(n *yaml.Node) map[string]graph.RuleSetting {
	if !d.plain(n) || isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, `"rules" must be a mapping of rule codes such as {ORG010: off}, not %s`, kindName(n))
		return nil
	}
	out := make(map[string]graph.RuleSetting, len(n.Content)/2)
	firstLine := make(map[string]int, len(n.Content)/2)
	d.pairs(n, func(k, v *yaml.Node) {
		code := strings.ToUpper(strings.TrimSpace(k.Value))
		if code == "" {
			d.errorf(k, `empty rule code: write a code such as ORG009`)
			return
		}
		if line, dup := firstLine[code]; dup {
			d.errorf(k, "rule %s is set twice (first at line %d): keep one", diag.Excerpt(code), line)
			return
		}
		firstLine[code] = k.Line
		rs := graph.RuleSetting{Pos: d.pos(k)}
		if !d.plain(v) {
			return
		}
		switch v.Kind {
		case yaml.ScalarNode:
			if !d.setting(&rs, v, code) {
				return
			}
		case yaml.MappingNode:
			d.pairs(v, func(pk, pv *yaml.Node) {
				switch pk.Value {
				case "severity":
					d.setting(&rs, pv, code)
				case "off":
					if b, ok := d.boolean(pv, "off"); ok {
						rs.Off = b
					}
				default:
					s, ok := d.scalar(pv, pk.Value)
					if !ok {
						return
					}
					iv, err := strconv.Atoi(s)
					if err != nil || iv < 0 {
						d.errorf(pv, "rule %s: parameter %s must be a whole number such as 8, not %s", diag.Excerpt(code), diag.Excerpt(pk.Value), diag.Excerpt(s))
						return
					}
					if rs.Params == nil {
						rs.Params = make(map[string]int)
					}
					rs.Params[strings.ToLower(pk.Value)] = iv
				}
			})
		default:
			d.errorf(v, "rule %s: write off, error, warning, info or a mapping such as {severity: warning, max: 8}, not %s", diag.Excerpt(code), kindName(v))
			return
		}
		out[code] = rs
	})
	return out
}

// setting reads a scalar rule setting (off or a severity) into rs.
func (d *nodeDecoder) setting(rs *graph.RuleSetting, v *yaml.Node, code string) bool {
	s, ok := d.scalar(v, code)
	if !ok {
		return false
	}
	switch strings.ToLower(s) {
	case "off", "false", "none", "no":
		rs.Off = true
	case "on", "true", "yes":
	case "error":
		rs.Severity = "error"
	case "warning", "warn":
		rs.Severity = "warning"
	case "info":
		rs.Severity = "info"
	default:
		d.errorf(v, "rule %s: unknown setting %s: write off, error, warning or info", diag.Excerpt(code), diag.Excerpt(s))
		return false
	}
	return true
}

// exceptions decodes policy.exceptions.
func (d *nodeDecoder) exceptions(n *yaml.Node) []graph.Exception {
	its := d.items(n)
	if len(its) == 0 {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, `"exceptions" must be a list of {rule, id, reason, approved_by, until}, not %s`, kindName(n))
		return nil
	}
	out := make([]graph.Exception, 0, len(its))
	for _, it := range its {
		if !d.plain(it) {
			continue
		}
		if it.Kind != yaml.MappingNode {
			d.errorf(it, `each exception must be a mapping {rule, id, reason, approved_by, until}, not %s`, kindName(it))
			continue
		}
		e := graph.Exception{Pos: d.itemPos(it)}
		ok := true
		d.pairs(it, func(k, v *yaml.Node) {
			if !contains(exceptionFields, k.Value) {
				d.unknown(k, "", "exception field", exceptionFields, "")
				return
			}
			s, good := d.scalar(v, k.Value)
			switch k.Value {
			case "rule":
				e.Rule = strings.ToUpper(s)
			case "id":
				e.ID = s
			case "reason":
				e.Reason = s
			case "approved_by":
				e.ApprovedBy = s
			case "until":
				if !good || s == "" {
					return
				}
				t, err := time.Parse(time.DateOnly, s)
				if err != nil {
					d.errorf(v, "bad date %s in \"until\": write YYYY-MM-DD, such as 2027-03-31", diag.Excerpt(s))
					ok = false
					return
				}
				e.Until = t
			}
		})
		if e.Rule == "" {
			d.errorf(it, `exception has no "rule": name the rule it suppresses, such as "rule: SEC002"`)
			ok = false
		}
		if e.ID == "" {
			d.errorf(it, `exception has no "id": name the entry it applies to, such as "id: ciso"`)
			ok = false
		}
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// Policy reads a policy file (--policy): YAML or JSON with the shape of
// a chart's `policy:` section, optionally wrapped as {policy: ...}. Unknown
// fields are errors here, since a policy file has no findings of its own.
func Policy(name string, data []byte) (*graph.PolicySpec, error) {
	var (
		doc *yaml.Node
		err error
	)
	if DetectFormat(name, data) == "json" {
		doc, err = parseJSON(name, data, emptyPolicy)
	} else {
		doc, err = parseYAML(name, data, emptyPolicy)
	}
	if err != nil {
		return nil, err
	}
	d := &nodeDecoder{file: name, format: "policy", src: data, strict: true}
	root := doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, errAt(diag.Pos{File: name, Line: 1, Column: 1}, emptyPolicy)
		}
		root = root.Content[0]
	}
	if root.Kind == yaml.MappingNode && isWrapped(root) {
		inner := root
		d.pairs(root, func(k, v *yaml.Node) {
			switch k.Value {
			case "policy":
				inner = v
			case "version":
				if s, ok := d.scalar(v, "version"); ok && s != "1" {
					d.errorf(v, "unsupported version %s: write `version: 1`", diag.Excerpt(s))
				}
			default:
				d.unknown(k, "", "field", []string{"policy", "version"}, "")
			}
		})
		root = inner
	}
	spec := d.policy(root)
	if err := d.errs.Err(); err != nil {
		return nil, err
	}
	return spec, nil
}

// isWrapped reports whether a policy mapping is wrapped as {policy: ...}.
func isWrapped(m *yaml.Node) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "policy" {
			return true
		}
	}
	return false
}
