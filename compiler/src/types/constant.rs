//! Compile-time constant values and their arithmetic.
//!
//! Constants are exact, as Go requires: integers have arbitrary precision
//! (`1 << 100 >> 98` is 4) and untyped float constants are exact rationals
//! (`1e300 * 1e300 / 1e300` is 1e300), complex constants a pair of them.
//! A typed float or complex constant is rounded to its type's precision.
//! Whether a value fits a typed constant's type is decided by
//! [`representable`]; a complex value with a zero imaginary part fits
//! float and integer types, as a float with an integral value fits integer
//! types.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::ty::Basic;
use crate::syntax::ast::BinOp;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(BigInt),
    Float(BigRational),
    /// The real and imaginary parts.
    Complex(BigRational, BigRational),
    Str(Vec<u8>),
}

impl Value {
    pub fn int(i: i64) -> Value {
        Value::Int(BigInt::from(i))
    }

    pub fn float(f: f64) -> Value {
        Value::Float(BigRational::from_float(f).unwrap_or_default())
    }

    /// The value as the nearest float64, for integer and float constants
    /// and complex ones with a zero imaginary part (infinite when out of
    /// range).
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => i.to_f64(),
            _ => self.to_rat().map(|r| rational_to_f64(&r)),
        }
    }

    /// The value as the nearest float32, as [`Value::to_f64`] does.
    pub fn to_f32(&self) -> Option<f32> {
        self.to_rat().map(|r| rational_to_f32(&r))
    }

    /// The nearest complex64 of a numeric constant, as two float32s.
    pub fn to_c64(&self) -> Option<(f32, f32)> {
        let (re, im) = self.to_complex()?;
        Some((rational_to_f32(&re), rational_to_f32(&im)))
    }

    /// The value as an exact rational, for integer and float constants
    /// and complex ones with a zero imaginary part.
    pub fn to_rat(&self) -> Option<BigRational> {
        match self {
            Value::Int(i) => Some(BigRational::from_integer(i.clone())),
            Value::Float(r) => Some(r.clone()),
            Value::Complex(re, im) if im.is_zero() => Some(re.clone()),
            _ => None,
        }
    }

    /// The value as an exact complex number, for numeric constants.
    pub fn to_complex(&self) -> Option<(BigRational, BigRational)> {
        match self {
            Value::Complex(re, im) => Some((re.clone(), im.clone())),
            _ => Some((self.to_rat()?, BigRational::zero())),
        }
    }

    /// The nearest complex128 of a numeric constant.
    pub fn to_c128(&self) -> Option<(f64, f64)> {
        let (re, im) = self.to_complex()?;
        Some((rational_to_f64(&re), rational_to_f64(&im)))
    }

    /// The value as an exact integer: integers, and floats (or complex
    /// numbers with a zero imaginary part) without a fractional part.
    pub fn to_int(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(i.clone()),
            _ => self
                .to_rat()
                .filter(|r| r.is_integer())
                .map(|r| r.to_integer()),
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        self.to_int().and_then(|i| i.to_i64())
    }

    /// The 64-bit two's-complement pattern of an integer constant that fits
    /// in 64 bits (signed or unsigned).
    pub fn to_bits(&self) -> Option<i64> {
        let i = self.to_int()?;
        i.to_i64().or_else(|| i.to_u64().map(|u| u as i64))
    }

    /// Go's spelling of the value in messages (`300`, `1.5`, `"s"`, `true`).
    pub fn describe(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(r) => format_float(rational_to_f64(r)),
            Value::Complex(re, im) => format!(
                "({} + {}i)",
                format_float(rational_to_f64(re)),
                format_float(rational_to_f64(im))
            ),
            Value::Str(s) => quote(s),
        }
    }
}

/// The float64 nearest to a rational (ties to even), infinite beyond range.
pub fn rational_to_f64(r: &BigRational) -> f64 {
    round_rational(r, 53, -1074)
}

/// The float32 nearest to a rational (ties to even, rounded once, from the
/// exact value), infinite beyond range.
pub fn rational_to_f32(r: &BigRational) -> f32 {
    // The result has at most 24 significant bits and an exponent within
    // float64's range, so the float64 holds it exactly and the conversion
    // to float32 is exact, or infinite past float32's range.
    round_rational(r, 24, -149) as f32
}

