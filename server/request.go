package server

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"github.com/orgchart/orgchart/graph/diag"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// diagramRequest is a parsed render request.
type diagramRequest struct {
	Source  []byte
	Format  string // one of Formats
	Options Options
}

// rawRequest is what the parser reads from an HTTP request, split out so it
// can be fuzzed without a server.
type rawRequest struct {
	PathFormat  string // the {format} path segment, "" when absent
	Root        bool   // POST /: a JSON body with diagram_type
	ContentType string
	Accept      string
	Query       url.Values
	Header      http.Header
	Body        []byte
}

// jsonRequest is the JSON body of POST /{type} and POST /.
type jsonRequest struct {
	DiagramSource  *string        `json:"diagram_source"`
	DiagramType    *string        `json:"diagram_type"`
	OutputFormat   *string        `json:"output_format"`
	DiagramOptions map[string]any `json:"diagram_options"`
}

// imageFormats maps media types to formats for Accept negotiation, in the
// order that breaks ties.
var imageFormats = []string{"image/svg+xml", "image/png", "image/jpeg", "application/pdf", pptxType}

// parseDiagram parses a POST render request: the body is the source, or a
// JSON object when the content type is application/json (always for POST /).
// The format comes from the path, else the JSON output_format, else Accept.
// Options come from the query, then Kroki-Diagram-Options-* headers, then
// the JSON diagram_options, later sources winning.
func parseDiagram(raw rawRequest) (*diagramRequest, error) {
	req := &diagramRequest{}
	var jr jsonRequest
	isJSON := raw.Root
	if mt, _, err := mime.ParseMediaType(raw.ContentType); err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json")) {
		isJSON = true
	}
	if isJSON {
		if err := decodeJSON(raw.Body, &jr, "diagram request", `{"diagram_source": "...", "output_format": "svg", "diagram_options": {}}`); err != nil {
			return nil, err
		}
		if raw.Root {
			var missing []string
			if jr.DiagramSource == nil {
				missing = append(missing, "diagram_source")
			}
			if jr.DiagramType == nil {
				missing = append(missing, "diagram_type")
			}
			if jr.OutputFormat == nil {
				missing = append(missing, "output_format")
			}
			if len(missing) > 0 {
				return nil, errorf(http.StatusBadRequest, "the JSON diagram request lacks %s: POST / needs diagram_source, diagram_type and output_format", strings.Join(missing, ", "))
			}
			if t := strings.ToLower(strings.TrimSpace(*jr.DiagramType)); t != DiagramType {
				return nil, errorf(http.StatusBadRequest, "Unsupported diagram type: %s. Must be one of %s", diag.Clip(*jr.DiagramType), DiagramType)
			}
		}
		if jr.DiagramSource == nil {
			return nil, errorf(http.StatusBadRequest, "the JSON diagram request lacks diagram_source")
		}
		req.Source = []byte(*jr.DiagramSource)
	} else {
		req.Source = raw.Body
	}
	req.Source = bytes.TrimSpace(req.Source)

	switch {
	case raw.PathFormat != "":
		f, err := normalizeFormat(raw.PathFormat)
		if err != nil {
			return nil, err
		}
		req.Format = f
	case jr.OutputFormat != nil:
		f, err := normalizeFormat(*jr.OutputFormat)
		if err != nil {
			return nil, err
		}
		req.Format = f
	default:
		if strings.TrimSpace(raw.Accept) == "" {
			return nil, errorf(http.StatusBadRequest, "no output format: give it in the path (/%s/svg), as output_format, or in the Accept header (one of %s)", DiagramType, strings.Join(imageFormats, ", "))
		}
		mt := negotiate(raw.Accept, imageFormats)
		if mt == "" {
			return nil, errorf(http.StatusBadRequest, "the Accept header %s names no supported output format: want one of %s", diag.Excerpt(raw.Accept), strings.Join(imageFormats, ", "))
		}
		for f, ct := range contentTypes {
			if ct == mt {
				req.Format = f
			}
		}
	}

	jl, err := jsonOptions(jr.DiagramOptions)
	if err != nil {
		return nil, err
	}
	req.Options, err = mergeOptions(queryOptions(raw.Query), headerOptions(raw.Header), jl)
	if err != nil {
		return nil, err
	}
	if len(req.Source) == 0 {
		return nil, errorf(http.StatusBadRequest, "the diagram source is empty: send a chart (YAML, JSON or CSV)")
	}
	return req, nil
}

// readBody reads the request body, at most max bytes (more is a 413). A
// gzip or deflate Content-Encoding is decoded, and the decoded body is held
// to the same max (a small bomb is a 413 too); any other encoding is a 415.
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	if r.ContentLength > max {
		return nil, errorf(http.StatusRequestEntityTooLarge, "request body is larger than %d bytes", max)
	}
	var body io.Reader = http.MaxBytesReader(w, r.Body, max)
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, errorf(http.StatusBadRequest, "the body is not valid gzip: %v", err)
		}
		body = zr
	case "deflate":
		// RFC 9110's deflate is zlib-wrapped.
		zr, err := zlib.NewReader(body)
		if err != nil {
			return nil, errorf(http.StatusBadRequest, "the body is not valid deflate (zlib) data: %v", err)
		}
		body = zr
	default:
		return nil, errorf(http.StatusUnsupportedMediaType, "Content-Encoding %s is not supported: send the body plain, gzip or deflate", diag.Excerpt(enc))
	}
	b, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, errorf(http.StatusRequestEntityTooLarge, "request body is larger than %d bytes", max)
		}
		return nil, errorf(http.StatusBadRequest, "read request body: %v", err)
	}
	if int64(len(b)) > max {
		return nil, errorf(http.StatusRequestEntityTooLarge, "request body is larger than %d bytes once decoded", max)
	}
	return b, nil
}
