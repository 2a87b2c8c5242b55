//! Package runtime: the scheduler's knobs and counters (proc.rs, stw.rs),
//! and the function table's lookups behind Caller, Callers and FuncForPC
//! (functab.rs).

use crate::functab;
use crate::proc;
use crate::string::GoString;

/// `func GOMAXPROCS(n int) int`
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_GOMAXPROCS(n: i64) -> i64 {
    crate::stw::goc_gomaxprocs(n)
}

/// `func NumGoroutine() int`
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_NumGoroutine() -> i64 {
    proc::goc_numgoroutine()
}

/// `func NumCPU() int`
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_NumCPU() -> i64 {
    proc::goc_numcpu()
}

/// `func Gosched()`
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_Gosched() {
    proc::goc_gosched()
}

/// `func Goexit()`
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_Goexit() {
    crate::defers::goc_goexit()
}

/// `func callers(skip int, pcs []uintptr) int`: the return addresses of
/// the calling goroutine's Go frames, innermost first, frame 0 being the Go
/// function that called this one, after skipping `skip` of them; how many
/// were stored. Runtime frames and generated code are not counted.
///
/// # Safety
/// `ptr` must point to `len` writable words.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_runtime_callers(
    skip: i64,
    ptr: *mut usize,
    len: i64,
    _cap: i64,
) -> i64 {
    let Some(g) = proc::curg() else { return 0 };
    let (lo, hi) = (g.stack_lo as usize, g.stack_hi as usize);
    let mut fp = crate::arch::fp();
    let (mut skip, mut n) = (skip.max(0), 0i64);
    while n < len && fp >= lo && fp + 16 <= hi && fp.is_multiple_of(8) {
        let next = *(fp as *const usize);
        let pc = *((fp + 8) as *const usize);
        if pc == 0 {
            break;
        }
        if functab::find(pc - 1).is_some() {
            if skip > 0 {
                skip -= 1;
            } else {
                *ptr.add(n as usize) = pc;
                n += 1;
            }
        }
        if next <= fp {
            break;
        }
        fp = next;
    }
    n
}

fn static_string(b: &'static [u8]) -> GoString {
    GoString {
        ptr: b.as_ptr(),
        len: b.len() as i64,
    }
}

/// `func funcname(pc uintptr) string`: the name of the Go function
/// containing `pc` ("" if none).
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_funcname(pc: usize) -> GoString {
    static_string(functab::find(pc).map_or(&[], |f| f.name()))
}

/// `func funcfile(pc uintptr) string`: its source file.
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_funcfile(pc: usize) -> GoString {
    static_string(functab::find(pc).map_or(&[], |f| f.file()))
}

/// `func funcline(pc uintptr) int`: the line of the instruction at `pc`.
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_funcline(pc: usize) -> i64 {
    functab::find(pc).map_or(0, |f| f.line(pc) as i64)
}

/// `func funcentry(pc uintptr) uintptr`: the function's first instruction.
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_funcentry(pc: usize) -> usize {
    functab::find(pc).map_or(0, |f| f.entry())
}

/// Writes what fits of the bytes put into a Go byte slice.
struct SliceSink {
    ptr: *mut u8,
    cap: usize,
    n: usize,
}

impl crate::print::Sink for SliceSink {
    fn put(&mut self, b: &[u8]) {
        let k = b.len().min(self.cap - self.n);
        // SAFETY: `ptr` has `cap` writable bytes and `n + k <= cap`.
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.ptr.add(self.n), k) };
        self.n += k;
    }
}

/// `func stack(skip int, buf []byte) int`: the calling goroutine's trace
/// (runtime.Stack's format), its innermost `skip` Go frames left out,
/// written into `buf` as far as it fits; the bytes written.
///
/// # Safety
/// `ptr` must point to `len` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_runtime_stack(
    skip: i64,
    ptr: *mut u8,
    len: i64,
    _cap: i64,
) -> i64 {
    let mut s = SliceSink {
        ptr,
        cap: len.max(0) as usize,
        n: 0,
    };
    crate::panic::current_trace(&mut s, skip.max(0) as usize);
    s.n as i64
}
