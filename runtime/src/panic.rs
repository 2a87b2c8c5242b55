//! Panics and fatal errors.
//!
//! Two kinds of death, as in Go:
//!
//! * a *panic* (`panic(v)` in Go code, or a runtime error such as an index
//!   out of range) prints `panic: <value>` (runtime errors: `panic: runtime
//!   error: <msg>`), an optional `[signal ...]` line when a hardware fault
//!   caused it, a blank line, `goroutine 1 [running]:` and a trace, then
//!   exits with status 2;
//! * a *fatal error* (`throw`: the runtime itself cannot continue, e.g. a
//!   stack overflow) prints `fatal error: <msg>`, a blank line,
//!   `goroutine 1 gp=0x.. m=0 mp=0x.. [running]:` and a trace, exit 2.
//!
//! There is no `defer`/`recover` yet, so every panic is fatal right away.
//! The seam for recover: the `goc_gopanic_*` entry points will build a
//! panic record on the goroutine and run its deferred calls before
//! printing; the printing part (`print_panic_value` and `die`) stays as is.
//!
//! The trace is a walk of the frame-pointer chain (compiled code always
//! keeps frame pointers), bounded by the goroutine's stack, printing return
//! addresses. There is no function/line table yet, so frames print as
//! `?()` with their pc; Go's format is `pkg.fn(args)` / `\tfile:line +0xoff`.
//!
//! Every path here only prints and exits: nothing allocates, so a panic
//! raised by the allocator or inside a signal handler still reports.

use crate::print::{self, Sink};
use crate::{arch, proc, sys};
use goc_abi::bounds;
use goc_abi::PANIC_EXIT_CODE;

/// Hardware fault details for the `[signal ...]` line.
#[derive(Clone, Copy)]
pub struct SigInfo {
    pub sig: usize,
    pub code: i32,
    pub addr: usize,
    pub pc: usize,
    /// Frame pointer at the fault, where the trace starts.
    pub fp: usize,
}

pub fn signal_name(sig: usize) -> &'static str {
    match sig {
        sys::SIGSEGV => "SIGSEGV: segmentation violation",
        sys::SIGBUS => "SIGBUS: bus error",
        sys::SIGFPE => "SIGFPE: floating-point exception",
        _ => "unknown signal",
    }
}

pub fn put_signal_line<S: Sink + ?Sized>(s: &mut S, si: &SigInfo) {
    s.put(b"[signal ");
    s.put(signal_name(si.sig).as_bytes());
    s.put(b" code=");
    print::put_hex(s, si.code as u32 as u64);
    s.put(b" addr=");
    print::put_hex(s, si.addr as u64);
    s.put(b" pc=");
    print::put_hex(s, si.pc as u64);
    s.put(b"]\n");
}

/// Print the frames of the current goroutine starting at frame pointer
/// `fp` (the frame record `[fp] = caller's fp, [fp+8] = return pc`).
fn traceback<S: Sink + ?Sized>(s: &mut S, first_pc: usize, mut fp: usize) {
    let (lo, hi) = match proc::curg() {
        Some(g) => (g.stack_lo as usize, g.stack_hi as usize),
        None => (0, 0),
    };
    if first_pc != 0 {
        frame_line(s, first_pc);
    }
    let mut n = 0;
    while fp >= lo && fp + 16 <= hi && fp % 8 == 0 {
        let next = unsafe { *(fp as *const usize) };
        let pc = unsafe { *((fp + 8) as *const usize) };
        if pc == 0 {
            break;
        }
        if n == 100 {
            s.put(b"...additional frames elided...\n");
            break;
        }
        frame_line(s, pc);
        n += 1;
        if next <= fp {
            break;
        }
        fp = next;
    }
}

fn frame_line<S: Sink + ?Sized>(s: &mut S, pc: usize) {
    s.put(b"?()\n\t?:0 pc=");
    print::put_hex(s, pc as u64);
    s.put(b"\n");
}

