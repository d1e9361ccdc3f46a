package server

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestEditorPowerPoint clicks the editor's PowerPoint button in headless
// Chromium. The page's fetch and URL.createObjectURL are wrapped first, so
// the test sees the request the button makes (a POST to /orgchart/pptx), the
// response's content type, and the bytes the page hands to the download
// link, which must be a zip whose [Content_Types].xml names PresentationML.
func TestEditorPowerPoint(t *testing.T) {
	chrome := chromiumPath(t)
	s, _ := newTestServer(t, Config{})
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx := browser(t, chrome)

	const spy = `(() => {
		window.__calls = [];
		const f = window.fetch;
		window.fetch = async (url, init) => {
			const resp = await f(url, init);
			window.__calls.push({url: String(url), method: (init && init.method) || "GET", status: resp.status, type: resp.headers.get("Content-Type") || ""});
			return resp;
		};
		const u = URL.createObjectURL;
		URL.createObjectURL = (blob) => {
			window.__download = new Promise(ok => { const r = new FileReader(); r.onload = () => ok(r.result.split(",")[1]); r.readAsDataURL(blob); });
			return u(blob);
		};
	})()`
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("preview-img")),
		chromedp.Evaluate[chromedp.Void](spy),
		chromedp.Click(chromedp.ID("dl-pptx")),
	)
	if err != nil {
		t.Fatalf("click PowerPoint: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!window.__download`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
		t.Fatalf("no download after clicking PowerPoint (status %q): %v", status, err)
	}
	type call struct {
		URL, Method, Type string
		Status            int
	}
	calls, err := chromedp.Run(ctx, chromedp.Evaluate[[]call](`window.__calls`))
	if err != nil {
		t.Fatal(err)
	}
	var pptx []call
	for _, c := range calls {
		if strings.HasSuffix(c.URL, "/orgchart/pptx") {
			pptx = append(pptx, c)
		}
	}
	const ct = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	if len(pptx) != 1 || pptx[0].Method != "POST" || pptx[0].Status != 200 || pptx[0].Type != ct {
		t.Fatalf("requests to /orgchart/pptx = %+v, want one POST answered 200 with %s (all: %+v)", pptx, ct, calls)
	}
	b64, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.__download`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatalf("download: %v", err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the downloaded %d bytes are not a zip: %v", len(data), err)
	}
	f, err := z.Open("[Content_Types].xml")
	if err != nil {
		t.Fatalf("the download has no [Content_Types].xml: %v", err)
	}
	types, _ := io.ReadAll(f)
	if !bytes.Contains(types, []byte("presentationml.presentation.main+xml")) {
		t.Errorf("[Content_Types].xml names no PresentationML presentation:\n%s", types)
	}
	if status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status"))); !strings.Contains(status, "orgchart.pptx") {
		t.Errorf("status %q, want it to name orgchart.pptx", status)
	}
}
