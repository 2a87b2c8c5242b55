package strconv

// A decimal is an exact non-negative decimal number: the digits d[:nd]
// (values 0..9, no trailing zeros) times 10**(dp-nd), i.e. a decimal
// point after the first dp digits. ParseFloat works on exact decimals,
// doubling and halving them one bit at a time: simple, exact and fast
// enough for the few hundred digits a float64 ever needs. (Formatting
// gets its exact digits from the runtime: ftoa.go.)
type decimal struct {
	d     []byte
	dp    int
	trunc bool // digits beyond what was kept were dropped (all non-zero ones count)
}

// trim drops trailing zero digits.
func (a *decimal) trim() {
	for len(a.d) > 0 && a.d[len(a.d)-1] == 0 {
		a.d = a.d[:len(a.d)-1]
	}
	if len(a.d) == 0 {
		a.dp = 0
	}
}

// double multiplies a by 2.
func (a *decimal) double() {
	carry := byte(0)
	for i := len(a.d) - 1; i >= 0; i-- {
		v := a.d[i]*2 + carry
		a.d[i] = v % 10
		carry = v / 10
	}
	if carry > 0 {
		a.d = append(a.d, 0)
		copy(a.d[1:], a.d)
		a.d[0] = carry
		a.dp++
	}
	a.trim()
}

// halve divides a by 2.
func (a *decimal) halve() {
	rem := byte(0)
	for i := range a.d {
		v := rem*10 + a.d[i]
		a.d[i] = v / 2
		rem = v % 2
	}
	if rem > 0 {
		a.d = append(a.d, 5)
	}
	if len(a.d) > 0 && a.d[0] == 0 {
		a.d = a.d[1:]
		a.dp--
	}
	a.trim()
}

// shift multiplies a by 2**k.
func (a *decimal) shift(k int) {
	for ; k > 0; k-- {
		a.double()
	}
	for ; k < 0; k++ {
		a.halve()
	}
}

// atHalf compares a with 1/2: -1, 0, +1.
func (a *decimal) cmpHalf() int {
	switch {
	case len(a.d) == 0 || a.dp < 0:
		return -1
	case a.dp > 0:
		return 1
	case a.d[0] < 5:
		return -1
	case a.d[0] > 5 || len(a.d) > 1 || a.trunc:
		return 1
	}
	return 0
}
