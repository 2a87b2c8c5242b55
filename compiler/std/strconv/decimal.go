package strconv

// A decimal is an exact non-negative decimal number: the digits d[:nd]
// (values 0..9, no trailing zeros) times 10**(dp-nd), i.e. a decimal
// point after the first dp digits. The float conversions work on exact
// decimals, doubling and halving them one bit at a time: simple, exact
// and fast enough for the few hundred digits a float64 ever needs.
type decimal struct {
	d     []byte
	dp    int
	trunc bool // digits beyond what was kept were dropped (all non-zero ones count)
}

func (a *decimal) nd() int { return len(a.d) }

// trim drops trailing zero digits.
func (a *decimal) trim() {
	for len(a.d) > 0 && a.d[len(a.d)-1] == 0 {
		a.d = a.d[:len(a.d)-1]
	}
	if len(a.d) == 0 {
		a.dp = 0
	}
}

// assign sets a to v.
func (a *decimal) assign(v uint64) {
	var buf [24]byte
	n := 0
	for v > 0 {
		buf[n] = byte(v % 10)
		v /= 10
		n++
	}
	a.d = a.d[:0]
	for i := n - 1; i >= 0; i-- {
		a.d = append(a.d, buf[i])
	}
	a.dp = n
	a.trim()
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

// digitAt returns the digit of a at the position worth 10**(top-1-k).
func (a *decimal) digitAt(top, k int) byte {
	i := k - (top - a.dp)
	if i < 0 || i >= len(a.d) {
		return 0
	}
	return a.d[i]
}

// roundUpAt keeps n digits and adds one unit in the last one.
func (a *decimal) roundUpAt(n int) {
	i := n - 1
	for i >= 0 && i < len(a.d) && a.d[i] == 9 {
		i--
	}
	if i < 0 {
		a.d = append(a.d[:0], 1)
		a.dp++
		return
	}
	a.d[i]++
	a.d = a.d[:i+1]
}

// roundDownAt keeps n digits.
func (a *decimal) roundDownAt(n int) {
	if n < 0 {
		n = 0
	}
	if n < len(a.d) {
		a.d = a.d[:n]
	}
	a.trim()
}

// roundAt rounds a to n digits, to nearest, ties to even.
func (a *decimal) roundAt(n int) {
	if n < 0 || n >= len(a.d) {
		if n < 0 {
			a.d = a.d[:0]
			a.dp = 0
		}
		return
	}
	up := a.d[n] > 5 || a.d[n] == 5 && (n+1 < len(a.d) || a.trunc || n > 0 && a.d[n-1]%2 == 1)
	if up {
		a.roundUpAt(n)
	} else {
		a.roundDownAt(n)
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
