//! Float to text, exactly as Go's `print`/`println` builtins (and `panic`)
//! write floats: strconv's `'g'` format with the shortest precision that
//! round-trips, for 64-bit or 32-bit values.
//!
//! The decimal digits come from core's float formatting, which is exact
//! (see [`digits`], shared with strconv.FormatFloat); this module lays the
//! shortest digits out as println does:
//!
//! * NaN → `NaN`, infinities → `+Inf` / `-Inf`, negative zero → `-0`;
//! * with `x = exponent of the leading digit`, `%e` layout when
//!   `x < -4 || x >= 6` (`1e+06`, `1.234567e+06`, `1e-05`), with at least
//!   two exponent digits; otherwise `%f` layout with exactly the digits
//!   needed (`123456`, `0.0001`, `3.5`).
//!
//! Pure code: unit-tested on the host.

use core::fmt::Write;

/// Longest output: sign, 17 digits, point, `e+308` → well under 32 bytes.
pub const MAX_LEN: usize = 32;

/// Format `v` into `out`, returning the number of bytes written. When
/// `is32` is set, `v` must hold a float32 value (converted exactly) and the
/// shortest digits are those that round-trip through float32.
pub fn format(v: f64, is32: bool, out: &mut [u8; MAX_LEN]) -> usize {
    let mut n = 0;
    let mut put = |b: u8| {
        out[n] = b;
        n += 1;
    };
    if v.is_nan() {
        for &b in b"NaN" {
            put(b);
        }
        return n;
    }
    if v.is_infinite() {
        for &b in if v > 0.0 { b"+Inf" } else { b"-Inf" } {
            put(b);
        }
        return n;
    }
    // Shortest digits, Go's choice among equally short ones.
    let mut db = [0u8; 48];
    let d = shortest_digits(&mut db, v, is32);
    let nd = d.n.max(0) as usize;
    let digits = &db[..nd];
    let neg = v.is_sign_negative();
    let zero = nd == 0;
    let e = (d.dp - 1) as i32;

    if neg {
        put(b'-');
    }
    if zero {
        put(b'0');
        return n;
    }
    let x = e; // exponent of the leading digit
    if !(-4..6).contains(&x) {
        // %e: d[.ddd]e±XX
        put(digits[0]);
        if nd > 1 {
            put(b'.');
            for &d in &digits[1..] {
                put(d);
            }
        }
        put(b'e');
        let (sign, mut ax) = if x < 0 { (b'-', -x) } else { (b'+', x) };
        put(sign);
        let mut eb = [0u8; 4];
        let mut k = 0;
        while ax > 0 || k < 2 {
            eb[k] = b'0' + (ax % 10) as u8;
            ax /= 10;
            k += 1;
        }
        while k > 0 {
            k -= 1;
            put(eb[k]);
        }
    } else {
        // %f with the decimal point after digit index dp.
        let dp = x + 1;
        if dp <= 0 {
            put(b'0');
            put(b'.');
            for _ in 0..(-dp) {
                put(b'0');
            }
            for &d in digits {
                put(d);
            }
        } else {
            let dp = dp as usize;
            for &d in digits[..nd.min(dp)].iter() {
                put(d);
            }
            for _ in nd.min(dp)..dp {
                put(b'0');
            }
            if nd > dp {
                put(b'.');
                for &d in &digits[dp..] {
                    put(d);
                }
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f64s(v: f64) -> String {
        let mut b = [0u8; MAX_LEN];
        let n = format(v, false, &mut b);
        String::from_utf8(b[..n].to_vec()).unwrap()
    }
    fn f32s(v: f32) -> String {
        let mut b = [0u8; MAX_LEN];
        let n = format(v as f64, true, &mut b);
        String::from_utf8(b[..n].to_vec()).unwrap()
    }

    // Expected strings from Go 1.27.3's println.
    #[test]
    fn go_println_floats() {
        assert_eq!(f64s(3.5), "3.5");
        assert_eq!(f64s(1e100), "1e+100");
        assert_eq!(f64s(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(f64s(1000000.0), "1e+06");
        assert_eq!(f64s(123456.0), "123456");
        assert_eq!(f64s(1e-5), "1e-05");
        assert_eq!(f64s(1e21), "1e+21");
        assert_eq!(f64s(123456789.0), "1.23456789e+08");
        assert_eq!(f64s(1234567.0), "1.234567e+06");
        assert_eq!(f64s(0.0001), "0.0001");
        assert_eq!(f64s(5e-324), "5e-324");
        assert_eq!(f64s(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(f64s(f64::NAN), "NaN");
        assert_eq!(f64s(f64::INFINITY), "+Inf");
        assert_eq!(f64s(f64::NEG_INFINITY), "-Inf");
        assert_eq!(f64s(-0.0), "-0");
        assert_eq!(f64s(0.0), "0");
        assert_eq!(f64s(-2.5), "-2.5");
        assert_eq!(f64s(100000.0), "100000");
        assert_eq!(f64s(0.000123), "0.000123");
        assert_eq!(f64s(-1.5e-7), "-1.5e-07");
    }

    /// Compare with a file of `d <f64 bits> <Go println output>` /
    /// `f <f32 bits> <output>` lines produced by real Go (see
    /// docs/RUNTIME.md); skipped unless GOC_FTOA_CASES names such a file.
    #[test]
    fn go_println_cases_file() {
        let Some(path) = std::env::var_os("GOC_FTOA_CASES") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap();
        let mut n = 0;
        let mut bad = 0;
        for line in text.lines() {
            let mut it = line.splitn(3, ' ');
            let (kind, bits, want) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
            let got = if kind == "d" {
                f64s(f64::from_bits(bits.parse().unwrap()))
            } else {
                f32s(f32::from_bits(bits.parse().unwrap()))
            };
            if got != want {
                eprintln!("MISMATCH {line} got {got}");
                bad += 1;
            }
            n += 1;
        }
        assert!(n > 0 && bad == 0, "{bad} mismatches");
    }

    #[test]
    fn go_println_float32() {
        assert_eq!(f32s(0.1), "0.1");
        assert_eq!(f32s(3.5), "3.5");
        assert_eq!(f32s(1e20), "1e+20");
        assert_eq!(f32s(0.1 + 0.2), "0.3");
        assert_eq!(f32s(16777216.0), "1.6777216e+07");
        assert_eq!(f32s(f32::MAX), "3.4028235e+38");
        // exact ties: Go picks the even last digit
        assert_eq!(f32s(f32::from_bits(3364158180)), "-272343.12");
        // 6328.28125, exactly halfway between two 8-digit decimals
        assert_eq!(f32s(f32::from_bits(1170588224)), "6328.2812");
        assert_eq!(
            f64s(f64::from_bits(4821580235466195204)),
            "2.2600730647296812e+14"
        );
    }
}

// ---------------------------------------------------------------------
// Exact digits for strconv.FormatFloat (runtime/src/stdlib/strconv.rs).
//
// core's float formatting is exact: without a precision `{:e}` gives the
// shortest digits that read back as the same value (the digits Go's
// shortest formatting finds), and with one it rounds the exact binary
// value to nearest, ties to even, as Go's decimal rounding does. `digits`
// only turns its text into a digit string and a decimal point position;
// Go code lays them out.

/// The result pair: number of digits written, decimal point position.
#[repr(C)]
pub struct Digits {
    pub n: i64,
    pub dp: i64,
}

/// Writes into a byte slice; fails when it is full.
struct Buf<'a> {
    b: &'a mut [u8],
    n: usize,
}

impl Write for Buf<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let s = s.as_bytes();
        if self.n + s.len() > self.b.len() {
            return Err(core::fmt::Error);
        }
        self.b[self.n..self.n + s.len()].copy_from_slice(s);
        self.n += s.len();
        Ok(())
    }
}

/// The shortest digits of `v` in `{:e}` form, Go's choice among equally
/// short ones. core's shortest digits are the closest to `v` of their
/// length except when `v` lies exactly halfway between two candidates
/// (float32 values such as 312985.125): core then takes the upper one, Go
/// the one whose last digit is even. A tie shows in the exact expansion
/// (core's `{:.N e}` is exact) as digit `5` right after the shortest
/// length followed by zeros (checked over 30 more digits); then the
/// expansion truncated there, rounded up only to reach an even digit, is
/// written instead. (No decimal-to-float parsing, which would pull core's
/// parser into every program that can print a float.)
fn shortest(w: &mut Buf, v: f64, is32: bool) -> core::fmt::Result {
    let mut sb = [0u8; 40];
    let mut s = Buf { b: &mut sb, n: 0 };
    if is32 {
        write!(s, "{:e}", v as f32)?;
    } else {
        write!(s, "{:e}", v)?;
    }
    let n = s.n;
    let text = &sb[..n];
    let nd = text
        .iter()
        .take_while(|&&c| c != b'e')
        .filter(|c| c.is_ascii_digit())
        .count();
    if v == 0.0 || !next_digit_is_5(v, nd) {
        return w.write_str(core::str::from_utf8(text).map_err(|_| core::fmt::Error)?);
    }
    let mut xb = [0u8; 96];
    let mut x = Buf { b: &mut xb, n: 0 };
    if write!(x, "{:.*e}", nd + 30, v).is_err() {
        return w.write_str(core::str::from_utf8(text).map_err(|_| core::fmt::Error)?);
    }
    let xn = x.n;
    let exact = &xb[..xn];
    let epos = exact.iter().position(|&c| c == b'e').unwrap_or(xn);
    // Digits of the expansion, without the point.
    let mut dg = [0u8; 64];
    let mut k = 0;
    for &c in &exact[..epos] {
        if c.is_ascii_digit() && k < dg.len() {
            dg[k] = c;
            k += 1;
        }
    }
    if k <= nd || dg[nd] != b'5' || dg[nd + 1..k].iter().any(|&c| c != b'0') {
        return w.write_str(core::str::from_utf8(text).map_err(|_| core::fmt::Error)?);
    }
    let mut xe: i64 = 0;
    let neg = exact.get(epos + 1) == Some(&b'-');
    for &c in &exact[epos + if neg { 2 } else { 1 }..] {
        xe = xe * 10 + (c - b'0') as i64;
    }
    if neg {
        xe = -xe;
    }
    let d = &mut dg[..nd];
    if (d[nd - 1] - b'0') % 2 == 1 {
        let mut i = nd;
        loop {
            if i == 0 {
                // all nines: 9.5 -> 10
                d[0] = b'1';
                xe += 1;
                break;
            }
            i -= 1;
            if d[i] == b'9' {
                d[i] = b'0';
            } else {
                d[i] += 1;
                break;
            }
        }
    }
    w.write_str(core::str::from_utf8(&d[..1]).map_err(|_| core::fmt::Error)?)?;
    if nd > 1 {
        w.write_str(".")?;
        w.write_str(core::str::from_utf8(&d[1..]).map_err(|_| core::fmt::Error)?)?;
    }
    write!(w, "e{}", xe)
}

/// Whether `v` rounded to `nd + 1` significant digits ends in 5: a
/// necessary condition for a tie after `nd` digits, and cheap (core's
/// exact formatting of up to 18 digits rarely needs big integers, while
/// the 30 extra digits of the full check always do).
fn next_digit_is_5(v: f64, nd: usize) -> bool {
    let mut b = [0u8; 40];
    let mut w = Buf { b: &mut b, n: 0 };
    if write!(w, "{:.*e}", nd, v).is_err() {
        return true;
    }
    let n = w.n;
    let e = b[..n].iter().position(|&c| c == b'e').unwrap_or(n);
    e > 0 && b[e - 1] == b'5'
}

/// Shortest digits (mode 0; `is32`: those that round-trip through
/// float32), `prec` significant digits (mode 1), or `prec` digits after
/// the decimal point (mode 2) of |v|, finite.
pub fn digits(buf: &mut [u8], v: f64, is32: bool, mode: i64, prec: i64) -> Digits {
    // core's float formatting needs more than a goroutine's guard area.
    crate::stack::systemstack(|| digits_here(buf, v, is32, mode, prec))
}

fn digits_here(buf: &mut [u8], v: f64, is32: bool, mode: i64, prec: i64) -> Digits {
    if mode == 0 {
        return shortest_here(buf, v, is32);
    }
    let v = v.abs();
    let prec = prec.max(0) as usize;
    let mut w = Buf { b: buf, n: 0 };
    let ok = if mode == 1 {
        write!(w, "{:.*e}", prec.max(1) - 1, v)
    } else {
        write!(w, "{:.*}", prec, v)
    };
    if ok.is_err() {
        return Digits { n: -1, dp: 0 };
    }
    let n = w.n;
    compact(w.b, n, mode == 2)
}

/// [`digits`] in mode 0, on its own so that println, which needs only
/// these, does not link core's fixed-point formatting.
pub fn shortest_digits(buf: &mut [u8], v: f64, is32: bool) -> Digits {
    crate::stack::systemstack(|| shortest_here(buf, v, is32))
}

fn shortest_here(buf: &mut [u8], v: f64, is32: bool) -> Digits {
    let mut w = Buf { b: buf, n: 0 };
    if shortest(&mut w, v.abs(), is32).is_err() {
        return Digits { n: -1, dp: 0 };
    }
    let n = w.n;
    compact(w.b, n, false)
}

/// Turns core's text in `b[..text_len]` (`d.ddde±X`, or `ddd.ddd` when
/// `fixed`) into the digit string at the start of `b` (leading and
/// trailing zeros removed) and the decimal point position.
fn compact(b: &mut [u8], text_len: usize, fixed: bool) -> Digits {
    // Compact the digits in place, noting where the point was.
    let mut n = 0usize;
    let mut dp: Option<i64> = None;
    let mut exp = 0i64;
    let mut i = 0;
    while i < text_len {
        let c = b[i];
        match c {
            b'0'..=b'9' => {
                b[n] = c;
                n += 1;
            }
            b'.' => dp = Some(n as i64),
            b'e' => {
                let (mut neg, mut e) = (false, 0i64);
                for &c in &b[i + 1..text_len] {
                    if c == b'-' {
                        neg = true;
                    } else {
                        e = e * 10 + (c - b'0') as i64;
                    }
                }
                exp = if neg { -e } else { e };
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let mut dp = if fixed {
        dp.unwrap_or(n as i64)
    } else {
        // d.ddd e X: the point after the first digit.
        1 + exp
    };
    let lead = b[..n].iter().take_while(|&&c| c == b'0').count();
    b.copy_within(lead..n, 0);
    n -= lead;
    dp -= lead as i64;
    while n > 0 && b[n - 1] == b'0' {
        n -= 1;
    }
    if n == 0 {
        dp = 0;
    }
    Digits { n: n as i64, dp }
}

#[cfg(test)]
mod digits_tests {
    use super::*;

    fn d(v: f64, is32: bool, mode: i64, prec: i64) -> (std::string::String, i64) {
        let mut b = [0u8; 400];
        let r = digits(&mut b, v, is32, mode, prec);
        (
            std::string::String::from_utf8(b[..r.n as usize].to_vec()).unwrap(),
            r.dp,
        )
    }

    #[test]
    fn digit_strings() {
        assert_eq!(d(0.1, false, 0, 0), ("1".into(), 0));
        assert_eq!(d(123.456, false, 0, 0), ("123456".into(), 3));
        assert_eq!(d(0.1f32 as f64, true, 0, 0), ("1".into(), 0));
        assert_eq!(d(0.0, false, 0, 0), ("".into(), 0));
        assert_eq!(d(1e21, false, 0, 0), ("1".into(), 22));
        assert_eq!(d(2.5, false, 2, 0), ("2".into(), 1));
        assert_eq!(d(3.5, false, 2, 0), ("4".into(), 1));
        assert_eq!(d(0.009, false, 2, 2), ("1".into(), -1));
        assert_eq!(d(0.0001, false, 2, 2), ("".into(), 0));
        assert_eq!(d(1234.5678, false, 1, 3), ("123".into(), 4));
        assert_eq!(d(9.99, false, 1, 2), ("1".into(), 2));
        assert_eq!(d(100.0, false, 1, 5), ("1".into(), 3));
        assert_eq!(d(1.0, false, 2, 3), ("1".into(), 1));
        // A float32 exactly halfway between two shortest candidates.
        assert_eq!(d(312985.125, true, 0, 0), ("31298512".into(), 6));
    }
}