fn goroutine_header<S: Sink + ?Sized>(s: &mut S, fatal: bool) {
    s.put(b"goroutine ");
    print::put_uint(s, proc::goid().max(1));
    if fatal {
        let m = proc::getm();
        s.put(b" gp=");
        print::put_hex(s, proc::curg_ptr() as u64);
        s.put(b" m=");
        print::put_uint(
            s,
            if m.is_null() {
                0
            } else {
                unsafe { (*m).id as u64 }
            },
        );
        s.put(b" mp=");
        print::put_hex(s, m as u64);
    }
    s.put(b" [running]:\n");
}

/// A run-time panic whose message is not prefixed with "runtime error: "
/// in Go (channel misuse, makechan sizes): `panic: <msg>`, trace, exit 2.
pub fn runtime_error_plain(msg: &[u8]) -> ! {
    print::with(|s| {
        s.put(b"panic: ");
        s.put(msg);
    });
    die(None, 0, arch::fp())
}

/// No goroutine can ever run again (proc.rs `checkdead`).
pub fn deadlock() -> ! {
    print::with(|s| {
        s.put(b"fatal error: all goroutines are asleep - deadlock!\n\n");
        proc::put_goroutine_header(s, proc::main_g());
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

/// Finish a panic whose `panic: <value>` text has been printed (without
/// the newline): newline, signal line, goroutine trace, exit 2.
pub fn die(sig: Option<&SigInfo>, pc: usize, fp: usize) -> ! {
    print::with(|s| {
        s.put(b"\n");
        if let Some(si) = sig {
            put_signal_line(s, si);
        }
        s.put(b"\n");
        goroutine_header(s, false);
        traceback(s, pc, fp);
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

/// `fatal error: <msg>` and the trace; `runtime_stack` is printed as the
/// "runtime stack:" section when the failure happened in the runtime.
pub fn fatal(msg: &[u8], runtime_stack: Option<&str>) -> ! {
    fatal_sig(msg, runtime_stack, None)
}

pub fn fatal_sig(msg: &[u8], runtime_stack: Option<&str>, sig: Option<&SigInfo>) -> ! {
    let fp = match sig {
        Some(si) => si.fp,
        None => arch::fp(),
    };
    print::with(|s| {
        s.put(b"fatal error: ");
        s.put(msg);
        s.put(b"\n");
        if let Some(si) = sig {
            put_signal_line(s, si);
        }
        if let Some(rs) = runtime_stack {
            s.put(b"\nruntime stack:\n");
            s.put(rs.as_bytes());
        }
        s.put(b"\n");
        goroutine_header(s, true);
        traceback(s, sig.map(|si| si.pc).unwrap_or(0), fp);
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

/// Internal fatal error (Go's `throw`).
pub fn throw(msg: &str) -> ! {
    fatal(msg.as_bytes(), None)
}

/// Internal: `panic: runtime error: <msg>`.
pub fn runtime_error(msg: &[u8]) -> ! {
    let fp = arch::fp();
    print::with(|s| {
        s.put(b"panic: runtime error: ");
        s.put(msg);
    });
    die(None, 0, fp)
}

// ---- bounds errors ----

/// Go's boundsError wording, by code: (message for x >= 0, message for a
/// negative signed x). `X` and `Y` stand for the operands.
const BOUNDS_FMT: [(&str, &str); 9] = [
    (
        "index out of range [X] with length Y",
        "index out of range [X]",
    ),
    (
        "slice bounds out of range [:X] with length Y",
        "slice bounds out of range [:X]",
    ),
    (
        "slice bounds out of range [:X] with capacity Y",
        "slice bounds out of range [:X]",
    ),
    (
        "slice bounds out of range [X:Y]",
        "slice bounds out of range [X:]",
    ),
    (
        "slice bounds out of range [::X] with length Y",
        "slice bounds out of range [::X]",
    ),
    (
        "slice bounds out of range [::X] with capacity Y",
        "slice bounds out of range [::X]",
    ),
    (
        "slice bounds out of range [:X:Y]",
        "slice bounds out of range [:X:]",
    ),
    (
        "slice bounds out of range [X:Y:]",
        "slice bounds out of range [X::]",
    ),
    (
        "cannot convert slice with length X to array or pointer to array with length Y",
        "cannot convert slice with length X to array or pointer to array with length Y",
    ),
];

/// Write the message of a bounds error (without `runtime error: `).
pub fn put_bounds_message<S: Sink + ?Sized>(s: &mut S, code: u64, x: i64, y: i64, signed: bool) {
    let neg = signed && x < 0;
    let idx = if (code as usize) < BOUNDS_FMT.len() {
        code as usize
    } else {
        bounds::INDEX as usize
    };
    let fmt = if neg {
        BOUNDS_FMT[idx].1
    } else {
        BOUNDS_FMT[idx].0
    };
    for &c in fmt.as_bytes() {
        match c {
            b'X' => {
                if signed {
                    print::put_int(s, x)
                } else {
                    print::put_uint(s, x as u64)
                }
            }
            b'Y' => print::put_int(s, y),
            _ => s.put(&[c]),
        }
    }
}

// ---- entry points for compiled code ----

/// A failed bounds check. `code` is one of `goc_abi::bounds`; `signed`
/// tells whether `x` came from a signed integer.
#[no_mangle]
pub extern "C" fn goc_panicbounds(code: u64, x: i64, y: i64, signed: bool) -> ! {
    let fp = arch::fp();
    print::with(|s| {
        s.put(b"panic: runtime error: ");
        put_bounds_message(s, code, x, y, signed);
    });
    die(None, 0, fp)
}

#[no_mangle]
pub extern "C" fn goc_panicdivide() -> ! {
    runtime_error(b"integer divide by zero")
}

#[no_mangle]
pub extern "C" fn goc_panicoverflow() -> ! {
    runtime_error(b"integer overflow")
}

#[no_mangle]
pub extern "C" fn goc_panicshift() -> ! {
    runtime_error(b"negative shift amount")
}

/// An explicit nil check failed. Go finds nil dereferences through the
/// fault they cause, so its message carries a signal line; print the same
/// line (addr 0, pc of the caller) so outputs agree.
#[no_mangle]
pub extern "C" fn goc_panicmem() -> ! {
    let fp = arch::fp();
    let pc = unsafe { *((fp + 8) as *const usize) };
    let caller_fp = unsafe { *(fp as *const usize) };
    let si = SigInfo {
        sig: sys::SIGSEGV,
        code: 1,
        addr: 0,
        pc,
        fp: caller_fp,
    };
    nil_deref(&si)
}

pub fn nil_deref(si: &SigInfo) -> ! {
    print::with(|s| {
        s.put(b"panic: runtime error: invalid memory address or nil pointer dereference")
    });
    die(Some(si), si.pc, si.fp)
}

/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_panic_runtime_error(ptr: *const u8, len: i64) -> ! {
    runtime_error(bytes(ptr, len))
}

/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_throw(ptr: *const u8, len: i64) -> ! {
    fatal(bytes(ptr, len), None)
}

unsafe fn bytes<'a>(ptr: *const u8, len: i64) -> &'a [u8] {
    if len <= 0 {
        &[]
    } else {
        core::slice::from_raw_parts(ptr, len as usize)
    }
}

/// Print `panic: ` and a value, then die.
#[inline(always)]
fn gopanic(f: impl FnOnce(&mut print::Stderr)) -> ! {
    let fp = arch::fp();
    print::with(|s| {
        s.put(b"panic: ");
        f(s);
    });
    die(None, 0, fp)
}

#[no_mangle]
pub extern "C" fn goc_gopanic_nil() -> ! {
    runtime_error(b"panic called with nil argument")
}

/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_string(ptr: *const u8, len: i64) -> ! {
    let b = bytes(ptr, len);
    gopanic(|s| print::put_indented(s, b))
}

#[no_mangle]
pub extern "C" fn goc_gopanic_int(v: i64) -> ! {
    gopanic(|s| print::put_int(s, v))
}

#[no_mangle]
pub extern "C" fn goc_gopanic_uint(v: u64) -> ! {
    gopanic(|s| print::put_uint(s, v))
}

#[no_mangle]
pub extern "C" fn goc_gopanic_float(v: f64) -> ! {
    gopanic(|s| print::put_float(s, v, false))
}

#[no_mangle]
pub extern "C" fn goc_gopanic_float32(v: f32) -> ! {
    gopanic(|s| print::put_float(s, v as f64, true))
}

#[no_mangle]
pub extern "C" fn goc_gopanic_complex(re: f64, im: f64) -> ! {
    gopanic(|s| print::put_complex(s, re, im, false))
}

#[no_mangle]
pub extern "C" fn goc_gopanic_complex64(re: f32, im: f32) -> ! {
    gopanic(|s| print::put_complex(s, re as f64, im as f64, true))
}

#[no_mangle]
pub extern "C" fn goc_gopanic_bool(v: bool) -> ! {
    gopanic(|s| print::put_bool(s, v))
}

// Named types with a basic underlying kind print as `T(v)`; `tn` is the
// type name as Go prints it (e.g. `main.MyInt`).

/// # Safety
/// `tn`/`ptr` must point to `tn_len`/`len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_named_string(
    tn: *const u8,
    tn_len: i64,
    ptr: *const u8,
    len: i64,
) -> ! {
    let (t, b) = (bytes(tn, tn_len), bytes(ptr, len));
    gopanic(|s| {
        s.put(t);
        s.put(b"(\"");
        print::put_indented(s, b);
        s.put(b"\")");
    })
}

/// # Safety
/// `tn` must point to `tn_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_named_int(tn: *const u8, tn_len: i64, v: i64) -> ! {
    let t = bytes(tn, tn_len);
    gopanic(|s| {
        s.put(t);
        s.put(b"(");
        print::put_int(s, v);
        s.put(b")");
    })
}

/// # Safety
/// `tn` must point to `tn_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_named_uint(tn: *const u8, tn_len: i64, v: u64) -> ! {
    let t = bytes(tn, tn_len);
    gopanic(|s| {
        s.put(t);
        s.put(b"(");
        print::put_uint(s, v);
        s.put(b")");
    })
}

/// # Safety
/// `tn` must point to `tn_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_named_float(tn: *const u8, tn_len: i64, v: f64) -> ! {
    let t = bytes(tn, tn_len);
    gopanic(|s| {
        s.put(t);
        s.put(b"(");
        print::put_float(s, v, false);
        s.put(b")");
    })
}

/// # Safety
/// `tn` must point to `tn_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_named_float32(tn: *const u8, tn_len: i64, v: f32) -> ! {
    let t = bytes(tn, tn_len);
    gopanic(|s| {
        s.put(t);
        s.put(b"(");
        print::put_float(s, v as f64, true);
        s.put(b")");
    })
}

/// # Safety
/// `tn` must point to `tn_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_named_complex(
    tn: *const u8,
    tn_len: i64,
    re: f64,
    im: f64,
) -> ! {
    let t = bytes(tn, tn_len);
    gopanic(|s| {
        s.put(t);
        print::put_complex(s, re, im, false);
    })
}

/// # Safety
/// `tn` must point to `tn_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_named_complex64(
    tn: *const u8,
    tn_len: i64,
    re: f32,
    im: f32,
) -> ! {
    let t = bytes(tn, tn_len);
    gopanic(|s| {
        s.put(t);
        print::put_complex(s, re as f64, im as f64, true);
    })
}

/// # Safety
/// `tn` must point to `tn_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_named_bool(tn: *const u8, tn_len: i64, v: bool) -> ! {
    let t = bytes(tn, tn_len);
    gopanic(|s| {
        s.put(t);
        s.put(b"(");
        print::put_bool(s, v);
        s.put(b")");
    })
}

/// Any other value: `(T) 0xdata` where data is the interface's data word.
///
/// # Safety
/// `tn` must point to `tn_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_other(tn: *const u8, tn_len: i64, data: usize) -> ! {
    let t = bytes(tn, tn_len);
    gopanic(|s| {
        s.put(b"(");
        s.put(t);
        s.put(b") ");
        print::put_hex(s, data as u64);
    })
}

