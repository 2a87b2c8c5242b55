//! Package math: the operations Go expresses with unsafe pointer casts or
//! a hardware instruction. Floats arrive and leave in floating-point
//! registers (the C ABI), so each is one reinterpretation.

/// `func Float64bits(f float64) uint64`
#[no_mangle]
pub extern "C" fn goc_pkg_math_Float64bits(f: f64) -> u64 {
    f.to_bits()
}

/// `func Float64frombits(b uint64) float64`
#[no_mangle]
pub extern "C" fn goc_pkg_math_Float64frombits(b: u64) -> f64 {
    f64::from_bits(b)
}

/// `func Float32bits(f float32) uint32`
#[no_mangle]
pub extern "C" fn goc_pkg_math_Float32bits(f: f32) -> u32 {
    f.to_bits()
}

/// `func Float32frombits(b uint32) float32`
#[no_mangle]
pub extern "C" fn goc_pkg_math_Float32frombits(b: u32) -> f32 {
    f32::from_bits(b)
}

/// `func Sqrt(x float64) float64`: the IEEE square root instruction
/// (correctly rounded, as Go's).
#[no_mangle]
pub extern "C" fn goc_pkg_math_Sqrt(mut x: f64) -> f64 {
    #[cfg(target_arch = "x86_64")]
    unsafe {
        core::arch::asm!("sqrtsd {0}, {0}", inout(xmm_reg) x, options(pure, nomem, nostack));
    }
    #[cfg(target_arch = "aarch64")]
    unsafe {
        core::arch::asm!("fsqrt {0:d}, {0:d}", inout(vreg) x, options(pure, nomem, nostack));
    }
    x
}
