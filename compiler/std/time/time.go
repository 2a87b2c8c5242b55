package time

// A Time is an instant with nanosecond precision: the wall clock reading
// (nanoseconds since 1970 UTC) and, for times from Now, the monotonic
// clock reading, which Sub, Since, Until, Before, After and Equal prefer
// when both times have one, as Go's do.
type Time struct {
	wall int64
	mono int64
	// hasMono is set for times read from Now.
	hasMono bool
}

// Now returns the current time.
func Now() Time {
	return Time{wall: runtime_walltime(), mono: runtime_nanotime(), hasMono: true}
}

// Unix returns the Time for the given Unix time (seconds and nanoseconds
// since January 1, 1970 UTC).
func Unix(sec int64, nsec int64) Time {
	return Time{wall: sec*1e9 + nsec}
}

// UnixMilli returns the Time for msec milliseconds since 1970.
func UnixMilli(msec int64) Time { return Time{wall: msec * 1e6} }

// UnixMicro returns the Time for usec microseconds since 1970.
func UnixMicro(usec int64) Time { return Time{wall: usec * 1e3} }

// Unix returns t as seconds since January 1, 1970 UTC.
func (t Time) Unix() int64 {
	s := t.wall / 1e9
	if t.wall%1e9 < 0 {
		s--
	}
	return s
}

// UnixNano returns t as nanoseconds since January 1, 1970 UTC.
func (t Time) UnixNano() int64 { return t.wall }

// UnixMilli returns t as milliseconds since 1970.
func (t Time) UnixMilli() int64 { return floorDiv(t.wall, 1e6) }

// UnixMicro returns t as microseconds since 1970.
func (t Time) UnixMicro() int64 { return floorDiv(t.wall, 1e3) }

// Nanosecond returns the nanosecond offset within the second, [0, 1e9).
func (t Time) Nanosecond() int {
	n := t.wall % 1e9
	if n < 0 {
		n += 1e9
	}
	return int(n)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// IsZero reports whether t is the zero time (goc's zero is 1970 rather
// than Go's year 1, which only matters for IsZero of Unix(0, 0)).
func (t Time) IsZero() bool { return t.wall == 0 && !t.hasMono }

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	t.wall += int64(d)
	if t.hasMono {
		t.mono += int64(d)
	}
	return t
}

// Sub returns the duration t-u, saturating.
func (t Time) Sub(u Time) Duration {
	var a, b int64
	if t.hasMono && u.hasMono {
		a, b = t.mono, u.mono
	} else {
		a, b = t.wall, u.wall
	}
	d := Duration(a - b)
	switch {
	case b > 0 && a < b && d > 0:
		return minDuration
	case b < 0 && a > b && d < 0:
		return maxDuration
	}
	return d
}

// Since returns the time elapsed since t.
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t.
func Until(t Time) Duration { return t.Sub(Now()) }

func (t Time) cmp(u Time) int64 {
	if t.hasMono && u.hasMono {
		return t.mono - u.mono
	}
	return t.wall - u.wall
}

// After reports whether the time instant t is after u.
func (t Time) After(u Time) bool { return t.cmp(u) > 0 }

// Before reports whether the time instant t is before u.
func (t Time) Before(u Time) bool { return t.cmp(u) < 0 }

// Equal reports whether t and u represent the same time instant.
func (t Time) Equal(u Time) bool { return t.cmp(u) == 0 }

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t Time) Compare(u Time) int {
	c := t.cmp(u)
	switch {
	case c < 0:
		return -1
	case c > 0:
		return 1
	}
	return 0
}

// Round returns t stripped of its monotonic reading when d <= 0, else
// rounded to a multiple of d since 1970.
func (t Time) Round(d Duration) Time {
	t.hasMono, t.mono = false, 0
	if d <= 0 {
		return t
	}
	return Time{wall: int64(Duration(t.wall).Round(d))}
}

// Truncate returns t stripped of its monotonic reading when d <= 0, else
// rounded down to a multiple of d since 1970.
func (t Time) Truncate(d Duration) Time {
	t.hasMono, t.mono = false, 0
	if d <= 0 {
		return t
	}
	return Time{wall: t.wall - floorMod(t.wall, int64(d))}
}

func floorMod(a, b int64) int64 {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}