/// Rust panics inside the runtime are bugs; report them Go-style.
#[cfg(not(test))]
#[panic_handler]
fn rust_panic(info: &core::panic::PanicInfo) -> ! {
    struct W<'a>(&'a mut print::Stderr);
    impl core::fmt::Write for W<'_> {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            self.0.put(s.as_bytes());
            Ok(())
        }
    }
    print::with(|s| {
        s.put(b"fatal error: ");
        let _ = core::fmt::write(&mut W(s), format_args!("{}", info.message()));
        if let Some(loc) = info.location() {
            let _ = core::fmt::write(
                &mut W(s),
                format_args!(" (runtime {}:{})", loc.file(), loc.line()),
            );
        }
        s.put(b"\n");
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::tests::render;

    fn msg(code: u64, x: i64, y: i64, signed: bool) -> String {
        render(|s| put_bounds_message(s, code, x, y, signed))
    }

    // Expected strings from Go 1.27.3.
    #[test]
    fn bounds_messages() {
        assert_eq!(
            msg(bounds::INDEX, 5, 0, true),
            "index out of range [5] with length 0"
        );
        assert_eq!(msg(bounds::INDEX, -1, 3, true), "index out of range [-1]");
        assert_eq!(
            msg(bounds::INDEX, -1, 3, false),
            "index out of range [18446744073709551615] with length 3"
        );
        assert_eq!(
            msg(bounds::SLICE_ACAP, 5, 3, true),
            "slice bounds out of range [:5] with capacity 3"
        );
        assert_eq!(
            msg(bounds::SLICE_ALEN, 9, 5, true),
            "slice bounds out of range [:9] with length 5"
        );
        assert_eq!(
            msg(bounds::SLICE_B, 2, 1, true),
            "slice bounds out of range [2:1]"
        );
        assert_eq!(
            msg(bounds::SLICE_B, -1, 3, true),
            "slice bounds out of range [-1:]"
        );
        assert_eq!(
            msg(bounds::SLICE3_ACAP, 7, 3, true),
            "slice bounds out of range [::7] with capacity 3"
        );
        assert_eq!(
            msg(bounds::SLICE3_ALEN, 7, 3, true),
            "slice bounds out of range [::7] with length 3"
        );
        assert_eq!(
            msg(bounds::SLICE3_B, 3, 2, true),
            "slice bounds out of range [:3:2]"
        );
        assert_eq!(
            msg(bounds::SLICE3_B, -3, 2, true),
            "slice bounds out of range [:-3:]"
        );
        assert_eq!(
            msg(bounds::SLICE3_C, 2, 1, true),
            "slice bounds out of range [2:1:]"
        );
        assert_eq!(
            msg(bounds::SLICE3_C, -2, 1, true),
            "slice bounds out of range [-2::]"
        );
        assert_eq!(
            msg(bounds::CONVERT, 1, 2, true),
            "cannot convert slice with length 1 to array or pointer to array with length 2"
        );
    }

    #[test]
    fn signal_line() {
        let si = SigInfo {
            sig: sys::SIGSEGV,
            code: 1,
            addr: 8,
            pc: 0x48328b,
            fp: 0,
        };
        assert_eq!(
            render(|s| put_signal_line(s, &si)),
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x48328b]\n"
        );
    }
}