/// A rational rounded to `mant` significant bits (ties to even), with no
/// unit smaller than 2^`min_exp` (subnormals), as a float64: exact for
/// float64's and float32's formats.
fn round_rational(r: &BigRational, mant: i64, min_exp: i64) -> f64 {
    if r.is_zero() {
        return 0.0;
    }
    let neg = r.is_negative();
    let (n, d) = (r.numer().abs(), r.denom().clone());
    // Scale so that the quotient has mant+2 or more significant bits, then
    // round.
    let shift = n.bits() as i64 - d.bits() as i64 - (mant + 2);
    let (n, d) = if shift > 0 {
        (n, d << shift as usize)
    } else {
        (n << (-shift) as usize, d)
    };
    let (mut q, rem) = (&n / &d, &n % &d);
    let mut exp = shift;
    let sticky = !rem.is_zero();
    // Reduce to `mant` bits (or fewer for subnormals), rounding to nearest
    // even.
    let bits = q.bits() as i64;
    let mut drop = bits - mant;
    if exp + drop < min_exp {
        drop = min_exp - exp;
    }
    if drop > 0 {
        let half = BigInt::one() << (drop as usize - 1);
        let mask = (BigInt::one() << drop as usize) - 1;
        let low = &q & &mask;
        q >>= drop as usize;
        exp += drop;
        if low > half || (low == half && (sticky || (&q & BigInt::one()) == BigInt::one())) {
            q += 1;
        }
        if q.bits() as i64 > mant {
            q >>= 1;
            exp += 1;
        }
    }
    // q has at most 53 bits, so q * 2^exp is exact unless it overflows;
    // two steps keep the intermediate product in range for subnormals.
    let m = q.to_f64().unwrap_or(f64::INFINITY);
    let v = if exp > 1023 {
        f64::INFINITY
    } else if exp < -1000 {
        m * 2f64.powi((exp + 600) as i32) * 2f64.powi(-600)
    } else {
        m * 2f64.powi(exp as i32)
    };
    if neg {
        -v
    } else {
        v
    }
}

/// A float as Go's type checker prints a constant value.
pub fn format_float(f: f64) -> String {
    if f == f.trunc() && f.abs() < 1e21 {
        format!("{}", f)
    } else {
        let s = format!("{:e}", f);
        // Rust: 1.5e-7 / 1e21; Go: 1.5e-07 / 1e+21.
        match s.split_once('e') {
            Some((m, e)) => {
                let (sign, digits) = match e.strip_prefix('-') {
                    Some(d) => ('-', d),
                    None => ('+', e),
                };
                if f.abs() >= 1e-4 && f.abs() < 1e21 {
                    format!("{}", f)
                } else {
                    format!("{m}e{sign}{digits:0>2}")
                }
            }
            None => s,
        }
    }
}

/// A Go-quoted string literal.
pub fn quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let text = String::from_utf8_lossy(s);
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `v` can be represented by a value of basic type `b`; on success
/// returns the value converted to that type's kind (an integer-valued float
/// becomes an integer for integer types, a float is rounded to float32).
pub fn representable(v: &Value, b: Basic) -> Option<Value> {
    use Basic::*;
    match b {
        Bool | UntypedBool => matches!(v, Value::Bool(_)).then(|| v.clone()),
        String | UntypedString => matches!(v, Value::Str(_)).then(|| v.clone()),
        UntypedInt | UntypedRune => v.to_int().map(Value::Int),
        UntypedFloat => v.to_rat().map(Value::Float),
        UntypedComplex => v.to_complex().map(|(re, im)| Value::Complex(re, im)),
        Complex64 | Complex128 => {
            let (re, im) = v.to_complex()?;
            let part = |r: &BigRational| -> Option<BigRational> {
                let f = if b == Complex64 {
                    rational_to_f32(r) as f64
                } else {
                    rational_to_f64(r)
                };
                f.is_finite()
                    .then(|| BigRational::from_float(f).unwrap_or_default())
            };
            Some(Value::Complex(part(&re)?, part(&im)?))
        }
        Float32 => {
            let f = rational_to_f32(&v.to_rat()?);
            f.is_finite().then(|| Value::float(f as f64))
        }
        Float64 => {
            let f = v.to_f64()?;
            f.is_finite().then(|| Value::float(f))
        }
        _ if b.is_integer() => {
            let i = v.to_int()?;
            let bits = b.bits();
            let (lo, hi) = if b.is_unsigned() {
                (BigInt::zero(), (BigInt::from(1) << bits) - 1)
            } else {
                (
                    -(BigInt::from(1) << (bits - 1)),
                    (BigInt::from(1) << (bits - 1)) - 1,
                )
            };
            (i >= lo && i <= hi).then_some(Value::Int(i))
        }
        _ => None,
    }
}

/// Why a constant binary operation has no value.
#[derive(Debug, PartialEq)]
pub enum OpError {
    DivByZero,
    /// The operation is not defined for these values (type errors are
    /// caught before; this is a safety net).
    Invalid,
}

