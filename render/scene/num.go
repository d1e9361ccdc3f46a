package scene

import (
	"math"
	"strconv"
)

// num formats v with at most three decimals (a thousandth of a point), no
// exponent and no negative zero: one spelling for each value.
func num(v float64) string { return string(appendNum(nil, v)) }

// numFast bounds the thousandths appendNum formats itself: below 10^15 a
// double holds every thousandth exactly enough that the decimal k/1000,
// trailing zeros cut, is the shortest spelling that reads back as the
// same value, the one strconv.AppendFloat(v, 'f', -1) gives.
const numFast = 1e15

// appendNum appends v as num formats it. Coordinates are most of an SVG:
// the thousandths are printed as an integer and a fraction of up to three
// digits, which is several times cheaper than strconv's shortest-float
// search (TestAppendNumMatchesStrconv holds the two to the same bytes).
func appendNum(b []byte, v float64) []byte {
	k := math.Round(v * 1000)
	if k == 0 {
		return append(b, '0')
	}
	if !(math.Abs(k) < numFast) {
		return appendNumSlow(b, v)
	}
	i := int64(k)
	if i < 0 {
		b = append(b, '-')
		i = -i
	}
	b = strconv.AppendUint(b, uint64(i/1000), 10)
	f := i % 1000
	if f == 0 {
		return b
	}
	b = append(b, '.', byte('0'+f/100))
	if f%100 != 0 {
		b = append(b, byte('0'+f/10%10))
		if f%10 != 0 {
			b = append(b, byte('0'+f%10))
		}
	}
	return b
}

// appendNumSlow is appendNum for values beyond numFast (and the not
// finite, which no backend writes: Validate rejects them).
func appendNumSlow(b []byte, v float64) []byte {
	v = math.Round(v*1000) / 1000
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}
