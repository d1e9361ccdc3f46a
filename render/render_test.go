package render

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	_ "image/jpeg"
	_ "image/png"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/internal/golden"
	"github.com/orgchart/orgchart/render/option"
)

// checkGolden compares got with testdata/name (golden.Check).
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

func TestEscapeHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a & b`, `a &amp; b`},
		{`<script>`, `&lt;script&gt;`},
		{`"q" 'a'`, `&quot;q&quot; &#39;a&#39;`},
		{"l1\nl2\r\n", "l1<BR/>l2<BR/>"},
		{"c\x01\x1f\x7f", "c   "},
		{"{}[];|", "{}[];|"},
		{"😀 שלום", "😀 שלום"},
		{"bad \xff", "bad \uFFFD"},
	}
	for _, tt := range tests {
		if got := escapeHTML(tt.in); got != tt.want {
			t.Errorf("escapeHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// dotCases are the DOT golden cases.
func dotCases() []struct {
	name     string
	org      *graph.Org
	findings []diag.Diagnostic
	opts     option.Options
} {
	seed, findings := seedOrg()
	return []struct {
		name     string
		org      *graph.Org
		findings []diag.Diagnostic
		opts     option.Options
	}{
		{"seed", seed, findings, option.Options{}},
		{"seed-nofindings", seed, findings, option.Options{NoFindings: true}},
		{"seed-redact", seed, findings, option.Options{Redact: true}},
		{"seed-lr-dark", seed, findings, option.Options{Direction: "LR", Theme: "dark"}},
		{"seed-highlight", seed, nil, option.Options{Highlight: "sec1", Theme: "print"}},
		{"seed-root", seed, findings, option.Options{Root: "cto", Depth: 1, Preset: "slide-16x9", Transparent: true}},
		{"torture", tortureOrg(), nil, option.Options{}},
		{"compact", wideOrg(9), nil, option.Options{Compact: true}},
	}
}

func TestDOTGolden(t *testing.T) {
	for _, tc := range dotCases() {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DOT(graph.Build(tc.org), tc.findings, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name+".dot", got)
			again, _ := DOT(graph.Build(tc.org), tc.findings, tc.opts)
			if !bytes.Equal(got, again) {
				t.Error("DOT is not deterministic")
			}
			// Graphviz must accept it (a bad HTML label fails the layout).
			svg, err := layoutSVG(context.Background(), got)
			if err != nil {
				t.Fatalf("layout: %v", err)
			}
			if !bytes.Contains(svg, []byte("</svg>")) {
				t.Fatal("incomplete svg")
			}
		})
	}
}

func TestDOTContent(t *testing.T) {
	seed, findings := seedOrg()
	dot := func(o option.Options, f []diag.Diagnostic) string {
		b, err := DOT(graph.Build(seed), f, o)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	idx := func(id string) int {
		for i, p := range seed.People {
			if p.ID == id {
				return i
			}
		}
		t.Fatalf("no %q", id)
		return -1
	}
	d := dot(option.Options{}, findings)
	for _, want := range []string{
		"splines=ortho", "ordering=out", "rankdir=TB",
		// assistant beside the CEO
		"{rank=same; n" + strconv.Itoa(idx("ceo")) + "; n" + strconv.Itoa(idx("ea")) + "}",
		// CISO's line to the CTO drawn red and bold on the CTO's bus: the
		// stem, the bar segment to the CISO's point and the drop into it
		"n" + strconv.Itoa(idx("cto")) + " -> j" + strconv.Itoa(idx("cto")) + ` [color="#dc2626", penwidth=3]`,
		"bn" + strconv.Itoa(idx("ciso")) + " -> j" + strconv.Itoa(idx("cto")) + ` [color="#dc2626", penwidth=3]`,
		"bn" + strconv.Itoa(idx("ciso")) + " -> n" + strconv.Itoa(idx("ciso")) + ` [color="#dc2626", penwidth=3]`,
		// ... while the other reports' drops stay plain
		"j" + strconv.Itoa(idx("cto")) + " -> n" + strconv.Itoa(idx("eng1")) + "\n",
		"bn" + strconv.Itoa(idx("eng2")) + " -> n" + strconv.Itoa(idx("eng2")) + "\n",
		"j" + strconv.Itoa(idx("cto")) + " -> bn" + strconv.Itoa(idx("eng2")) + "\n",
		// the bar is one rank, in file order, the manager over its middle
		"{rank=same; bn" + strconv.Itoa(idx("ciso")) + "; j" + strconv.Itoa(idx("cto")) + "; bn" + strconv.Itoa(idx("eng2")) + "}",
		"n" + strconv.Itoa(idx("cto")) + ` [group="gn` + strconv.Itoa(idx("cto")),
		"n" + strconv.Itoa(idx("eng1")) + ` [group="gn` + strconv.Itoa(idx("cto")),
		// dual reporting: second manager does not constrain, and is red
		"n" + strconv.Itoa(idx("cfo")) + " -> n" + strconv.Itoa(idx("eng1")) + ` [constraint=false, color="#dc2626", penwidth=3]`,
		// dotted line dashed, not constraining, labelled
		"n" + strconv.Itoa(idx("audit")) + " -> n" + strconv.Itoa(idx("ciso")) + ` [style=dashed, constraint=false, color="#7b8594", xlabel=<advisory>]`,
		"<I>Open position</I>", `STYLE="rounded,dashed"`,
		">SEC002</B>", "ciso-independence", "two-security-heads",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("DOT lacks %q", want)
		}
	}
	if strings.Contains(d, "SEC009") {
		t.Error("suppressed finding drawn")
	}
	if strings.Contains(dot(option.Options{NoFindings: true}, findings), "SEC002") {
		t.Error("NoFindings still draws findings")
	}
	r := dot(option.Options{Redact: true}, findings)
	for _, name := range []string{"Dana Reyes", "Lee Chen", "Ana Gómez"} {
		if strings.Contains(r, name) {
			t.Errorf("redacted DOT shows %q", name)
		}
	}
	if !strings.Contains(r, "Chief Information Security Officer") || !strings.Contains(r, ">CISO</B>") {
		t.Error("redacted DOT lost titles or roles")
	}
	if !strings.Contains(r, "Board of Directors") {
		t.Error("redacted DOT hides the board's name, which is not a person's")
	}
	if lr := dot(option.Options{Direction: "LR"}, nil); !strings.Contains(lr, "rankdir=LR") {
		t.Error("LR not applied")
	}
	h := dot(option.Options{Highlight: "sec1"}, nil)
	// sec1→ciso→cto→ceo→board: the drop into each of the four is
	// emphasised, and no other drop.
	drops := regexp.MustCompile(`(?m)^\t[bj]\w+ -> (n\d+) \[color="#2563eb", penwidth=3.5\]$`)
	var got []string
	for _, m := range drops.FindAllStringSubmatch(h, -1) {
		got = append(got, m[1])
	}
	slices.Sort(got)
	want := []string{"n" + strconv.Itoa(idx("sec1")), "n" + strconv.Itoa(idx("ciso")), "n" + strconv.Itoa(idx("cto")), "n" + strconv.Itoa(idx("ceo"))}
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("highlighted drops (-want +got):\n%s", diff)
	}
	sub := dot(option.Options{Root: "cto", Depth: 1}, nil)
	if strings.Contains(sub, "Dana Reyes") || !strings.Contains(sub, "Lee Chen") || strings.Contains(sub, "Tom Berg") {
		t.Error("root/depth subtree wrong")
	}
	if _, err := DOT(graph.Build(seed), nil, option.Options{Root: "nobody"}); err == nil || !strings.Contains(err.Error(), `unknown root "nobody"`) {
		t.Errorf("unknown root: err = %v", err)
	}
	if _, err := DOT(graph.Build(seed), nil, option.Options{Highlight: "nobody"}); err == nil {
		t.Error("unknown highlight accepted")
	}
}

