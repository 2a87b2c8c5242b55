//! Printing to standard error: the `print`/`println` builtins and the
//! runtime's own messages.
//!
//! Compiled code brackets each `print(a, b)` / `println(a, b)` statement with
//! `goc_printlock()` / `goc_printunlock()` and calls one `goc_print*`
//! function per operand (`goc_printsp` between operands and `goc_printnl` at
//! the end of println). Output goes to fd 2 with the exact bytes Go 1.27
//! writes.
//!
//! Invariants:
//! * Bytes are collected in one static buffer while the lock is held
//!   (depth > 0) and written with one write(2) when the outermost
//!   `printunlock` runs, or earlier when the buffer fills; a `goc_print*`
//!   call outside any lock locks around itself, so nothing stays buffered
//!   after a call returns with depth 0.
//! * The lock is recursive and owned by the M (thread), as Go's printlock
//!   is: the runtime prints its panic messages with the lock held and may
//!   be entered from a print in progress on the same M; other Ms wait.
//! * Nothing here allocates, so the fatal-error paths can print from any
//!   state, including a signal handler on the alternate stack.
//!
//! The formatting helpers (`put_*`) work on any [`Sink`] so they can be unit
//! tested on the host.

use crate::ftoa;
use crate::sys;
use core::sync::atomic::{AtomicUsize, Ordering};

/// Where formatted bytes go.
pub trait Sink {
    fn put(&mut self, b: &[u8]);
}

pub fn put_uint<S: Sink + ?Sized>(s: &mut S, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    s.put(&buf[i..]);
}

pub fn put_int<S: Sink + ?Sized>(s: &mut S, v: i64) {
    if v < 0 {
        s.put(b"-");
    }
    put_uint(s, v.unsigned_abs());
}

/// `0x` followed by lower-case hex digits, no padding (`0x0` for zero).
pub fn put_hex<S: Sink + ?Sized>(s: &mut S, mut v: u64) {
    let mut buf = [0u8; 18];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(v & 15) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    i -= 2;
    buf[i] = b'0';
    buf[i + 1] = b'x';
    s.put(&buf[i..]);
}

pub fn put_bool<S: Sink + ?Sized>(s: &mut S, b: bool) {
    s.put(if b { b"true" } else { b"false" });
}

pub fn put_float<S: Sink + ?Sized>(s: &mut S, v: f64, is32: bool) {
    let mut buf = [0u8; ftoa::MAX_LEN];
    let n = ftoa::format(v, is32, &mut buf);
    s.put(&buf[..n]);
}

/// Go's complex layout: `(re+imi)`, the imaginary part always signed.
pub fn put_complex<S: Sink + ?Sized>(s: &mut S, re: f64, im: f64, is32: bool) {
    s.put(b"(");
    put_float(s, re, is32);
    let mut buf = [0u8; ftoa::MAX_LEN];
    let n = ftoa::format(im, is32, &mut buf);
    if buf[0] != b'+' && buf[0] != b'-' {
        s.put(b"+");
    }
    s.put(&buf[..n]);
    s.put(b"i)");
}

/// A string as Go prints a panic value: every newline is followed by a tab
/// so continuation lines stand out from the trace.
pub fn put_indented<S: Sink + ?Sized>(s: &mut S, mut b: &[u8]) {
    while let Some(i) = b.iter().position(|&c| c == b'\n') {
        s.put(&b[..=i]);
        s.put(b"\t");
        b = &b[i + 1..];
    }
    s.put(b);
}

// ---- the process-wide stderr buffer ----

const BUF_SIZE: usize = 1024;
static mut BUF: [u8; BUF_SIZE] = [0; BUF_SIZE];
static mut LEN: usize = 0;
/// The M holding the print lock (its address; 1 before Ms exist), or 0.
static OWNER: AtomicUsize = AtomicUsize::new(0);
static mut DEPTH: usize = 0;
static LOCK: crate::lock::Mutex = crate::lock::Mutex::new();

/// The stderr sink. Use it between [`lock`] and [`unlock`].
pub struct Stderr;

impl Sink for Stderr {
    fn put(&mut self, b: &[u8]) {
        unsafe {
            let len = LEN;
            if len + b.len() > BUF_SIZE {
                flush();
                if b.len() > BUF_SIZE {
                    sys::write_all(2, b);
                    return;
                }
            }
            let len = LEN;
            let dst = core::ptr::addr_of_mut!(BUF) as *mut u8;
            core::ptr::copy_nonoverlapping(b.as_ptr(), dst.add(len), b.len());
            LEN = len + b.len();
        }
    }
}

/// Write out whatever is buffered.
pub fn flush() {
    unsafe {
        let len = LEN;
        if len > 0 {
            LEN = 0;
            let src = core::ptr::addr_of!(BUF) as *const u8;
            sys::write_all(2, core::slice::from_raw_parts(src, len));
        }
    }
}

fn me() -> usize {
    (crate::arch::tls()).max(1)
}

