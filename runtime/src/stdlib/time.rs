//! Package time: the clocks, Sleep, and the runtime half of Timer and
//! Ticker. A `time.runtimeTimer` starts with the runtime's own `Timer`
//! (timer.rs) and goes on with what firing does: `kind` (1: send the time
//! on `c` without blocking; 2: start `fn` in a new goroutine), `c`, `fn`.

use crate::timer::{self, Timer};
use crate::{chan, proc, sys};

/// The Go-side timer: the runtime's `Timer`, then the firing details.
#[repr(C)]
pub struct GoTimer {
    t: Timer,
    kind: i64,
    c: *mut chan::HChan,
    fnval: usize,
}

/// `time.Time` as the time package lays it out.
#[repr(C)]
struct GoTime {
    wall: i64,
    mono: i64,
    has_mono: bool,
}

const SEND_TIME: i64 = 1;
const GO_FUNC: i64 = 2;

fn fire(arg: usize, _seq: usize, _delta: i64) {
    let gt = unsafe { &*(arg as *const GoTimer) };
    match gt.kind {
        SEND_TIME => {
            let now = GoTime {
                wall: sys::walltime(),
                mono: sys::nanotime(),
                has_mono: true,
            };
            // A full channel drops the tick, as Go's timer channels do.
            chan::chansend(gt.c, &now as *const GoTime as *const u8, false);
        }
        GO_FUNC => proc::goc_newproc(gt.fnval),
        _ => {}
    }
}

/// `func startTimer(t *runtimeTimer)`
#[no_mangle]
pub extern "C" fn goc_pkg_time_startTimer(t: *mut GoTimer) {
    unsafe {
        (*t).t.f = Some(fire);
        (*t).t.arg = t as usize;
        timer::add(&mut (*t).t, (*t).t.when);
    }
}

/// `func stopTimer(t *runtimeTimer) bool`
#[no_mangle]
pub extern "C" fn goc_pkg_time_stopTimer(t: *mut GoTimer) -> bool {
    unsafe { timer::stop(&mut (*t).t) }
}

/// `func Sleep(d Duration)`
#[no_mangle]
pub extern "C" fn goc_pkg_time_Sleep(d: i64) {
    timer::goc_time_sleep(d)
}

/// `func runtime_nanotime() int64`
#[no_mangle]
pub extern "C" fn goc_pkg_time_runtime_nanotime() -> i64 {
    sys::nanotime()
}

/// `func runtime_walltime() int64`
#[no_mangle]
pub extern "C" fn goc_pkg_time_runtime_walltime() -> i64 {
    sys::walltime()
}
