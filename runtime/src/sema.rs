//! Semaphores for the sync package, as Go's sema.go: goroutines that wait
//! for a `sync.Mutex`, `RWMutex`, `WaitGroup` or `Cond` park here, so
//! waiting costs no CPU.
//!
//! A semaphore is a u32 count somewhere in a Go object. `semacquire(addr)`
//! takes one unit (decrementing the count) or parks until a release lets it;
//! `semrelease(addr)` adds one and wakes a waiter. Waiters live in one of
//! `TABLE` buckets chosen by address, each a mutex and a list of
//! (address, goroutine) records.
//!
//! Invariants (per bucket, under its lock):
//! * every parked waiter for `addr` is in its bucket's list, in arrival
//!   order (`lifo` waiters, the Mutex's starving retries, go to the front);
//! * `nwait` counts the waiters, so a release with nobody waiting never
//!   takes the lock;
//! * a waiter rechecks the count after registering in `nwait` and before
//!   parking, under the lock, so a release between its fast-path failure
//!   and its parking cannot be missed: the releaser increments the count
//!   first, then looks for waiters under the same lock.
//!
//! A woken waiter either received the unit directly (`handoff`: the
//! releaser took it on the waiter's behalf and yields to it, as Go's
//! starving Mutex does) or competes for it again.

use crate::lock::Mutex;
use crate::proc::{self, WaitReason, G};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicU32, Ordering};

const TABLE: usize = 251;

struct Waiter {
    addr: usize,
    g: *mut G,
    next: *mut Waiter,
    /// Set by a handoff release: the unit is already ours.
    granted: bool,
}

struct Bucket {
    lock: Mutex,
    nwait: AtomicU32,
    head: *mut Waiter,
}

static mut BUCKETS: [Bucket; TABLE] = [const {
    Bucket {
        lock: Mutex::new(),
        nwait: AtomicU32::new(0),
        head: null_mut(),
    }
}; TABLE];

fn bucket(addr: usize) -> &'static mut Bucket {
    unsafe { &mut (*core::ptr::addr_of_mut!(BUCKETS))[(addr >> 3) % TABLE] }
}

fn cansemacquire(count: &AtomicU32) -> bool {
    let mut v = count.load(Ordering::Acquire);
    while v > 0 {
        match count.compare_exchange_weak(v, v - 1, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return true,
            Err(now) => v = now,
        }
    }
    false
}

/// Wait reasons passed by the sync package (`goc_semacquire`'s `reason`).
fn reason(code: u32) -> WaitReason {
    match code {
        1 => WaitReason::SyncMutexLock,
        2 => WaitReason::SyncRWMutexLock,
        3 => WaitReason::SyncRWMutexRLock,
        4 => WaitReason::SyncWaitGroupWait,
        5 => WaitReason::SyncCondWait,
        _ => WaitReason::Semacquire,
    }
}

/// Take one unit of the semaphore at `addr`, parking until one is free.
/// `lifo` queues this waiter first (a Mutex waiter that already waited).
#[no_mangle]
pub extern "C" fn goc_semacquire(addr: *mut u32, lifo: bool, why: u32) {
    let count = unsafe { AtomicU32::from_ptr(addr) };
    if cansemacquire(count) {
        return;
    }
    let b = bucket(addr as usize);
    let mut w = Waiter {
        addr: addr as usize,
        g: proc::curg_ptr(),
        next: null_mut(),
        granted: false,
    };
    loop {
        b.lock.lock();
        b.nwait.fetch_add(1, Ordering::AcqRel);
        if cansemacquire(count) {
            b.nwait.fetch_sub(1, Ordering::AcqRel);
            b.lock.unlock();
            return;
        }
        enqueue(b, &mut w, lifo);
        proc::goparkunlock(&b.lock, reason(why));
        if w.granted || cansemacquire(count) {
            return;
        }
    }
}

fn enqueue(b: &mut Bucket, w: *mut Waiter, lifo: bool) {
    unsafe {
        (*w).next = null_mut();
        if lifo || b.head.is_null() {
            (*w).next = b.head;
            b.head = w;
            return;
        }
        let mut p = b.head;
        while !(*p).next.is_null() {
            p = (*p).next;
        }
        (*p).next = w;
    }
}

/// Give back one unit of the semaphore at `addr` and wake one waiter;
/// with `handoff`, the unit goes straight to that waiter, which runs next.
#[no_mangle]
pub extern "C" fn goc_semrelease(addr: *mut u32, handoff: bool) {
    let count = unsafe { AtomicU32::from_ptr(addr) };
    count.fetch_add(1, Ordering::AcqRel);
    let b = bucket(addr as usize);
    if b.nwait.load(Ordering::Acquire) == 0 {
        return;
    }
    b.lock.lock();
    if b.nwait.load(Ordering::Acquire) == 0 {
        b.lock.unlock();
        return;
    }
    // The first waiter for this address.
    let mut prev: *mut Waiter = null_mut();
    let mut w = b.head;
    unsafe {
        while !w.is_null() && (*w).addr != addr as usize {
            prev = w;
            w = (*w).next;
        }
        if w.is_null() {
            b.lock.unlock();
            return;
        }
        if prev.is_null() {
            b.head = (*w).next;
        } else {
            (*prev).next = (*w).next;
        }
        b.nwait.fetch_sub(1, Ordering::AcqRel);
        let granted = handoff && cansemacquire(count);
        (*w).granted = granted;
        let g = (*w).g;
        b.lock.unlock();
        proc::ready(g);
        if granted {
            // Let the waiter run now, as Go's starving Mutex hands off.
            proc::goc_gosched();
        }
    }
}
