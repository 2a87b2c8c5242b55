//! Complex division, the one complex operation compiled code does not do
//! inline (addition, subtraction, multiplication and comparison are a few
//! float instructions each; see the compiler's codegen/complex.rs).
//!
//! `goc_complex128div` divides with Smith's method (R. L. Smith, "Algorithm
//! 116: Complex division", CACM 5(8), 1962): scale by the ratio of the
//! divisor's smaller part to its larger one, so that no intermediate
//! squares the divisor and overflows where the quotient does not. When that
//! gives NaN in both parts although the operands say otherwise, the result
//! is corrected as C99 Annex G.5.1 prescribes and as Go's runtime does: a
//! zero divisor gives infinities (signed by the divisor's real part's
//! sign), an infinite dividend over a finite divisor an infinity, a finite
//! dividend over an infinite divisor a zero. complex64 division is done in
//! complex128 and rounded, as Go does.
//!
//! Pure code: unit-tested on the host.

/// ±1 for an infinity, ±0 otherwise, with `x`'s sign.
fn unit_if_inf(x: f64) -> f64 {
    let m = if x.is_infinite() { 1.0 } else { 0.0 };
    copysign(m, x)
}

fn copysign(mag: f64, sign: f64) -> f64 {
    f64::from_bits((mag.to_bits() & !(1 << 63)) | (sign.to_bits() & (1 << 63)))
}

fn abs(x: f64) -> f64 {
    f64::from_bits(x.to_bits() & !(1 << 63))
}

/// `(a+bi) / (c+di)`.
pub fn div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let (mut re, mut im);
    if abs(c) >= abs(d) {
        let r = d / c;
        let den = c + r * d;
        re = (a + b * r) / den;
        im = (b - a * r) / den;
    } else {
        let r = c / d;
        let den = d + r * c;
        re = (a * r + b) / den;
        im = (b * r - a) / den;
    }
    if re.is_nan() && im.is_nan() {
        let inf = f64::INFINITY;
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            re = copysign(inf, c) * a;
            im = copysign(inf, c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let (a, b) = (unit_if_inf(a), unit_if_inf(b));
            re = inf * (a * c + b * d);
            im = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let (c, d) = (unit_if_inf(c), unit_if_inf(d));
            re = 0.0 * (a * c + b * d);
            im = 0.0 * (b * c - a * d);
        }
    }
    (re, im)
}

/// The two parts of a complex128, as an `extern "C"` function returns a
/// struct of two doubles (xmm0:xmm1, d0:d1) and compiled code reads two
/// float results.
#[repr(C)]
pub struct Complex128 {
    pub re: f64,
    pub im: f64,
}

#[no_mangle]
pub extern "C" fn goc_complex128div(a: f64, b: f64, c: f64, d: f64) -> Complex128 {
    let (re, im) = div(a, b, c, d);
    Complex128 { re, im }
}

#[cfg(test)]
mod tests {
    use super::div;

    #[test]
    fn ordinary_quotients() {
        assert_eq!(div(1.0, 2.0, 3.0, 4.0), (0.44, 0.08));
        assert_eq!(div(4.0, 2.0, 2.0, 0.0), (2.0, 1.0));
        assert_eq!(div(0.0, 1.0, 0.0, 1.0), (1.0, 0.0));
    }

    #[test]
    fn zero_divisor_gives_infinities() {
        let inf = f64::INFINITY;
        assert_eq!(div(1.0, 2.0, 0.0, 0.0), (inf, inf));
        let (re, im) = div(1.0, 0.0, 0.0, 0.0);
        assert_eq!(re, inf);
        assert!(im.is_nan());
        assert_eq!(div(-1.0, 2.0, -0.0, 0.0), (inf, -inf));
        let (re, im) = div(0.0, 0.0, 0.0, 0.0);
        assert!(re.is_nan() && im.is_nan());
    }

    #[test]
    fn infinities() {
        let (inf, nan) = (f64::INFINITY, f64::NAN);
        let (re, im) = div(inf, 0.0, 1.0, 0.0);
        assert!(re == inf && im.is_nan());
        // Both parts NaN before the correction.
        assert_eq!(div(inf, nan, 1.0, 1.0), (inf, -inf));
        assert_eq!(div(1.0, 1.0, inf, nan), (0.0, 0.0));
        assert_eq!(div(1.0, 1.0, inf, 0.0), (0.0, 0.0));
    }
}
