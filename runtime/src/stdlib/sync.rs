//! Package sync: the runtime side of its blocking (semaphores, sema.rs),
//! spinning, fatal misuse errors and Cond's notify list.

use crate::lock::Mutex;
use crate::proc::{self, WaitReason, G};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicU32, Ordering};

/// `func runtime_semacquire(s *uint32, lifo bool, reason int)`
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_semacquire(s: *mut u32, lifo: bool, reason: i64) {
    crate::sema::goc_semacquire(s, lifo, reason as u32);
}

/// `func runtime_semrelease(s *uint32, handoff bool)`
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_semrelease(s: *mut u32, handoff: bool) {
    crate::sema::goc_semrelease(s, handoff);
}

/// `func runtime_canSpin(iter int) bool`: spinning on a held Mutex is
/// worth it only for a few rounds, on a multicore machine, with several
/// Ps and nothing else queued on this one (Go's rule).
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_canSpin(iter: i64) -> bool {
    if iter >= 4 || unsafe { proc::GOMAXPROCS } <= 1 || crate::sys::ncpu_cached() <= 1 {
        return false;
    }
    let p = unsafe { (*proc::getm()).p };
    !p.is_null() && unsafe { (*p).runq.is_empty() }
}

/// `func runtime_doSpin()`
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_doSpin() {
    for _ in 0..30 {
        core::hint::spin_loop();
    }
}

/// `func runtime_nanotime() int64`
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_nanotime() -> i64 {
    crate::sys::nanotime()
}

/// `func fatal(msg string)`: Go's unrecoverable `fatal error: msg`.
#[no_mangle]
pub extern "C" fn goc_pkg_sync_fatal(ptr: *const u8, len: i64) {
    let msg = unsafe { core::slice::from_raw_parts(ptr, len as usize) };
    crate::panic::fatal_user(msg)
}

// ---- notify lists (sync.Cond) ----

/// Mirrors `sync.notifyList`: tickets are handed out by `wait` and
/// served in order by `notify`; waiters are linked in ticket order.
#[repr(C)]
pub struct NotifyList {
    wait: AtomicU32,
    notify: u32,
    lock: Mutex,
    _pad: u32,
    head: *mut NWaiter,
    tail: *mut NWaiter,
}

struct NWaiter {
    ticket: u32,
    g: *mut G,
    next: *mut NWaiter,
}

/// Ticket `t` is before-or-equal `n` in wrapping order.
fn less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// `func runtime_notifyListAdd(l *notifyList) uint32`: take a ticket.
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_notifyListAdd(l: *mut NotifyList) -> u32 {
    unsafe { (*l).wait.fetch_add(1, Ordering::AcqRel) }
}

/// `func runtime_notifyListWait(l *notifyList, t uint32)`: park until
/// ticket `t` is notified (at once if it already was).
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_notifyListWait(l: *mut NotifyList, t: u32) {
    let l = unsafe { &mut *l };
    l.lock.lock();
    if less(t, l.notify) {
        l.lock.unlock();
        return;
    }
    let mut w = NWaiter {
        ticket: t,
        g: proc::curg_ptr(),
        next: null_mut(),
    };
    if l.tail.is_null() {
        l.head = &mut w;
    } else {
        unsafe { (*l.tail).next = &mut w };
    }
    l.tail = &mut w;
    proc::goparkunlock(&l.lock, WaitReason::SyncCondWait);
}

/// `func runtime_notifyListNotifyAll(l *notifyList)`
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_notifyListNotifyAll(l: *mut NotifyList) {
    let l = unsafe { &mut *l };
    if l.wait.load(Ordering::Acquire) == l.notify {
        return;
    }
    l.lock.lock();
    let mut w = l.head;
    l.head = null_mut();
    l.tail = null_mut();
    l.notify = l.wait.load(Ordering::Acquire);
    l.lock.unlock();
    while !w.is_null() {
        unsafe {
            let next = (*w).next;
            proc::ready((*w).g);
            w = next;
        }
    }
}

/// `func runtime_notifyListNotifyOne(l *notifyList)`: wake the holder of
/// the oldest unnotified ticket (it may not have parked yet; then it will
/// see its ticket served and not park).
#[no_mangle]
pub extern "C" fn goc_pkg_sync_runtime_notifyListNotifyOne(l: *mut NotifyList) {
    let l = unsafe { &mut *l };
    if l.wait.load(Ordering::Acquire) == l.notify {
        return;
    }
    l.lock.lock();
    let t = l.notify;
    if t == l.wait.load(Ordering::Acquire) {
        l.lock.unlock();
        return;
    }
    l.notify = t.wrapping_add(1);
    let mut prev: *mut NWaiter = null_mut();
    let mut w = l.head;
    unsafe {
        while !w.is_null() {
            if (*w).ticket == t {
                let next = (*w).next;
                if prev.is_null() {
                    l.head = next;
                } else {
                    (*prev).next = next;
                }
                if l.tail == w {
                    l.tail = prev;
                }
                let g = (*w).g;
                l.lock.unlock();
                proc::ready(g);
                return;
            }
            prev = w;
            w = (*w).next;
        }
    }
    l.lock.unlock();
}
