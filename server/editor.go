package server

import (
	"embed"
	"github.com/orgchart/orgchart/graph/diag"
	"io/fs"
	"mime"
	"net/http"
	"path"
)

// web holds the live editor page: static HTML, CSS and JavaScript, no CDN.
//
//go:embed web
var web embed.FS

// editorCSP allows the page only its own scripts, styles and requests, plus
// blob: and data: images for the preview.
const editorCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// editorPage serves GET /: the editor.
func (s *Server) editorPage(w http.ResponseWriter, r *http.Request) error {
	return serveWebFile(w, r, "index.html")
}

// editorAsset serves GET /assets/{name}.
func (s *Server) editorAsset(w http.ResponseWriter, r *http.Request) error {
	return serveWebFile(w, r, r.PathValue("name"))
}

func serveWebFile(w http.ResponseWriter, r *http.Request, name string) error {
	if name == "" || name != path.Base(name) {
		return errorf(http.StatusNotFound, "no asset %s", diag.Excerpt(name))
	}
	b, err := fs.ReadFile(web, "web/"+name)
	if err != nil {
		return errorf(http.StatusNotFound, "no asset %s", diag.Excerpt(name))
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Security-Policy", editorCSP)
	h.Set("Cache-Control", "no-cache")
	h.Set("Referrer-Policy", "no-referrer")
	w.Write(b)
	return nil
}
