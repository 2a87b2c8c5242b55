//! Panics, recover, and fatal errors.
//!
//! Two kinds of death, as in Go:
//!
//! * a *panic* (`panic(v)` in Go code, or a run-time error such as an index
//!   out of range, whose value is a `runtime.Error`: rterror.rs) runs the
//!   goroutine's deferred calls; if none of them recovers, it prints
//!   `panic: <value>` for it and every panic it interrupted (`[recovered]`,
//!   `[recovered, repanicked]` as Go 1.27 marks them), the `[signal ...]`
//!   line when a hardware fault caused it, a blank line, `goroutine 1
//!   [running]:` and a trace, then exits with status 2;
//! * a *fatal error* (`throw`: the runtime itself cannot continue, e.g. a
//!   stack overflow) prints `fatal error: <msg>`, a blank line,
//!   `goroutine 1 gp=0x.. m=0 mp=0x.. [running]:` and a trace, exit 2.
//!
//! # Running a panic
//!
//! `gopanic` puts a [`Panic`] record in its own frame and links it from
//! `g.panic`, then pops deferred calls off `g.defers` (defers.rs) and makes
//! each one from `arch::call_deferred`, which records the frame pointer of
//! the frame making the call in `Panic::argp`. Deferred calls run on top of
//! the panicking stack, as in Go: the frames between the panic and the
//! function that deferred the call stay in place until a recovery abandons
//! them.
//!
//! `recover()` (`goc_gorecover`) returns the value of the innermost panic
//! and marks it recovered only if its caller's caller's frame is `argp`:
//! i.e. it is called by the deferred function itself, not by something
//! that function calls, and not outside a panic's deferred calls (during an
//! ordinary `goc_deferreturn`, argp is not that frame). Go treats wrapper
//! functions (method values, the closures binding a deferred call's
//! arguments) as transparent: a wrapper's prologue calls `goc_panicwrap`
//! when a panic runs, which moves `argp` to the wrapper's own frame when the
//! wrapper is the call the panic made. `defer recover()` never recovers
//! (Go 1.27: no function of its own between it and the panic); the
//! compiler emits nothing for it.
//!
//! After a deferred call returns, if its panic was recovered, `recovery`
//! unlinks the panics whose runtime frames are being abandoned (those
//! deeper in the stack than the function that deferred the call) and jumps
//! into that function's defer frame: its `goc_deferframe` call returns a
//! second time, with 1, and the function runs its remaining deferred calls
//! and returns normally with the results in its frame.
//!
//! A deferred call that panics starts a new `gopanic` on top, whose record
//! links the old one; it continues with the rest of the chain (the old
//! panic's loop never resumes: it is abandoned by a recovery or ends in the
//! fatal report).
//!
//! Invariants: `g.panic` lists exactly the panics whose `gopanic` frames
//! are live, innermost (deepest on the stack) first, so a record's address
//! orders it against frames; `argp` is non-zero only while that panic's
//! deferred call runs; `g.sig` is kept until no panic runs.
//!
//! The trace is a walk of the frame-pointer chain (compiled code always
//! keeps frame pointers), bounded by the goroutine's stack. Each frame of
//! a Go function prints as Go prints it, `pkg.fn(...)` then
//! `\tfile:line +0xoff`, from the function table (functab.rs; the
//! argument words are not shown); frames of the runtime and of generated
//! code (wrappers) have no entry and are left out, as Go leaves out
//! runtime frames and wrappers.
//!
//! Allocation: raising a run-time error allocates its value (rterror.rs);
//! fatal errors only print and exit, so a failure inside the allocator or a
//! signal handler still reports.

use crate::print::{self, Sink};
use crate::rterror::{self, Kind};
use crate::typedesc::Type;
use crate::{arch, defers, proc, sys};
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
fn traceback<S: Sink + ?Sized>(s: &mut S, first_pc: usize, fp: usize) {
    let (lo, hi) = match proc::curg() {
        Some(g) => (g.stack_lo as usize, g.stack_hi as usize),
        None => (0, 0),
    };
    // A fault's pc, where the signal handler made the faulting function
    // seem to call the panic: that frame's "return address" is the
    // faulting instruction itself, not the one after a call.
    let sigpc = match proc::curg() {
        Some(g) if g.sig != 0 => g.sigpc as usize,
        _ => 0,
    };
    walk(s, (lo, hi), first_pc, fp, sigpc, 0);
}

