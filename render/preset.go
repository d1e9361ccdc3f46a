package render

// preset is a page: its size in inches, its margin, and the base font size
// that stays legible when the chart is scaled to the page.
type preset struct {
	w, h, margin float64 // inches
	font         float64 // base font size, points
}

// PresetNames lists the accepted values of Options.Preset.
var PresetNames = []string{"a4", "letter", "slide-16x9", "slide-4x3"}

var presets = map[string]preset{
	"slide-16x9": {w: 13.333, h: 7.5, margin: 0.35, font: 12},
	"slide-4x3":  {w: 10, h: 7.5, margin: 0.35, font: 12},
	"a4":         {w: 11.693, h: 8.268, margin: 0.4, font: 10}, // landscape
	"letter":     {w: 11, h: 8.5, margin: 0.4, font: 10},       // landscape
}
