package load

import (
	"regexp"

	"github.com/orgchart/orgchart/graph/diag"

	"github.com/orgchart/orgchart/graph"
	yaml "go.yaml.in/yaml/v3"
)

// departmentFields are the keys of one department's settings.
var departmentFields = []string{"color"}

// hexColor is what a department colour may be: #rgb or #rrggbb.
var hexColor = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// departments decodes the `departments:` mapping of department names to
// their settings (`Finance: {color: "#1f77b4"}`), checking every colour.
func (d *nodeDecoder) departments(n *yaml.Node) map[string]graph.Department {
	if !d.plain(n) || isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, `"departments" must be a mapping of department names to settings ("Finance: {color: \"#1f77b4\"}"), not %s`, kindName(n))
		return nil
	}
	out := map[string]graph.Department{}
	d.pairs(n, func(k, v *yaml.Node) {
		dep := graph.Department{Pos: d.pos(k)}
		if !d.plain(v) || isNull(v) {
			out[k.Value] = dep
			return
		}
		if v.Kind != yaml.MappingNode {
			d.errorf(v, "department %s must be a mapping such as {color: \"#1f77b4\"}, not %s", diag.Excerpt(k.Value), kindName(v))
			return
		}
		d.pairs(v, func(fk, fv *yaml.Node) {
			switch fk.Value {
			case "color":
				s, ok := d.scalar(fv, "color")
				if !ok {
					return
				}
				if s != "" && !hexColor.MatchString(s) {
					d.errorf(fv, "department %s: colour %s is not a hex colour: write \"#rrggbb\" or \"#rgb\"", diag.Excerpt(k.Value), diag.Excerpt(s))
					return
				}
				if len(s) == 4 {
					s = "#" + string([]byte{s[1], s[1], s[2], s[2], s[3], s[3]})
				}
				dep.Color = s
			default:
				d.unknown(fk, k.Value, "department setting", departmentFields, "")
			}
		})
		out[k.Value] = dep
	})
	return out
}