/// The calling goroutine's trace as runtime.Stack gives it: its header,
/// then its Go frames from here, the innermost `skip` left out, then
/// `created by`.
pub fn current_trace<S: Sink + ?Sized>(s: &mut S, skip: usize) {
    let Some(g) = proc::curg() else { return };
    s.put(b"goroutine ");
    print::put_uint(s, g.goid);
    s.put(b" [running]:\n");
    let stack = (g.stack_lo as usize, g.stack_hi as usize);
    walk(s, stack, 0, arch::fp(), 0, skip);
    created_by(s, g);
}

/// The trace of a goroutine that is not running (parked, or runnable):
/// from the context it saved when it stopped, then `created by`.
fn parked_trace<S: Sink + ?Sized>(s: &mut S, g: &proc::G) {
    let sp = g.sched_sp as usize;
    if sp != 0 && g.status.load(core::sync::atomic::Ordering::Acquire) != proc::G_SYSCALL {
        // SAFETY: a stopped goroutine's sched_sp points at its saved
        // context (arch::CTX_*), as the collector reads it.
        let fp = unsafe { *(sp as *const usize).add(arch::CTX_FP) };
        walk(s, (sp, g.stack_hi as usize), 0, fp, 0, 0);
    }
    created_by(s, g);
}

/// Prints the Go frames of the frame-pointer chain from `fp` within the
/// stack `[lo, hi)`, the innermost `skip` left out; `first_pc`, if not 0,
/// is an innermost frame's pc (a fault) and `sigpc` a frame whose pc is a
/// fault's, not a return address.
fn walk<S: Sink + ?Sized>(
    s: &mut S,
    (lo, hi): (usize, usize),
    first_pc: usize,
    mut fp: usize,
    sigpc: usize,
    mut skip: usize,
) {
    let mut n = 0;
    let mut frame = |s: &mut S, pc: usize, ret: bool| -> bool {
        let at = if ret { pc - 1 } else { pc };
        if crate::functab::find(at).is_none() {
            return false;
        }
        if skip > 0 {
            skip -= 1;
            return false;
        }
        frame_line(s, pc, ret)
    };
    if first_pc != 0 && frame(s, first_pc, false) {
        n += 1;
    }
    while fp >= lo && fp + 16 <= hi && fp.is_multiple_of(8) {
        let next = unsafe { *(fp as *const usize) };
        let pc = unsafe { *((fp + 8) as *const usize) };
        if pc == 0 {
            break;
        }
        if n == 100 {
            s.put(b"...additional frames elided...\n");
            break;
        }
        if frame(s, pc, pc != sigpc) {
            n += 1;
        }
        if next <= fp {
            break;
        }
        fp = next;
    }
}

/// The `created by F in goroutine N` line of a goroutine a `go`
/// statement started, with that statement's location.
pub fn created_by<S: Sink + ?Sized>(s: &mut S, g: &proc::G) {
    if g.gopc == 0 {
        return;
    }
    let Some(f) = crate::functab::find(g.gopc - 1) else {
        return;
    };
    s.put(b"created by ");
    s.put(f.name());
    s.put(b" in goroutine ");
    print::put_uint(s, g.parent_goid);
    s.put(b"\n\t");
    s.put(f.file());
    s.put(b":");
    print::put_uint(s, f.line(g.gopc - 1) as u64);
    s.put(b" +");
    print::put_hex(s, (g.gopc - f.entry()) as u64);
    s.put(b"\n");
}

/// Prints the frame of `pc` (a return address, looked up at the call
/// before it, or the faulting instruction itself) if it is in a Go
/// function; returns whether it printed.
fn frame_line<S: Sink + ?Sized>(s: &mut S, pc: usize, ret: bool) -> bool {
    let at = if ret { pc - 1 } else { pc };
    let Some(f) = crate::functab::find(at) else {
        return false;
    };
    s.put(f.name());
    s.put(if f.has_params() {
        b"(...)\n\t"
    } else {
        b"()\n\t"
    });
    s.put(f.file());
    s.put(b":");
    print::put_uint(s, f.line(at) as u64);
    s.put(b" +");
    print::put_hex(s, (pc - f.entry()) as u64);
    s.put(b"\n");
    true
}