pub fn lock() {
    let me = me();
    if OWNER.load(Ordering::Acquire) != me {
        LOCK.lock();
        OWNER.store(me, Ordering::Release);
    }
    unsafe { DEPTH += 1 };
}

pub fn unlock() {
    if OWNER.load(Ordering::Acquire) != me() {
        return; // not held by this M (an unbalanced unlock)
    }
    unsafe {
        DEPTH -= 1;
        if DEPTH > 0 {
            return;
        }
    }
    flush();
    OWNER.store(0, Ordering::Release);
    LOCK.unlock();
}

/// Run `f` with the print lock held, writing to stderr.
#[inline]
pub fn with<F: FnOnce(&mut Stderr)>(f: F) {
    lock();
    f(&mut Stderr);
    unlock();
}

// ---- entry points for compiled code ----

#[no_mangle]
pub extern "C" fn goc_printlock() {
    lock();
}

#[no_mangle]
pub extern "C" fn goc_printunlock() {
    unlock();
}

#[no_mangle]
pub extern "C" fn goc_printbool(b: bool) {
    with(|s| put_bool(s, b));
}

#[no_mangle]
pub extern "C" fn goc_printint(v: i64) {
    with(|s| put_int(s, v));
}

#[no_mangle]
pub extern "C" fn goc_printuint(v: u64) {
    with(|s| put_uint(s, v));
}

#[no_mangle]
pub extern "C" fn goc_printfloat(v: f64) {
    with(|s| put_float(s, v, false));
}

#[no_mangle]
pub extern "C" fn goc_printfloat32(v: f32) {
    with(|s| put_float(s, v as f64, true));
}

#[no_mangle]
pub extern "C" fn goc_printcomplex(re: f64, im: f64) {
    with(|s| put_complex(s, re, im, false));
}

#[no_mangle]
pub extern "C" fn goc_printcomplex64(re: f32, im: f32) {
    with(|s| put_complex(s, re as f64, im as f64, true));
}

/// # Safety
/// `ptr` must point to `len` readable bytes (any pointer when len is 0).
#[no_mangle]
pub unsafe extern "C" fn goc_printstring(ptr: *const u8, len: i64) {
    if len <= 0 {
        return;
    }
    let b = core::slice::from_raw_parts(ptr, len as usize);
    with(|s| s.put(b));
}

#[no_mangle]
pub extern "C" fn goc_printpointer(p: usize) {
    with(|s| put_hex(s, p as u64));
}

#[no_mangle]
pub extern "C" fn goc_printhex(v: u64) {
    with(|s| put_hex(s, v));
}

/// A slice prints as `[len/cap]0xptr`.
#[no_mangle]
pub extern "C" fn goc_printslice(ptr: usize, len: i64, cap: i64) {
    with(|s| {
        s.put(b"[");
        put_int(s, len);
        s.put(b"/");
        put_int(s, cap);
        s.put(b"]");
        put_hex(s, ptr as u64);
    });
}

/// An interface (empty or not) prints as `(0xtype,0xdata)`.
#[no_mangle]
pub extern "C" fn goc_printeface(typ: usize, data: usize) {
    with(|s| {
        s.put(b"(");
        put_hex(s, typ as u64);
        s.put(b",");
        put_hex(s, data as u64);
        s.put(b")");
    });
}

#[no_mangle]
pub extern "C" fn goc_printsp() {
    with(|s| s.put(b" "));
}

#[no_mangle]
pub extern "C" fn goc_printnl() {
    with(|s| s.put(b"\n"));
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub struct VecSink(pub Vec<u8>);
    impl Sink for VecSink {
        fn put(&mut self, b: &[u8]) {
            self.0.extend_from_slice(b);
        }
    }
    pub fn render(f: impl FnOnce(&mut VecSink)) -> String {
        let mut v = VecSink(Vec::new());
        f(&mut v);
        String::from_utf8(v.0).unwrap()
    }

    #[test]
    fn ints_and_hex() {
        assert_eq!(render(|s| put_int(s, i64::MIN)), "-9223372036854775808");
        assert_eq!(render(|s| put_int(s, 0)), "0");
        assert_eq!(render(|s| put_uint(s, u64::MAX)), "18446744073709551615");
        assert_eq!(render(|s| put_hex(s, 0)), "0x0");
        assert_eq!(render(|s| put_hex(s, 0xdead_beef)), "0xdeadbeef");
        assert_eq!(render(|s| put_hex(s, u64::MAX)), "0xffffffffffffffff");
    }

    #[test]
    fn complex() {
        assert_eq!(render(|s| put_complex(s, 1.0, 2.0, false)), "(1+2i)");
        assert_eq!(render(|s| put_complex(s, 1.0, -2.5, false)), "(1-2.5i)");
        assert_eq!(render(|s| put_complex(s, 0.0, f64::NAN, false)), "(0+NaNi)");
        assert_eq!(
            render(|s| put_complex(s, 0.0, f64::INFINITY, false)),
            "(0+Infi)"
        );
    }

    #[test]
    fn indented() {
        assert_eq!(render(|s| put_indented(s, b"a\nb\n")), "a\n\tb\n\t");
    }
}