/// The value in the representation of basic numeric kind `b`'s constants,
/// without range checks: integers stay integers for integer kinds (their
/// division is exact integer division), other values become floats for
/// float kinds and complex numbers for complex kinds.
pub fn to_kind(v: Value, b: Basic) -> Value {
    if b.is_complex() {
        if let Some((re, im)) = v.to_complex() {
            return Value::Complex(re, im);
        }
    } else if b.is_float() {
        if let Some(r) = v.to_rat() {
            return Value::Float(r);
        }
    }
    v
}

/// `x op y` for complex constants (`==`, `!=` and arithmetic).
fn complex_binary(
    op: BinOp,
    (a, b): (BigRational, BigRational),
    (c, d): (BigRational, BigRational),
) -> Result<Value, OpError> {
    use BinOp::*;
    let (re, im) = match op {
        Add => (a + c, b + d),
        Sub => (a - c, b - d),
        Mul => (&a * &c - &b * &d, &a * &d + &b * &c),
        Div => {
            let den = &c * &c + &d * &d;
            if den.is_zero() {
                return Err(OpError::DivByZero);
            }
            ((&a * &c + &b * &d) / &den, (&b * &c - &a * &d) / &den)
        }
        Eq => return Ok(Value::Bool(a == c && b == d)),
        Ne => return Ok(Value::Bool(a != c || b != d)),
        _ => return Err(OpError::Invalid),
    };
    Ok(Value::Complex(re, im))
}

/// `x op y` for constants of the same kind. `integer_div` selects truncated
/// integer division (both operands are of integer type).
pub fn binary(op: BinOp, x: &Value, y: &Value, integer_div: bool) -> Result<Value, OpError> {
    use BinOp::*;
    if matches!(x, Value::Complex(..)) || matches!(y, Value::Complex(..)) {
        let (a, b) = (
            x.to_complex().ok_or(OpError::Invalid)?,
            y.to_complex().ok_or(OpError::Invalid)?,
        );
        return complex_binary(op, a, b);
    }
    match (x, y) {
        (Value::Int(a), Value::Int(b)) if integer_div || !matches!(op, Div) => {
            Ok(match op {
                Add => Value::Int(a + b),
                Sub => Value::Int(a - b),
                Mul => Value::Int(a * b),
                Div | Rem => {
                    if b.is_zero() {
                        return Err(OpError::DivByZero);
                    }
                    // BigInt division truncates toward zero, as Go does.
                    Value::Int(if op == Div { a / b } else { a % b })
                }
                And => Value::Int(a & b),
                Or => Value::Int(a | b),
                Xor => Value::Int(a ^ b),
                AndNot => Value::Int(a & !b),
                Eq => Value::Bool(a == b),
                Ne => Value::Bool(a != b),
                Lt => Value::Bool(a < b),
                Le => Value::Bool(a <= b),
                Gt => Value::Bool(a > b),
                Ge => Value::Bool(a >= b),
                _ => return Err(OpError::Invalid),
            })
        }
        (Value::Bool(a), Value::Bool(b)) => Ok(Value::Bool(match op {
            LAnd => *a && *b,
            LOr => *a || *b,
            Eq => a == b,
            Ne => a != b,
            _ => return Err(OpError::Invalid),
        })),
        (Value::Str(a), Value::Str(b)) => Ok(match op {
            Add => Value::Str([a.as_slice(), b.as_slice()].concat()),
            Eq => Value::Bool(a == b),
            Ne => Value::Bool(a != b),
            Lt => Value::Bool(a < b),
            Le => Value::Bool(a <= b),
            Gt => Value::Bool(a > b),
            Ge => Value::Bool(a >= b),
            _ => return Err(OpError::Invalid),
        }),
        _ => {
            let (a, b) = (
                x.to_rat().ok_or(OpError::Invalid)?,
                y.to_rat().ok_or(OpError::Invalid)?,
            );
            Ok(match op {
                Add => Value::Float(a + b),
                Sub => Value::Float(a - b),
                Mul => Value::Float(a * b),
                Div => {
                    if b.is_zero() {
                        return Err(OpError::DivByZero);
                    }
                    Value::Float(a / b)
                }
                Eq => Value::Bool(a == b),
                Ne => Value::Bool(a != b),
                Lt => Value::Bool(a < b),
                Le => Value::Bool(a <= b),
                Gt => Value::Bool(a > b),
                Ge => Value::Bool(a >= b),
                _ => return Err(OpError::Invalid),
            })
        }
    }
}

/// `x << s` or `x >> s` for an integer constant and a non-negative count.
pub fn shift(op: BinOp, x: &BigInt, s: u64) -> Option<BigInt> {
    if s > 10_000 {
        return None;
    }
    Some(if op == BinOp::Shl {
        x << s as usize
    } else {
        // Arithmetic shift rounds toward negative infinity, as Go does.
        x >> s as usize
    })
}