// TestTorture checks that no user text reaches Graphviz unescaped and that
// Graphviz draws it back as text.
func TestTorture(t *testing.T) {
	org := tortureOrg()
	dot, err := DOT(graph.Build(org), nil, option.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"<script>", "<b>bold</b>", `"Z"`, "\x01", "\r", "\xff", "n1 -> n0 ["} {
		if bytes.Contains(dot, []byte(raw)) {
			t.Errorf("DOT contains raw %q", raw)
		}
	}
	svg, err := renderOrg(context.Background(), org, nil, option.Options{Format: "svg"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "שלום עולם مرحبا", "😀 Emoji", "Head of R&amp;D", "line two"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("svg lacks %q", want)
		}
	}
	if bytes.Contains(svg, []byte("<script")) {
		t.Error("svg contains a script element")
	}
	m, err := Mermaid(graph.Build(org), nil, option.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"<script>", `"Z"`, "|pipe|", "#quot; #35;", "{x}"} {
		if bytes.Contains(m, []byte(raw)) {
			t.Errorf("mermaid contains raw %q", raw)
		}
	}
}

func TestMermaidGolden(t *testing.T) {
	seed, findings := seedOrg()
	got, err := Mermaid(graph.Build(seed), findings, option.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "seed.mmd", got)
	s := string(got)
	for _, want := range []string{"flowchart TD", " -.-|advisory| ", "classDef error", "linkStyle "} {
		if !strings.Contains(s, want) {
			t.Errorf("mermaid lacks %q", want)
		}
	}
	tor, _ := Mermaid(graph.Build(tortureOrg()), nil, option.Options{})
	checkGolden(t, "torture.mmd", tor)
}

