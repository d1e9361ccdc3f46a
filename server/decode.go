package server

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Encode returns the Kroki GET encoding of source: base64url (no padding) of
// the zlib (RFC 1950) compression of its bytes.
func Encode(source []byte) string {
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	zw.Write(source)
	zw.Close()
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// zlibReaders recycles zlib readers (each holds tens of KiB of inflate
// state), which matters for cached GETs.
var zlibReaders sync.Pool

// Decode reverses Encode: it accepts the URL-safe alphabet with or without
// padding, inflates the zlib stream (at most max bytes; more is a 413) and
// trims the text. Bad base64 and bad zlib are 400 errors that say which.
func Decode(encoded string, max int64) ([]byte, error) {
	s := strings.TrimRight(strings.TrimSpace(encoded), "=")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "the encoded diagram is not valid base64url: %v (encode the source with zlib, then base64url)", err)
	}
	var zr io.ReadCloser
	if pooled, ok := zlibReaders.Get().(io.ReadCloser); ok {
		err = pooled.(zlib.Resetter).Reset(bytes.NewReader(raw), nil)
		zr = pooled
	} else {
		zr, err = zlib.NewReader(bytes.NewReader(raw))
	}
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "the encoded diagram is not valid zlib data: %v (compress with zlib, RFC 1950, before base64url)", err)
	}
	defer func() {
		zr.Close()
		zlibReaders.Put(zr)
	}()
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("unexpected end of data")
		}
		return nil, errorf(http.StatusBadRequest, "the encoded diagram is not valid zlib data: %v (compress with zlib, RFC 1950, before base64url)", err)
	}
	if int64(len(out)) > max {
		return nil, errorf(http.StatusRequestEntityTooLarge, "the decoded diagram is larger than %d bytes", max)
	}
	return bytes.TrimSpace(out), nil
}