/// The header of the failing goroutine's trace; a fatal error on an M's
/// own stack (the scheduler, no goroutine) is `runtime stack:`, as in Go.
fn goroutine_header<S: Sink + ?Sized>(s: &mut S, fatal: bool) {
    if fatal && proc::curg_ptr().is_null() {
        s.put(b"runtime stack:\n");
        return;
    }
    s.put(b"goroutine ");
    print::put_uint(s, proc::goid().max(1));
    if fatal {
        proc::put_g_and_m(s, proc::curg_ptr(), proc::getm());
    }
    s.put(b" [running]:\n");
}

/// A run-time panic whose value is a `runtime.plainError`: its message
/// has no "runtime error: " prefix in Go (channel misuse, makechan sizes).
pub fn runtime_error_plain(msg: &[u8]) -> ! {
    rterror::raise_msg(Kind::Plain, msg)
}

/// No goroutine can ever run again (proc.rs `checkdead`).
pub fn deadlock() -> ! {
    print::with(|s| {
        s.put(b"fatal error: all goroutines are asleep - deadlock!\n\n");
        let main = proc::main_g();
        proc::put_goroutine_header(s, main, false);
        parked_trace(s, main);
        // Then every other goroutine of the program (those a `go`
        // statement made), in creation order, as Go prints them.
        for &gp in proc::allgs() {
            // SAFETY: no goroutine runs (the deadlock), so the Gs hold
            // still; allgs only grows.
            let g = unsafe { &*gp };
            let status = g.status.load(core::sync::atomic::Ordering::Acquire);
            if core::ptr::eq(g, main) || g.gopc == 0 || status == proc::G_DEAD {
                continue;
            }
            s.put(b"\n");
            proc::put_goroutine_header(s, g, false);
            parked_trace(s, g);
        }
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

/// The end of a fatal panic's report, after the `panic: ...` lines: the
/// signal line of the fault that caused a running panic (Go's gp.sig), a
/// blank line, the goroutine trace; exit 2.
fn finish(fp: usize) -> ! {
    crate::stack::systemstack(|| {
        print::with(|s| {
            if let Some(g) = proc::curg() {
                if g.sig != 0 {
                    let si = SigInfo {
                        sig: g.sig as usize,
                        code: g.sigcode as i32,
                        addr: g.sigaddr as usize,
                        pc: g.sigpc as usize,
                        fp: 0,
                    };
                    put_signal_line(s, &si);
                }
            }
            s.put(b"\n");
            goroutine_header(s, false);
            traceback(s, 0, fp);
            if let Some(g) = proc::curg() {
                created_by(s, g);
            }
        })
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
    // Printing runs too deep for a goroutine's guard area.
    crate::stack::systemstack(|| {
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
        })
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

/// Go's `fatal`: an unrecoverable error the program caused (misuse of the
/// sync types): `fatal error: <msg>`, the plain goroutine header and
/// trace, exit 2. Deferred calls do not run.
pub fn fatal_user(msg: &[u8]) -> ! {
    let fp = arch::fp();
    crate::stack::systemstack(|| {
        print::with(|s| {
            s.put(b"fatal error: ");
            s.put(msg);
            s.put(b"\n\n");
            goroutine_header(s, false);
            traceback(s, 0, fp);
        })
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

/// The program has more threads than runtime/debug.SetMaxThreads'
/// `limit`: Go's report. Found while starting an M (`in_runtime`), it
/// names the main goroutine after an (empty) runtime stack, as Go's
/// scheduler does; found by SetMaxThreads, the calling goroutine.
pub fn thread_exhaustion(limit: i32, in_runtime: bool) -> ! {
    crate::stack::systemstack(|| {
        print::with(|s| {
            s.put(b"runtime: program exceeds ");
            print::put_int(s, limit as i64);
            s.put(b"-thread limit\nfatal error: thread exhaustion\n\n");
            let g = if in_runtime {
                s.put(b"runtime stack:\n\n");
                proc::main_g()
            } else {
                unsafe { &*proc::curg_ptr() }
            };
            proc::put_goroutine_header(s, g, true);
        })
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

/// Internal fatal error (Go's `throw`).
pub fn throw(msg: &str) -> ! {
    fatal(msg.as_bytes(), None)
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

// ---- the panic machinery ----

/// A running panic. It lives in the frame of the `gopanic` call that runs
/// it (or of `goexit_run_defers`) and is linked from `g.panic`, newest
/// first; `link` is the panic that was running when this one started.
#[repr(C)]
pub struct Panic {
    pub link: *mut Panic,
    /// The value, as an empty interface.
    pub typ: usize,
    pub data: usize,
    /// While a deferred call made by this panic runs: the frame pointer its
    /// caller's frame has (the runtime frame making the call), else 0.
    /// `recover()` succeeds only in a function whose caller's frame is this
    /// one; wrappers move it to their own frame (`goc_panicwrap`).
    pub argp: usize,
    pub recovered: bool,
    /// Printing only: a newer panic in the chain has the same value.
    pub repanicked: bool,
    /// Not a panic but `runtime.Goexit` running the deferred calls.
    pub goexit: bool,
    /// For a goexit record: the defer frame that resumes its loop (see
    /// `recovery`), saved by each deferred call it makes.
    pub resume: usize,
    /// Printing only: the text of the value's Error()/String() method.
    text: Option<&'static [u8]>,
}

impl Panic {
    fn new(typ: usize, data: usize, link: *mut Panic) -> Panic {
        Panic {
            link,
            typ,
            data,
            argp: 0,
            recovered: false,
            repanicked: false,
            goexit: false,
            resume: 0,
            text: None,
        }
    }
}

/// Set while the final report calls Error()/String() methods: a panic
/// raised by one of them cannot run deferred calls any more.
static mut PRINTING: bool = false;

/// `panic(v)` for `v` = `(typ, data)` (`typ` non-null): run the deferred
/// calls of the goroutine, newest first; if one of them recovers, resume
/// the function that deferred it (never returns here); else report and
/// exit 2.
///
/// # Safety
/// `(typ, data)` must be an empty interface value with a non-null type.
pub unsafe fn gopanic(typ: *const u8, data: *const u8) -> ! {
    unsafe {
        if PRINTING {
            panic_while_printing(typ, data);
        }
        let g = proc::curg_ptr();
        if g.is_null() {
            // Before the main goroutine exists: nothing can be deferred.
            let mut p = Panic::new(typ as usize, data as usize, core::ptr::null_mut());
            fatalpanic(&mut p);
        }
        let mut p = Panic::new(typ as usize, data as usize, (*g).panic as *mut Panic);
        let pp: *mut Panic = &mut p;
        (*g).panic = pp as u64;
        while let Some((frame, f)) = defers::pop(None) {
            defers::call(f, &mut (*pp).argp, 0);
            (*pp).argp = 0;
            if (*pp).recovered {
                recovery(g, frame);
            }
        }
        fatalpanic(pp)
    }
}

/// `recover()` succeeded in a deferred call of the innermost panic, which
/// that call's function pushed with defer frame `frame`: drop the panics
/// whose runtime frames are about to be abandoned (all those below the
/// function owning `frame`: the recovered one and any it interrupted
/// there), then resume that function after its `goc_deferframe` call.
/// A running Goexit below that function is not jumped past (Go's rule):
/// the Goexit's loop resumes instead, with the next deferred call.
unsafe fn recovery(g: *mut proc::G, frame: usize) -> ! {
    let mut p = (*g).panic as *mut Panic;
    while !p.is_null() && (p as usize) < frame {
        if (*p).goexit {
            (*g).panic = p as u64;
            arch::recovery_jump((*p).resume);
        }
        p = (*p).link;
    }
    (*g).panic = p as u64;
    if p.is_null() {
        (*g).sig = 0;
    }
    arch::recovery_jump(frame)
}

/// For `runtime.Goexit`: run every deferred call of the goroutine under a
/// goexit record (so `recover()` returns nil in them), then return.
pub fn goexit_run_defers() {
    let g = proc::curg_ptr();
    if g.is_null() {
        return;
    }
    // The defer frame each deferred call saves, for `recovery`.
    #[repr(C, align(16))]
    struct ResumeFrame([u8; goc_abi::defers::FRAME_SIZE]);
    let mut resume = ResumeFrame([0; goc_abi::defers::FRAME_SIZE]);
    unsafe {
        let mut p = Panic::new(0, 0, (*g).panic as *mut Panic);
        p.goexit = true;
        p.resume = &mut resume as *mut ResumeFrame as usize;
        let pp: *mut Panic = &mut p;
        (*g).panic = pp as u64;
        while let Some((_, f)) = defers::pop(None) {
            defers::call(f, &mut (*pp).argp, (*pp).resume);
            (*pp).argp = 0;
        }
        (*g).panic = (*pp).link as u64;
    }
}

/// The interface value returned by `recover()`: `(type, data)`, nil as
/// `(0, 0)`.
#[repr(C)]
pub struct Eface {
    pub typ: usize,
    pub data: usize,
}

/// `recover()`: the value of the innermost panic, marked recovered, if the
/// function calling this was called directly (wrappers aside) by a deferred
/// call of that panic; else nil.
#[no_mangle]
pub extern "C" fn goc_gorecover() -> Eface {
    let nil = Eface { typ: 0, data: 0 };
    let Some(g) = proc::curg() else { return nil };
    let p = g.panic as *mut Panic;
    if p.is_null() {
        return nil;
    }
    unsafe {
        if (*p).goexit || (*p).recovered || (*p).argp == 0 {
            return nil;
        }
        // This frame's record -> the caller's (the function that called
        // recover) -> its caller's frame pointer.
        let caller_fp = *(arch::fp() as *const usize);
        let parent = *(caller_fp as *const usize);
        if parent != (*p).argp {
            return nil;
        }
        (*p).recovered = true;
        Eface {
            typ: (*p).typ,
            data: (*p).data,
        }
    }
}

/// The prologue of a wrapper function whose frame pointer is `fp`, called
/// when a panic is running: if the wrapper is the deferred call the panic
/// made (its caller's frame is the panic's), the function it calls becomes
/// the one allowed to recover.
///
/// # Safety
/// `fp` must be the calling wrapper's frame pointer.
#[no_mangle]
pub unsafe extern "C" fn goc_panicwrap(fp: usize) {
    let Some(g) = proc::curg() else { return };
    let p = g.panic as *mut Panic;
    if !p.is_null() && (*p).argp != 0 && (*p).argp == *(fp as *const usize) {
        (*p).argp = fp;
    }
}

/// No deferred call recovered: Go's preprintpanics (call the Error/String
/// methods before printing anything; mark panics whose value a newer one
/// repeats), printpanics (oldest first, later ones indented by a tab), the
/// signal line, the trace; exit 2.
unsafe fn fatalpanic(p: *mut Panic) -> ! {
    PRINTING = true;
    let mut q = p;
    while !q.is_null() {
        let l = (*q).link;
        if !l.is_null() && (*l).typ == (*q).typ && (*l).data == (*q).data {
            (*l).repanicked = true;
            q = l;
            continue;
        }
        if !(*q).goexit && (*q).typ != 0 {
            (*q).text =
                crate::iface::method_text(Type((*q).typ as *const u8), (*q).data as *const u8);
        }
        q = l;
    }
    let fp = arch::fp();
    crate::stack::systemstack(|| print::with(|s| printpanics(s, p)));
    finish(fp)
}

unsafe fn printpanics<S: Sink + ?Sized>(s: &mut S, p: *mut Panic) {
    let l = (*p).link;
    if !l.is_null() {
        printpanics(s, l);
        if (*l).repanicked {
            return;
        }
        if !(*l).goexit {
            s.put(b"\t");
        }
    }
    if (*p).goexit {
        return;
    }
    s.put(b"panic: ");
    match (*p).text {
        Some(t) => print::put_indented(s, t),
        None => {
            crate::iface::put_panic_value(s, Type((*p).typ as *const u8), (*p).data as *const u8)
        }
    }
    if (*p).recovered && (*p).repanicked {
        s.put(b" [recovered, repanicked]");
    } else if (*p).recovered {
        s.put(b" [recovered]");
    }
    s.put(b"\n");
}

/// A panic raised by an Error() or String() method while the final report
/// was being prepared (Go's throw from preprintpanics).
unsafe fn panic_while_printing(typ: *const u8, data: *const u8) -> ! {
    // The message buffer is too big for a goroutine's guard area.
    crate::stack::systemstack(|| -> () {
        let t = Type(typ);
        let mut msg = crate::rterror::Text::new();
        msg.put(b"panic while printing panic value: ");
        if t.kind() == goc_abi::typedesc::KIND_STRING && t.name() == b"string" {
            let g = *(data as *const crate::string::GoString);
            if g.len > 0 {
                msg.put(core::slice::from_raw_parts(g.ptr, g.len as usize));
            }
        } else {
            msg.put(b"type ");
            msg.put(t.name());
        }
        fatal(msg.bytes(), None)
    });
    sys::exit_group(PANIC_EXIT_CODE)
}

// ---- entry points for compiled code ----

/// `panic(v)`, `v` as an empty interface; `panic(nil)` (null `typ`) is a
/// `*runtime.PanicNilError`.
///
/// # Safety
/// `(typ, data)` must be an empty interface value.
#[no_mangle]
pub unsafe extern "C" fn goc_gopanic_eface(typ: *const u8, data: *const u8) -> ! {
    if typ.is_null() {
        let (t, d) = rterror::panic_nil_value();
        gopanic(t, d);
    }
    gopanic(typ, data)
}

/// A failed bounds check. `code` is one of `goc_abi::bounds`; `signed`
/// tells whether `x` came from a signed integer.
#[no_mangle]
pub extern "C" fn goc_panicbounds(code: u64, x: i64, y: i64, signed: bool) -> ! {
    rterror::raise(Kind::Bounds, |t| put_bounds_message(t, code, x, y, signed))
}

#[no_mangle]
pub extern "C" fn goc_panicdivide() -> ! {
    rterror::raise_msg(Kind::ErrorString, b"integer divide by zero")
}

#[no_mangle]
pub extern "C" fn goc_panicoverflow() -> ! {
    rterror::raise_msg(Kind::ErrorString, b"integer overflow")
}

#[no_mangle]
pub extern "C" fn goc_panicshift() -> ! {
    rterror::raise_msg(Kind::ErrorString, b"negative shift amount")
}

/// An explicit nil check failed. Go finds nil dereferences through the
/// fault they cause, so its message carries a signal line; record the same
/// fault (addr 0, pc of the caller) so outputs agree.
#[no_mangle]
pub extern "C" fn goc_panicmem() -> ! {
    let fp = arch::fp();
    let pc = unsafe { *((fp + 8) as *const usize) };
    let si = SigInfo {
        sig: sys::SIGSEGV,
        code: 1,
        addr: 0,
        pc,
        fp: 0,
    };
    nil_deref_panic(Some(&si))
}

/// The nil-dereference panic (a `runtime.Error`), recording the fault
/// `si` that caused it, if any, for the `[signal ...]` line.
pub fn nil_deref_panic(si: Option<&SigInfo>) -> ! {
    if let Some(si) = si {
        record_signal(si);
    }
    rterror::raise_msg(
        Kind::ErrorString,
        b"invalid memory address or nil pointer dereference",
    )
}

/// Remember the fault behind the panic about to be raised (Go's gp.sig).
pub fn record_signal(si: &SigInfo) {
    let g = proc::curg_ptr();
    if !g.is_null() {
        unsafe {
            (*g).sig = si.sig as u64;
            (*g).sigcode = si.code as u32 as u64;
            (*g).sigaddr = si.addr as u64;
            (*g).sigpc = si.pc as u64;
        }
    }
}

/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_panic_runtime_error(ptr: *const u8, len: i64) -> ! {
    let b = bytes(ptr, len);
    rterror::raise_msg(Kind::ErrorString, b)
}

/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_panic_plain_error(ptr: *const u8, len: i64) -> ! {
    rterror::raise_msg(Kind::Plain, bytes(ptr, len))
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
