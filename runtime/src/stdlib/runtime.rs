//! Package runtime: the scheduler's knobs and counters (proc.rs, stw.rs).

use crate::proc;

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
