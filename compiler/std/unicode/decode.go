package unicode

// The tables in tables.go are strings of unsigned LEB128 numbers (7 bits a
// byte, low first, the high bit set on all but the last byte), written by
// tools/unicodegen; the decoders here turn them into Go's table types once,
// when the package is initialised.

func uvarint(s string, i int) (uint32, int) {
	var v uint32
	for sh := uint(0); ; sh += 7 {
		c := s[i]
		i++
		v |= uint32(c&0x7F) << sh
		if c < 0x80 {
			return v, i
		}
	}
}

func unzigzag(v uint32) rune { return rune(v>>1) ^ -rune(v&1) }

// The decoded tables share three arrays (tables.go's counts), so start-up
// makes two allocations and touches few pages, not three per table.
var (
	tableStore [nTables]RangeTable
	store16    = make([]Range16, nR16)
	store32    = make([]Range32, nR32)
	nextTable  int
)

// decode builds a RangeTable of n16 16-bit and n32 32-bit ranges. It runs
// for every table when the package is initialised, so the common one-byte
// numbers are read inline.
func decode(enc string, n16, n32 int) *RangeTable {
	t := &tableStore[nextTable]
	nextTable++
	if n16 > 0 {
		t.R16 = store16[:n16:n16]
		store16 = store16[n16:]
	}
	if n32 > 0 {
		t.R32 = store32[:n32:n32]
		store32 = store32[n32:]
	}
	r16, r32 := t.R16, t.R32
	next := uint32(0)
	k16, k32 := 0, 0
	for i := 0; i < len(enc); {
		gap := uint32(enc[i])
		i++
		if gap >= 0x80 {
			gap, i = uvarint(enc, i-1)
		}
		v := uint32(enc[i])
		i++
		if v >= 0x80 {
			v, i = uvarint(enc, i-1)
		}
		stride := uint32(1)
		if v&1 != 0 {
			stride = uint32(enc[i])
			i++
			if stride >= 0x80 {
				stride, i = uvarint(enc, i-1)
			}
		}
		lo := next + gap
		hi := lo + (v>>1)*stride
		next = hi + 1
		if hi <= 0xFFFF {
			g := &r16[k16]
			g.Lo, g.Hi, g.Stride = uint16(lo), uint16(hi), uint16(stride)
			k16++
			if hi <= MaxLatin1 {
				t.LatinOffset++
			}
		} else {
			g := &r32[k32]
			g.Lo, g.Hi, g.Stride = lo, hi, stride
			k32++
		}
	}
	return t
}

// decodeCase builds the case ranges: runs with three deltas, or runs of
// upper/lower pairs (Delta all UpperLower).
func decodeCase(enc string) []CaseRange {
	out := make([]CaseRange, nCase)
	next := uint32(0)
	k := 0
	for i := 0; i < len(enc); k++ {
		gap := uint32(enc[i])
		i++
		if gap >= 0x80 {
			gap, i = uvarint(enc, i-1)
		}
		v := uint32(enc[i])
		i++
		if v >= 0x80 {
			v, i = uvarint(enc, i-1)
		}
		c := &out[k]
		c.Lo = next + gap
		c.Hi = c.Lo + (v >> 1)
		next = c.Hi + 1
		if v&1 != 0 {
			c.Delta = d{UpperLower, UpperLower, UpperLower}
			continue
		}
		for j := 0; j < MaxCase; j++ {
			z := uint32(enc[i])
			i++
			if z >= 0x80 {
				z, i = uvarint(enc, i-1)
			}
			c.Delta[j] = unzigzag(z)
		}
	}
	return out
}

// A foldPair is a rune whose SimpleFold is not its other case.
type foldPair struct{ from, to rune }

func decodeFold(enc string) []foldPair {
	out := make([]foldPair, 0, nFold)
	next := rune(0)
	for i := 0; i < len(enc); {
		var gap, z uint32
		gap, i = uvarint(enc, i)
		z, i = uvarint(enc, i)
		r := next + rune(gap)
		out = append(out, foldPair{r, r + unzigzag(z)})
		next = r + 1
	}
	return out
}
