package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/orgchart/orgchart/graph/diag"
	"html"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/orgchart/orgchart/render/option"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Error is an error with an HTTP status. Handlers return it (or any error,
// which becomes a 500) and the adapter writes it in the format the client
// accepts.
type Error struct {
	Code int    // HTTP status
	Msg  string // what went wrong and what to do
	// RetryAfter, when positive, is sent as Retry-After (503).
	RetryAfter time.Duration
	// Allow, when set, is sent as Allow (405).
	Allow string
}

func (e *Error) Error() string { return e.Msg }

func errorf(code int, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// handlerFunc is a handler that returns its failure.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts h: a returned error is written as a content-negotiated error
// response (unless h has already started the response).
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec, _ := w.(*statusRecorder)
		err := h(w, r)
		if err == nil {
			return
		}
		if rec != nil && rec.wrote {
			s.log.Warn("error after response started", "err", err.Error(), "request_id", rec.requestID)
			return
		}
		s.writeError(w, r, err)
	})
}

// errorFormats are the media types an error can be written in, in the order
// that breaks ties (and the order used for */*).
var errorFormats = []string{"text/plain", "application/json", "image/svg+xml", "image/png", "text/html"}

// maxErrorMsg bounds an error response's message: ten positioned load
// errors (graph/diag.ErrorList prints at most ten) of at most 1 KiB each.
const maxErrorMsg = 12 << 10

// writeError writes err in the format negotiated from the Accept header.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var he *Error
	if !errors.As(err, &he) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			he = errorf(http.StatusRequestEntityTooLarge, "request body is larger than %d bytes", mbe.Limit)
		} else {
			s.log.Error("internal error", "err", err.Error(), "path", r.URL.Path)
			he = errorf(http.StatusInternalServerError, "internal error: %v", err)
		}
	}
	// Messages quote the input only through diag.Excerpt (80 bytes); this
	// is the backstop for any that quote more (a library's error text).
	if len(he.Msg) > maxErrorMsg {
		he = &Error{Code: he.Code, Msg: diag.ClipTo(he.Msg, maxErrorMsg), RetryAfter: he.RetryAfter, Allow: he.Allow}
	}
	if rec, ok := w.(*statusRecorder); ok {
		rec.errMsg = he.Msg
	}
	h := w.Header()
	for _, k := range []string{"ETag", "Cache-Control", "Content-Disposition", "Content-Length"} {
		h.Del(k)
	}
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if he.Allow != "" {
		h.Set("Allow", he.Allow)
	}
	if he.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int((he.RetryAfter+time.Second-1)/time.Second)))
	}
	ct := negotiate(r.Header.Get("Accept"), errorFormats)
	if ct == "" {
		ct = "text/plain"
	}
	body := errorBody(ct, he)
	h.Set("Content-Type", ct+charset(ct))
	if ct == "image/svg+xml" || ct == "text/html" {
		h.Set("Content-Security-Policy", imageCSP)
	}
	w.WriteHeader(he.Code)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func charset(ct string) string {
	if strings.HasPrefix(ct, "text/") || ct == "application/json" {
		return "; charset=utf-8"
	}
	return ""
}

// errorBody renders he as ct.
func errorBody(ct string, he *Error) []byte {
	switch ct {
	case "application/json":
		b, _ := json.Marshal(map[string]any{"error": map[string]any{"code": he.Code, "message": he.Msg}})
		return append(b, '\n')
	case "image/svg+xml":
		return errorSVG(he)
	case "image/png":
		return errorPNG(he)
	case "text/html":
		t := html.EscapeString(fmt.Sprintf("Error %d: %s", he.Code, http.StatusText(he.Code)))
		return []byte("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + t +
			"</title></head><body><h1>" + t + "</h1><pre>" + html.EscapeString(he.Msg) + "</pre></body></html>\n")
	}
	return []byte(fmt.Sprintf("Error %d: %s\n", he.Code, he.Msg))
}

// errorLines wraps the error text for an image: at most 12 lines of at most
// 90 characters.
func errorLines(he *Error) []string {
	lines := []string{fmt.Sprintf("orgchart error %d: %s", he.Code, http.StatusText(he.Code))}
	for _, para := range strings.Split(he.Msg, "\n") {
		for len(para) > 90 {
			cut := strings.LastIndexByte(para[:90], ' ')
			if cut < 30 {
				cut = 90
			}
			lines = append(lines, para[:cut])
			para = strings.TrimLeft(para[cut:], " ")
		}
		lines = append(lines, para)
	}
	if len(lines) > 12 {
		lines = append(lines[:11], "…")
	}
	return lines
}