func TestSVGGolden(t *testing.T) {
	org := newOrg("Small", roles(p("ceo", "Dana Reyes", "Chief Executive Officer", "Executive"), "CEO"),
		p("cto", "Kim Park", "CTO", "Technology", "ceo"), p("cfo", "Omar Haddad", "CFO", "Finance", "ceo"))
	got, err := renderOrg(context.Background(), org, nil, option.Options{Format: "svg"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "small.svg", got)
}

var translateRe = regexp.MustCompile(`translate\(([-\d.]+) ([-\d.]+)\)`)
var pathRe = regexp.MustCompile(`<path fill="none" stroke="[^"]+"[^>]* d="M([-\d.]+),([-\d.]+)C([-\d.]+),([-\d.]+)`)
var nodePathRe = regexp.MustCompile(`<path fill="none" stroke="#c3cad5" d="M([-\d.]+),([-\d.]+)`)

// svgGroups returns the text of each <g class="class"> group of svg.
func svgGroups(svg, class string) []string {
	var out []string
	for _, g := range strings.Split(svg, "<g id=")[1:] {
		if strings.Contains(g[:min(len(g), 80)], `class="`+class+`"`) {
			out = append(out, g)
		}
	}
	return out
}

// darkNear reports whether some pixel within r of (x, y) differs clearly
// from white.
func darkNear(img image.Image, x, y float64, r int) bool {
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			c := color.RGBAModel.Convert(img.At(int(x)+dx, int(y)+dy)).(color.RGBA)
			if int(c.R)+int(c.G)+int(c.B) < 3*215 {
				return true
			}
		}
	}
	return false
}

func TestRaster(t *testing.T) {
	seed, findings := seedOrg()
	ctx := context.Background()
	svg, err := renderOrg(ctx, seed, findings, option.Options{Format: "svg"})
	if err != nil {
		t.Fatal(err)
	}
	w, h, err := svgSize(map[string]string{"viewBox": regexp.MustCompile(`viewBox="([^"]+)"`).FindStringSubmatch(string(svg))[1]})
	if err != nil {
		t.Fatal(err)
	}
	tr := translateRe.FindStringSubmatch(string(svg))
	tx, _ := strconv.ParseFloat(tr[1], 64)
	ty, _ := strconv.ParseFloat(tr[2], 64)
	const dpi = 96
	px := func(x, y float64) (float64, float64) { return (x + tx) * dpi / 72, (y + ty) * dpi / 72 }
	for _, format := range []string{"png", "jpeg"} {
		t.Run(format, func(t *testing.T) {
			data, err := renderOrg(ctx, seed, findings, option.Options{Format: format, DPI: dpi})
			if err != nil {
				t.Fatal(err)
			}
			img, got, err := image.Decode(bytes.NewReader(data))
			if err != nil || got != format {
				t.Fatalf("decode: %v, format %q", err, got)
			}
			b := img.Bounds()
			if wantW, wantH := int(w*dpi/72+0.5), int(h*dpi/72+0.5); b.Dx() != wantW || b.Dy() != wantH {
				t.Errorf("size %dx%d, want %dx%d", b.Dx(), b.Dy(), wantW, wantH)
			}
			// Background is white.
			if darkNear(img, 2, 2, 0) {
				t.Error("corner is not background")
			}
			// A connector: a point along the first segment of every edge.
			var edges [][]string
			for _, g := range svgGroups(string(svg), "edge") {
				edges = append(edges, pathRe.FindAllStringSubmatch(g, -1)...)
			}
			if len(edges) < 10 {
				t.Fatalf("found %d edges in svg", len(edges))
			}
			for _, e := range edges {
				var v [4]float64
				for i := range v {
					v[i], _ = strconv.ParseFloat(e[i+1], 64)
				}
				x, y := px((v[0]+v[2])/2, (v[1]+v[3])/2)
				if !darkNear(img, x, y, 1) {
					t.Errorf("no connector pixel at (%.0f,%.0f) on edge from (%g,%g)", x, y, v[0], v[1])
				}
			}
			// A card border: the start point of each plain card's outline.
			var cards [][]string
			for _, g := range svgGroups(string(svg), "node") {
				cards = append(cards, nodePathRe.FindAllStringSubmatch(g, -1)...)
			}
			if len(cards) < 5 {
				t.Fatalf("found %d cards in svg", len(cards))
			}
			for _, c := range cards {
				x0, _ := strconv.ParseFloat(c[1], 64)
				y0, _ := strconv.ParseFloat(c[2], 64)
				x, y := px(x0, y0)
				if !darkNear(img, x, y, 1) {
					t.Errorf("no card border at (%.0f,%.0f)", x, y)
				}
			}
		})
	}
}