/// Wraps an integer to the width of basic type `b` (for `^x` on unsigned
/// types, whose complement Go defines within the type's width).
pub fn wrap(i: &BigInt, b: Basic) -> BigInt {
    let bits = b.bits();
    let m = BigInt::from(1) << bits;
    let mut r = i % &m;
    if r < BigInt::zero() {
        r += &m;
    }
    if !b.is_unsigned() && r >= (BigInt::from(1) << (bits - 1)) {
        r -= m;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rationals_round_to_nearest_float() {
        for f in [
            0.1,
            1e300,
            5e-324,
            2.2250738585072014e-308,
            123456.789,
            1.0 / 3.0,
            9007199254740993.0,
        ] {
            assert_eq!(rational_to_f64(&BigRational::from_float(f).unwrap()), f);
        }
        let tenth = BigRational::new(BigInt::from(1), BigInt::from(10));
        assert_eq!(rational_to_f64(&tenth), 0.1);
        let third = BigRational::new(BigInt::from(-1), BigInt::from(3));
        assert_eq!(rational_to_f64(&third), -1.0 / 3.0);
        let big = BigRational::from_integer(BigInt::from(10).pow(400));
        assert_eq!(rational_to_f64(&big), f64::INFINITY);
        // float32 rounds once from the exact value: just under half a unit
        // above the largest float32 is still the largest float32, although
        // it rounds to a float64 that is exactly half a unit above.
        let two = |e: i32| BigRational::from_integer(BigInt::from(2)).pow(e);
        let max32 = two(128) - two(104);
        let below_half = &max32 + two(103) - two(40);
        assert_eq!(rational_to_f32(&below_half), f32::MAX);
        assert_eq!(rational_to_f32(&(&max32 + two(103))), f32::INFINITY);
        assert_eq!(rational_to_f32(&two(-149)), f32::from_bits(1));
        assert_eq!(rational_to_f32(&two(-151)), 0.0);
    }

    #[test]
    fn big_shifts_are_exact() {
        let x = shift(BinOp::Shl, &BigInt::from(1), 100).unwrap();
        let y = shift(BinOp::Shr, &x, 98).unwrap();
        assert_eq!(y, BigInt::from(4));
        assert_eq!(
            shift(BinOp::Shr, &BigInt::from(-5), 1).unwrap(),
            BigInt::from(-3)
        );
    }

    #[test]
    fn representability() {
        assert!(representable(&Value::int(255), Basic::Uint8).is_some());
        assert!(representable(&Value::int(256), Basic::Uint8).is_none());
        assert!(representable(&Value::int(-129), Basic::Int8).is_none());
        assert_eq!(
            representable(&Value::float(3.0), Basic::Int),
            Some(Value::int(3))
        );
        assert!(representable(&Value::float(3.5), Basic::Int).is_none());
        assert_eq!(wrap(&BigInt::from(-1), Basic::Uint8), BigInt::from(255));
    }

    #[test]
    fn complex_arithmetic_is_exact() {
        let c = |re: i64, im: i64| {
            Value::Complex(
                BigRational::from_integer(re.into()),
                BigRational::from_integer(im.into()),
            )
        };
        let v = binary(BinOp::Mul, &c(1, 2), &c(3, -1), false).unwrap();
        assert_eq!(v, c(5, 5));
        let v = binary(BinOp::Div, &c(5, 5), &c(3, -1), false).unwrap();
        assert_eq!(v, c(1, 2));
        let v = binary(BinOp::Add, &Value::int(1), &c(0, 2), false).unwrap();
        assert_eq!(v, c(1, 2));
        assert_eq!(
            binary(BinOp::Div, &c(1, 1), &c(0, 0), false),
            Err(OpError::DivByZero)
        );
        // A complex with a zero imaginary part fits integer types.
        assert_eq!(representable(&c(-4, 0), Basic::Int), Some(Value::int(-4)));
        assert!(representable(&c(1, 1), Basic::Float64).is_none());
        assert_eq!(c(1, -2).describe(), "(1 + -2i)");
    }

    #[test]
    fn division_truncates() {
        let v = binary(BinOp::Div, &Value::int(-7), &Value::int(2), true).unwrap();
        assert_eq!(v, Value::int(-3));
        let v = binary(BinOp::Rem, &Value::int(-7), &Value::int(2), true).unwrap();
        assert_eq!(v, Value::int(-1));
        assert_eq!(
            binary(BinOp::Div, &Value::int(1), &Value::int(0), true),
            Err(OpError::DivByZero)
        );
    }
}
