package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// typedChart is what the browser test types: ORG005 (dual reporting) on
// line 8, the line of zed's reports_to.
const typedChart = `people:
  - id: a
    name: Ada Lane
  - id: b
    name: Bo Wu
    reports_to: a
  - id: zed
    reports_to: [a, b]
    name: Zed Quinn
`

// chromiumPath finds Debian's chromium. The browser test requires it
// (scripts/setup.sh installs it); it fails rather than skips without it.
func chromiumPath(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed: run scripts/setup.sh (apt-get install chromium)")
	return ""
}

// browser starts headless Chromium (with the flags a closed network needs)
// for the test's duration and returns its context, bounded to 90 s.
func browser(t *testing.T, chrome string) context.Context {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// TestEditorInBrowser drives the editor page in headless Chromium: it
// types a chart with a conflict, waits for the preview and the ORG005
// finding, clicks the finding, checks the textarea selection moved to that
// line, checks the page's embed URL (zlib+base64url made by the browser)
// renders on the server, and saves a screenshot.
func TestEditorInBrowser(t *testing.T) {
	chrome := chromiumPath(t)
	s, _ := newTestServer(t, Config{})
	ts := httptest.NewServer(s)
	defer ts.Close()

	ctx := browser(t, chrome)

	// The page loads with its example chart drawn and checked.
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("preview-img")),
		chromedp.WaitVisible(chromedp.CSS(`#findings li[data-code="ORG005"]`)),
	)
	if err != nil {
		t.Fatalf("example chart: %v", err)
	}

	// Type a new chart.
	err = chromedp.Do(ctx,
		// (SetValue cannot set "": chromedp v0.23 compares the result.)
		chromedp.Evaluate[chromedp.Void](`document.getElementById('source').value = ''`),
		chromedp.Click(chromedp.ID("source")),
		chromedp.SendKeys(chromedp.ID("source"), typedChart),
	)
	if err != nil {
		t.Fatalf("typing: %v", err)
	}
	if typed, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("source"))); err != nil || typed != typedChart {
		t.Fatalf("textarea holds %q (%v), want the typed chart", typed, err)
	}

	// Wait for the preview of the typed chart and its finding on line 8.
	const ready = `(() => {
		const f = document.querySelector('#findings li[data-code="ORG005"]');
		const img = document.getElementById('preview-img');
		const n = String(document.getElementById('source').value.length);
		return !!f && f.dataset.line === "8" && !!img && img.naturalWidth > 0 &&
			document.getElementById('preview').dataset.chars === n && document.getElementById('findings').dataset.chars === n;
	})()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](ready, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		findings, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("findings")))
		t.Fatalf("the typed chart's preview and ORG005 finding did not appear: %v; findings: %s", err, findings)
	}
	svg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.getElementById('preview-img').src).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("read preview: %v", err)
	}
	if !strings.Contains(svg, "<svg") || !strings.Contains(svg, "Zed Quinn") {
		t.Errorf("the preview is not the typed chart: %.300s", svg)
	}

	// Click the finding: the textarea selects line 8.
	type selection struct {
		Start, End int
		Text       string
		Focused    bool
	}
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('source').setSelectionRange(0, 0)`),
		chromedp.Click(chromedp.CSS(`#findings li[data-code="ORG005"]`)),
	)
	if err != nil {
		t.Fatalf("click finding: %v", err)
	}
	sel, err := chromedp.Run(ctx, chromedp.Evaluate[selection](`(() => { const s = document.getElementById('source');
		return {Start: s.selectionStart, End: s.selectionEnd, Text: s.value.slice(s.selectionStart, s.selectionEnd),
		        Focused: document.activeElement === s}; })()`))
	if err != nil {
		t.Fatalf("read selection: %v", err)
	}
	line8 := strings.Split(typedChart, "\n")[7]
	if sel.Text != line8 || sel.Start == 0 || !sel.Focused {
		t.Errorf("after clicking the finding the selection is %d-%d %q (focused %v), want line 8 %q", sel.Start, sel.End, sel.Text, sel.Focused, line8)
	}

	// The embed URL, made by the browser's CompressionStream, renders here.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("embed-btn")),
		chromedp.Action[chromedp.Void](func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Poll[bool](`document.getElementById('embed-url').value !== ""`, chromedp.WithPollingTimeout(10*time.Second))(ctx, t)
			return chromedp.Void{}, err
		}),
	)
	if err != nil {
		t.Fatalf("embed: %v", err)
	}
	embedURL, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("embed-url")))
	md, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("embed-md")))
	adoc, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("embed-adoc")))
	if !strings.HasPrefix(embedURL, ts.URL+"/orgchart/svg/") || md != "![org chart]("+embedURL+")" || adoc != "image::"+embedURL+"[org chart]" {
		t.Errorf("embed snippets: url %q, markdown %q, asciidoc %q", embedURL, md, adoc)
	}
	resp, err := http.Get(embedURL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Zed Quinn") {
		t.Errorf("GET embed URL = %d %.200s", resp.StatusCode, body)
	}

	// Look at it: a screenshot for people (and $ORGCHART_SCREENSHOT).
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if !strings.HasPrefix(string(png), "\x89PNG") {
		t.Fatalf("screenshot is not a PNG")
	}

	// A chart that cannot be read: the preview shows the positioned error
	// and the findings list it, clickable.
	err = chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('source');
		s.value = "people:\n  - id: a\n    name: [unclosed\n"; s.dispatchEvent(new Event('input')); })()`))
	if err != nil {
		t.Fatal(err)
	}
	const broken = `(() => { const e = document.querySelector('#preview .error');
		return !!e && e.textContent.includes('chart:') && !!document.querySelector('#findings li[data-code="LOAD"]'); })()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](broken, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("preview")))
		t.Errorf("a broken chart shows no positioned error: %v; preview: %q", err, text)
	}
	shot := filepath.Join(t.TempDir(), "editor.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("ORGCHART_SCREENSHOT"); p != "" {
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEditorRegistryInBrowser drives the editor's registry panel in
// headless Chromium: save the example as a new chart, edit and save again,
// list the history, show the diff, reopen version 2 from the server.
func TestEditorRegistryInBrowser(t *testing.T) {
	chrome := chromiumPath(t)
	st := mustOpen(t, "", filepath.Join(t.TempDir(), "data"))
	s, _ := newTestServer(t, Config{Store: st})
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx := browser(t, chrome)

	waitText := func(id, want string) {
		t.Helper()
		js := `document.getElementById(` + "`" + id + "`" + `).textContent.includes(` + "`" + want + "`" + `)`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			got, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
			status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
			t.Fatalf("#%s never showed %q: %q (status %q)", id, want, got, status)
		}
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("preview-img")),
		chromedp.WaitVisible(chromedp.ID("reg-btn")), // shown because /health reports a store
		chromedp.Click(chromedp.ID("reg-btn")),
		chromedp.SendKeys(chromedp.ID("reg-name"), "northwind"),
		chromedp.Click(chromedp.ID("reg-save")),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitText("reg-state", "northwind · version 1")
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('source');
			s.value += "  - id: cfo\n    name: Fay Lin\n    reports_to: ceo\n"; s.dispatchEvent(new Event('input')); })()`),
		chromedp.Click(chromedp.ID("reg-save")),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitText("reg-state", "version 2")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("reg-history")),
		chromedp.WaitVisible(chromedp.CSS(`#reg-versions li[data-version="2"] button`)),
		chromedp.Click(chromedp.CSS(`#reg-versions li[data-version="2"] button`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitText("reg-diff", "cfo")
	// Reopen from the server: the textarea holds version 2.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('source').value = 'x'`),
		chromedp.Click(chromedp.ID("reg-open")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('source').value.includes('Fay Lin')`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("Open did not load version 2: %v", err)
	}
	v, err := st.Latest(context.Background(), "northwind")
	if err != nil || v.Number != 2 {
		t.Fatalf("store latest = %+v, %v; want version 2", v, err)
	}
	if p := os.Getenv("ORGCHART_SCREENSHOT_REGISTRY"); p != "" {
		png, _ := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		os.WriteFile(p, png, 0o644)
	}
}
