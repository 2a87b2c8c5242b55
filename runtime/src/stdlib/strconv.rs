//! Package strconv: the decimal digits of a float, exactly, for
//! strconv's float formatting (compiler/std/strconv/ftoa.go), which lays
//! them out in Go's formats. The digits come from `ftoa::digits`.

use crate::ftoa::{digits, Digits};

/// `func runtime_floatDigits(buf []byte, v float64, is32 bool, mode int,
/// prec int) (n int, dp int)`: [`digits`] into buf; n is -1 when buf is
/// too small for core's text.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_strconv_runtime_floatDigits(
    ptr: *mut u8,
    len: i64,
    _cap: i64,
    v: f64,
    is32: bool,
    mode: i64,
    prec: i64,
) -> Digits {
    let buf = core::slice::from_raw_parts_mut(ptr, len as usize);
    digits(buf, v, is32, mode, prec)
}
