package scene

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAppendNumMatchesStrconv holds appendNum's integer path to the
// spelling strconv gives the same value rounded to thousandths.
func TestAppendNumMatchesStrconv(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 0.0004, -0.0004, 0.0005, -0.0005, 1, -1, 0.1, 0.25, 1.2, 8.5, 163.106, 2703179.34,
		1767645.127, 999.9995, -999.9995, 123456789.123, 1e11 + 0.001, 1e12 - 0.001, 4.9999999, 1e-9}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		scale := math.Pow(10, float64(r.IntN(14))-2)
		v := (r.Float64()*2 - 1) * scale
		if r.IntN(4) == 0 {
			v = math.Round(v*1000) / 1000 // exact thousandths, the common case
		}
		vals = append(vals, v)
	}
	for _, v := range vals {
		if got, want := string(appendNum(nil, v)), string(appendNumSlow(nil, v)); got != want {
			t.Fatalf("appendNum(%v) = %s, want %s", v, got, want)
		}
	}
	// No spelling of zero but "0": not "-0" for negative zero, nor for a
	// small negative value rounded to it.
	for _, v := range []float64{math.Copysign(0, -1), -0.0004} {
		if got := string(appendNum(nil, v)); got != "0" {
			t.Errorf("appendNum(%v) = %q, want \"0\"", v, got)
		}
	}
	for _, v := range []float64{2e15, -3.5e17, math.MaxFloat64} {
		if got, want := string(appendNum(nil, v)), string(appendNumSlow(nil, v)); got != want {
			t.Errorf("appendNum(%v) = %s, want %s", v, got, want)
		}
	}
}

func BenchmarkAppendNum(b *testing.B) {
	vals := []float64{2703179.34, 289.99, 163.106, 47.72, 5, 2703260.893, 309.393, 10}
	buf := make([]byte, 0, 64)
	for b.Loop() {
		for _, v := range vals {
			buf = appendNum(buf[:0], v)
		}
	}
}

func BenchmarkAppendNumStrconv(b *testing.B) {
	vals := []float64{2703179.34, 289.99, 163.106, 47.72, 5, 2703260.893, 309.393, 10}
	buf := make([]byte, 0, 64)
	for b.Loop() {
		for _, v := range vals {
			buf = appendNumSlow(buf[:0], v)
		}
	}
}
