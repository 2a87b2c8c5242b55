//! Package os/signal: the runtime side of `Notify`, `Stop`, `Ignore` and
//! `Reset` (sigqueue.rs). Signal numbers outside 1..=64 are ignored.

use crate::sigqueue;

/// `func signal_enable(sig int)`
#[no_mangle]
pub extern "C" fn goc_pkg_os_signal_signal_enable(sig: i64) {
    sigqueue::enable(sig as usize)
}

/// `func signal_disable(sig int)`
#[no_mangle]
pub extern "C" fn goc_pkg_os_signal_signal_disable(sig: i64) {
    sigqueue::disable(sig as usize)
}

/// `func signal_ignore(sig int)`
#[no_mangle]
pub extern "C" fn goc_pkg_os_signal_signal_ignore(sig: i64) {
    sigqueue::ignore(sig as usize)
}

/// `func signal_ignored(sig int) bool`
#[no_mangle]
pub extern "C" fn goc_pkg_os_signal_signal_ignored(sig: i64) -> bool {
    sigqueue::ignored(sig as usize)
}

/// `func signal_recv() uint64`: parks until a wanted signal arrived; the
/// mask of the signals that did (bit n-1 for signal n).
#[no_mangle]
pub extern "C" fn goc_pkg_os_signal_signal_recv() -> u64 {
    sigqueue::recv()
}