// errorSVG draws the error as an SVG image for <img> embeds. Every text is
// escaped.
func errorSVG(he *Error) []byte {
	lines := errorLines(he)
	w, lh := 760, 22
	h := 24 + lh*len(lines) + 12
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img">`, w, h, w, h)
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(lines[0]))
	fmt.Fprintf(&b, `<rect x="0.5" y="0.5" width="%d" height="%d" rx="6" fill="#fff5f5" stroke="#c62828"/>`, w-1, h-1)
	for i, l := range lines {
		weight := "normal"
		fill := "#3b1111"
		if i == 0 {
			weight, fill = "bold", "#c62828"
		}
		fmt.Fprintf(&b, `<text x="16" y="%d" font-family="Liberation Sans, Arial, Helvetica, sans-serif" font-size="14" font-weight="%s" fill="%s" xml:space="preserve">%s</text>`,
			28+i*lh, weight, fill, html.EscapeString(l))
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

var (
	errFaceOnce sync.Once
	errFace     font.Face
)

// errorPNG draws the error as a PNG image for <img> embeds, with Liberation
// Sans from the binary (no font files are read).
func errorPNG(he *Error) []byte {
	errFaceOnce.Do(func() {
		f, err := opentype.Parse(liberationsansregular.TTF)
		if err == nil {
			errFace, _ = opentype.NewFace(f, &opentype.FaceOptions{Size: 14, DPI: 72, Hinting: font.HintingFull})
		}
	})
	lines := errorLines(he)
	w, lh := 760, 22
	h := 24 + lh*len(lines) + 12
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.RGBA{0xff, 0xf5, 0xf5, 0xff}}, image.Point{}, draw.Src)
	red := color.RGBA{0xc6, 0x28, 0x28, 0xff}
	for x := 0; x < w; x++ {
		img.Set(x, 0, red)
		img.Set(x, h-1, red)
	}
	for y := 0; y < h; y++ {
		img.Set(0, y, red)
		img.Set(w-1, y, red)
	}
	if errFace != nil {
		d := &font.Drawer{Dst: img, Face: errFace}
		for i, l := range lines {
			d.Src = image.NewUniform(color.RGBA{0x3b, 0x11, 0x11, 0xff})
			if i == 0 {
				d.Src = image.NewUniform(red)
			}
			d.Dot = fixed.P(16, 28+i*lh)
			d.DrawString(l)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// negotiate picks the alternative the Accept header prefers, honouring
// q-weights (q=0 excludes) and, among equal weights, the more specific
// range and then the alternatives' order. An empty header accepts anything.
// It returns "" when nothing is acceptable.
//
// Hand-written (40 lines) because the one library in the module graph,
// munnerz/goautoneg, sorts with an unstable, non-transitive order and does
// not treat q=0 as "not acceptable".
func negotiate(accept string, alternatives []string) string {
	if strings.TrimSpace(accept) == "" {
		return alternatives[0]
	}
	best, bestQ, bestSpec := "", 0.0, -1
	for _, alt := range alternatives {
		q, spec := acceptQ(accept, alt)
		if q > bestQ || (q == bestQ && q > 0 && spec > bestSpec) {
			best, bestQ, bestSpec = alt, q, spec
		}
	}
	return best
}

// acceptQ returns the weight the Accept header gives the media type alt,
// from its most specific matching range, and that range's specificity
// (2 exact, 1 type/*, 0 */*); q is 0 when no range matches.
func acceptQ(accept, alt string) (q float64, spec int) {
	typ, sub, _ := strings.Cut(alt, "/")
	spec = -1
	for _, part := range strings.Split(accept, ",") {
		params := strings.Split(part, ";")
		rng := strings.ToLower(strings.TrimSpace(params[0]))
		rt, rs, ok := strings.Cut(rng, "/")
		if !ok {
			continue
		}
		s := -1
		switch {
		case rt == typ && rs == sub:
			s = 2
		case rt == typ && rs == "*":
			s = 1
		case rt == "*" && rs == "*":
			s = 0
		}
		if s <= spec {
			continue
		}
		w := 1.0
		for _, p := range params[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
					w = f
				}
			}
		}
		q, spec = w, s
	}
	if spec < 0 {
		return 0, -1
	}
	return q, spec
}

// renderError turns a render failure into an *Error: a chart over the
// render limits is 422 (the request is well formed, the chart is too
// complex to draw here), anything else 400.
func renderError(err error) error {
	var le *option.LimitError
	if errors.As(err, &le) {
		return errorf(http.StatusUnprocessableEntity, "%v; this server does not draw charts over its limits (split the chart, or draw a subtree with root= and depth=)", le)
	}
	return errorf(http.StatusBadRequest, "render: %v", err)
}
