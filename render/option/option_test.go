package option

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		opts Options
		want string // substring of the error, "" for none
	}{
		{Options{}, ""},
		{Options{Format: "png", Direction: "LR", Theme: "print", Preset: "a4", DPI: 300, Split: "depth:2"}, ""},
		{Options{Format: "gif"}, "want one of svg, png, jpeg, pdf, dot, mermaid"},
		{Options{Direction: "RL"}, "want one of TB, LR"},
		{Options{Theme: "neon"}, "want one of light, dark, print"},
		{Options{Preset: "a3"}, "want one of a4, letter, slide-16x9, slide-4x3"},
		{Options{DPI: -1}, "out of range"},
		{Options{DPI: 5000}, "out of range"},
		{Options{Depth: -2}, "negative"},
		{Options{Split: "team"}, "want department or depth:N"},
		{Options{Split: "depth:0"}, "at least 1"},
		{Options{Split: "depth:x"}, "at least 1"},
	}
	for _, tt := range tests {
		err := tt.opts.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("Validate(%+v) = %v, want nil", tt.opts, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("Validate(%+v) = %v, want error containing %q", tt.opts, err, tt.want)
		}
	}
}
