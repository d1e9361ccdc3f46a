package scene

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
	"math/bits"
)

// encodePNG writes img as an 8-bit PNG: RGB when every pixel is opaque,
// else RGBA (straight alpha, as PNG wants), compressed at zlib's best speed.
//
// Hand-written because image/png tries all five PNG filters on every row
// and has no option to choose: on a chart (flat colours, long runs) that
// filter search was two thirds of a PNG render and 40% of the service's
// time for an uncached 50-person PNG. Here each row gets Sub or Up,
// whichever leaves the smaller sum of residuals (Paeth and Average,
// costly and rarely better on flat drawings, are not tried). The output
// is a standard PNG any decoder reads, and the same bytes for the same
// image.
func encodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	opaque := true
	for y := 0; y < ht && opaque; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		for i := 3; i < len(row); i += 4 {
			if row[i] != 0xff {
				opaque = false
				break
			}
		}
	}
	bpp, ctype := 4, byte(6)
	if opaque {
		bpp, ctype = 3, 2
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := &chunkWriter{w: bw}
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8], ihdr[9] = 8, ctype // bit depth, colour type; compression, filter, interlace 0
	cw.chunk("IHDR", ihdr[:])
	zw, err := zlib.NewWriterLevel(cw, zlib.BestSpeed)
	if err != nil {
		return err
	}
	n := bpp * wd
	// cur and prev have 8 bytes of slack for the word-wide loops below.
	prev, cur := make([]byte, n+8), make([]byte, n+8)
	sub, up, same := make([]byte, n+9), make([]byte, n+9), make([]byte, n+1)
	sub[0], up[0], same[0] = 1, 2, 2
	var above []byte
	for y := range ht {
		src := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		if y > 0 && bytes.Equal(src, above) {
			// A row like the one above (the blank bands between a chart's
			// levels, the sides of its cards): Up leaves all zeros.
			if _, err := zw.Write(same); err != nil {
				return err
			}
			continue
		}
		above = src
		if opaque {
			for x, j := 0, 0; x < len(src); x, j = x+4, j+3 {
				// four bytes stored, three kept: the next pixel overwrites the fourth
				binary.LittleEndian.PutUint32(cur[j:], binary.LittleEndian.Uint32(src[x:]))
			}
		} else {
			unpremultiply(cur, src)
		}
		copy(sub[1:1+bpp], cur[:bpp])
		nzSub, nzUp := nonzero(cur[:bpp]), 0
		for i := bpp; i < n; i += 8 {
			c := binary.LittleEndian.Uint64(cur[i:])
			d := subBytes(c, binary.LittleEndian.Uint64(cur[i-bpp:]))
			binary.LittleEndian.PutUint64(sub[i+1:], d)
			nzSub += nonzeroWord(d, n-i)
		}
		for i := 0; i < n; i += 8 {
			d := subBytes(binary.LittleEndian.Uint64(cur[i:]), binary.LittleEndian.Uint64(prev[i:]))
			binary.LittleEndian.PutUint64(up[i+1:], d)
			nzUp += nonzeroWord(d, n-i)
		}
		row := up[:n+1]
		if nzSub <= nzUp {
			row = sub[:n+1]
		}
		if _, err := zw.Write(row); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return err
	}
	cw.flush()
	cw.chunk("IEND", nil)
	if cw.err != nil {
		return cw.err
	}
	return bw.Flush()
}

// Each row gets the filter (Sub or Up) that leaves more zero bytes, the
// bytes a chart's flat colours compress to. The residuals are computed
// eight bytes at a time (SWAR).
const (
	lo7 = 0x7f7f7f7f7f7f7f7f
	hi1 = 0x8080808080808080
)

// subBytes is a-b in each of the eight bytes, without borrows between them.
func subBytes(a, b uint64) uint64 { return ((a | hi1) - (b &^ hi1)) ^ ((a ^ ^b) & hi1) }

// nonzeroWord counts the non-zero bytes among the first k (at most 8,
// little-endian) of x.
func nonzeroWord(x uint64, k int) int {
	if k < 8 {
		x &= 1<<(8*k) - 1
	}
	return bits.OnesCount64((((x & lo7) + lo7) | x) & hi1)
}

// nonzero counts the non-zero bytes of b.
func nonzero(b []byte) int {
	n := 0
	for _, c := range b {
		if c != 0 {
			n++
		}
	}
	return n
}

// unpremultiply turns premultiplied RGBA (image.RGBA) into straight RGBA.
func unpremultiply(dst, src []byte) {
	for i := 0; i < len(src); i += 4 {
		a := src[i+3]
		switch a {
		case 0:
			dst[i], dst[i+1], dst[i+2], dst[i+3] = 0, 0, 0, 0
		case 0xff:
			copy(dst[i:i+4], src[i:i+4])
		default:
			a16 := uint32(a) * 0x101 // as color.NRGBAModel converts
			for k := range 3 {
				dst[i+k] = uint8(uint32(src[i+k]) * 0x101 * 0xffff / a16 >> 8)
			}
			dst[i+3] = a
		}
	}
}

// chunkWriter gathers zlib output into IDAT chunks of up to 64 KB.
type chunkWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	for len(c.buf) >= 64<<10 {
		c.chunk("IDAT", c.buf[:64<<10])
		c.buf = append(c.buf[:0], c.buf[64<<10:]...)
	}
	return len(p), c.err
}

func (c *chunkWriter) flush() {
	if len(c.buf) > 0 {
		c.chunk("IDAT", c.buf)
		c.buf = c.buf[:0]
	}
}

// chunk writes one PNG chunk: length, type, data, CRC of type and data.
func (c *chunkWriter) chunk(typ string, data []byte) {
	if c.err != nil {
		return
	}
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:4], uint32(len(data)))
	copy(hdr[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(data)
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], crc.Sum32())
	for _, b := range [][]byte{hdr[:], data, sum[:]} {
		if _, err := c.w.Write(b); err != nil {
			c.err = err
			return
		}
	}
}
