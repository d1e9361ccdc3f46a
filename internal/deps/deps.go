package deps

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/dominikbraun/graph"
	_ "github.com/go-fonts/liberation/liberationsansregular"
	_ "github.com/goccy/go-graphviz"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/santhosh-tekuri/jsonschema/v6"
	_ "github.com/spf13/cobra"
	_ "github.com/tdewolff/canvas"
	_ "github.com/tdewolff/canvas/renderers/pdf"
	_ "github.com/tdewolff/canvas/renderers/rasterizer"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/tools/txtar"
)