func TestCancelled(t *testing.T) {
	seed, _ := seedOrg()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, f := range []string{"svg", "png", "pdf"} {
		if _, err := renderOrg(ctx, seed, nil, option.Options{Format: f}); !errors.Is(err, context.Canceled) {
			t.Errorf("renderOrg(%s) with a cancelled context: err = %v, want context.Canceled", f, err)
		}
	}
}

func TestRasterCap(t *testing.T) {
	old := MaxRasterSide
	MaxRasterSide = 500
	defer func() { MaxRasterSide = old }()
	seed, _ := seedOrg()
	pages, err := pagesOrg(context.Background(), seed, nil, option.Options{Format: "png", DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(pages[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); max(b.Dx(), b.Dy()) > 500 {
		t.Errorf("image %v exceeds the cap", b)
	}
	if !strings.Contains(pages[0].Note, "cap 500 px") {
		t.Errorf("note = %q, want it to mention the cap", pages[0].Note)
	}
}

var pageRe = regexp.MustCompile(`/Type\s*/Page[^s]`)
var mediaBoxRe = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`)

func TestPDF(t *testing.T) {
	seed, findings := seedOrg()
	ctx := context.Background()
	data, err := renderOrg(ctx, seed, findings, option.Options{Format: "pdf", Preset: "a4"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no %%PDF magic: %q", data[:min(8, len(data))])
	}
	if n := len(pageRe.FindAll(data, -1)); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
	mb := mediaBoxRe.FindSubmatch(data)
	if mb == nil {
		t.Fatal("no MediaBox")
	}
	w, _ := strconv.ParseFloat(string(mb[1]), 64)
	h, _ := strconv.ParseFloat(string(mb[2]), 64)
	if abs(w-841.9) > 1 || abs(h-595.3) > 1 {
		t.Errorf("MediaBox %gx%g, want A4 landscape 841.9x595.3", w, h)
	}
	if !bytes.Contains(data, []byte("/FontFile2")) && !bytes.Contains(data, []byte("/FontFile3")) {
		t.Error("no embedded font")
	}
	if !bytes.Contains(data, []byte("LiberationSans")) {
		t.Error("font is not Liberation Sans")
	}
	again, _ := renderOrg(ctx, seed, findings, option.Options{Format: "pdf", Preset: "a4"})
	if !bytes.Equal(data, again) {
		t.Error("pdf is not deterministic")
	}

	// Split: one page per department, in one PDF.
	pages, err := pagesOrg(ctx, seed, findings, option.Options{Format: "pdf", Split: "department"})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("%d pdf files, want 1", len(pages))
	}
	// Executive, Finance, Sales, Security, Technology, and the board's
	// entries with no department.
	if n := len(pageRe.FindAll(pages[0].Data, -1)); n != 6 {
		t.Errorf("split pdf has %d pages, want 6", n)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestSplit(t *testing.T) {
	seed, _ := seedOrg()
	pages, err := pagesOrg(context.Background(), seed, nil, option.Options{Format: "dot", Split: "department"})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, p := range pages {
		titles = append(titles, p.Title)
		if !bytes.Contains(p.Data, []byte(escapeHTML(p.Title))) {
			t.Errorf("page %q does not show its title", p.Title)
		}
	}
	want := []string{"Acme Corp — Executive", "Acme Corp — Finance", "Acme Corp — Sales", "Acme Corp — Security", "Acme Corp — Technology", "Acme Corp — No department"}
	if diff := cmp.Diff(want, titles); diff != "" {
		t.Errorf("titles (-want +got):\n%s", diff)
	}
	pages, err = pagesOrg(context.Background(), seed, nil, option.Options{Format: "svg", Split: "depth:2"})
	if err != nil {
		t.Fatal(err)
	}
	titles = titles[:0]
	for _, p := range pages {
		titles = append(titles, p.Title)
	}
	// Overview (board, its reports and theirs), then every entry two levels
	// down that has reports: the CTO, CIO and CFO.
	want = []string{"Acme Corp — Overview", "Acme Corp — Kim Park", "Acme Corp — Erin Walsh", "Acme Corp — Omar Haddad"}
	if diff := cmp.Diff(want, titles); diff != "" {
		t.Errorf("depth titles (-want +got):\n%s", diff)
	}
	pages, _ = pagesOrg(context.Background(), seed, nil, option.Options{Format: "dot", Split: "depth:2", Redact: true})
	for _, p := range pages {
		if strings.Contains(p.Title, "Kim Park") {
			t.Errorf("redacted page title %q shows a name", p.Title)
		}
	}
}

// TestExamples renders every example chart in every format.
func TestExamples(t *testing.T) {
	files, _ := filepath.Glob("../examples/*")
	var charts []string
	for _, f := range files {
		if ext := filepath.Ext(f); slices.Contains([]string{".yaml", ".yml", ".json", ".csv"}, ext) {
			charts = append(charts, f)
		}
	}
	if len(charts) == 0 {
		t.Fatal("no example charts in ../examples")
	}
	for _, f := range charts {
		org, err := load.File(f, load.Options{})
		if err != nil {
			t.Fatalf("load %s: %v", f, err)
		}
		for _, format := range option.Formats {
			t.Run(filepath.Base(f)+"/"+format, func(t *testing.T) {
				data, err := renderOrg(context.Background(), org, nil, option.Options{Format: format, DPI: 48})
				if err != nil {
					t.Fatal(err)
				}
				if len(data) < 100 {
					t.Errorf("only %d bytes", len(data))
				}
				switch format {
				case "png", "jpeg":
					if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
						t.Error(err)
					}
				case "pdf":
					if !bytes.HasPrefix(data, []byte("%PDF-")) {
						t.Error("not a pdf")
					}
				case "svg":
					if !bytes.Contains(data, []byte("</svg>")) {
						t.Error("not an svg")
					}
				}
			})
		}
	}
}

// pagesOrg builds org's graph and draws its pages, validating opts first as
// the callers of Pages do where they parse them.
//
// The tests of this package are the Graphviz engine's: an unset Layout means
// dot here (render/draw tests the org engine).
func pagesOrg(ctx context.Context, org *graph.Org, findings []diag.Diagnostic, opts option.Options) ([]Page, error) {
	if opts.Layout == "" && opts.OutputFormat() != "pptx" {
		opts.Layout = "dot" // these are the Graphviz engine's tests; pptx is the org engine's only
	}
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	return Pages(ctx, graph.Build(org), findings, opts)
}

// renderOrg is pagesOrg for one page (option.Options.Split ignored).
func renderOrg(ctx context.Context, org *graph.Org, findings []diag.Diagnostic, opts option.Options) ([]byte, error) {
	opts.Split = ""
	pages, err := pagesOrg(ctx, org, findings, opts)
	if err != nil {
		return nil, err
	}
	return pages[0].Data, nil
}

// TestStreamSameBytes: a page left for the caller to write (Options.Stream,
// as orgchart render -o does) writes the same bytes as the page the service
// gets in Data, whole and split.
func TestStreamSameBytes(t *testing.T) {
	seed, findings := seedOrg()
	ctx := context.Background()
	for _, split := range []string{"", "department"} {
		opts := option.Options{Format: "svg", Layout: "org", Split: split, PageFile: "out-%d.svg", Preset: "slide-16x9"}
		want, err := pagesOrg(ctx, seed, findings, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.Stream = true
		got, err := pagesOrg(ctx, seed, findings, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("split %q: %d streamed pages, %d in memory", split, len(got), len(want))
		}
		if split != "" && len(got) < 2 {
			t.Fatalf("split %q: %d page, want several", split, len(got))
		}
		for i := range got {
			var b bytes.Buffer
			if got[i].Data != nil || got[i].Write == nil {
				t.Fatalf("split %q page %d: streamed page has Data or no Write", split, i+1)
			}
			if err := got[i].Emit(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), want[i].Data) || len(b.Bytes()) == 0 {
				t.Errorf("split %q page %d: streamed SVG (%d bytes) differs from the one in memory (%d bytes)", split, i+1, b.Len(), len(want[i].Data))
			}
		}
	}
}
