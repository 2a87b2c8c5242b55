//! Channels, as Go's chan.go.
//!
//! A channel is an `HChan`: a ring buffer of `dataqsiz` elements (none for
//! an unbuffered channel), the queues of goroutines blocked sending
//! (`sendq`) and receiving (`recvq`), each waiting goroutine represented by
//! a `Sudog` that points at the element it sends from or receives into,
//! and a lock guarding all of it.
//!
//! Invariants (under `lock`), as Go's:
//! * at least one of `sendq` and `recvq` is empty, except for an
//!   unbuffered channel with a single goroutine blocked in a select on both
//!   ends of it;
//! * buffered: `qcount > 0` implies `recvq` is empty, and
//!   `qcount < dataqsiz` implies `sendq` is empty.
//!
//! Hand-off is direct: a sender that finds a waiting receiver copies the
//! value straight into the receiver's element slot (on the receiver's
//! stack) and readies it; a receiver that finds a blocked sender takes its
//! value (unbuffered) or the buffer head, refilling the buffer from the
//! sender (buffered, so FIFO order holds). A woken goroutine learns whether
//! its operation completed from `Sudog::success` (false: the channel was
//! closed).
//!
//! A goroutine parks holding the channel lock, which g0 releases after the
//! switch (`goparkunlock`), so a waker that finds its sudog finds it off
//! its stack. Sudogs of a single send/receive live in the blocked frame
//! (the goroutine stack stays put while it is parked: stack.rs never moves
//! a goroutine parked in a channel operation or select); select's come from a per-P
//! cache (select.rs).
//!
//! Entry points for compiled code take the element by address: `elem`
//! points at a value of the channel's element type (or is null when a
//! receive discards it).

use crate::lock::Mutex;
use crate::proc::{self, WaitReason, G};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicU32, Ordering};

#[repr(C)]
pub struct HChan {
    /// Elements in the buffer (read racily by len()).
    pub qcount: usize,
    /// Buffer capacity (cap()).
    pub dataqsiz: usize,
    buf: *mut u8,
    elemsize: usize,
    pub closed: AtomicU32,
    sendx: usize,
    recvx: usize,
    pub recvq: WaitQ,
    pub sendq: WaitQ,
    pub lock: Mutex,
}

pub struct Sudog {
    pub g: *mut G,
    next: *mut Sudog,
    prev: *mut Sudog,
    /// Where the value is sent from or received into (may be null).
    pub elem: *mut u8,
    pub c: *mut HChan,
    /// Part of a select: only the first channel to claim `g.selectdone`
    /// may complete it.
    pub is_select: bool,
    /// The operation completed (false when woken by close).
    pub success: bool,
    /// Next sudog of the same blocked select (`G.waiting`).
    pub waitlink: *mut Sudog,
    /// The select case this sudog stands for.
    pub casi: usize,
}

impl Sudog {
    pub const fn new() -> Sudog {
        Sudog {
            g: null_mut(),
            next: null_mut(),
            prev: null_mut(),
            elem: null_mut(),
            c: null_mut(),
            is_select: false,
            success: false,
            waitlink: null_mut(),
            casi: 0,
        }
    }
}

impl Default for Sudog {
    fn default() -> Self {
        Sudog::new()
    }
}

pub struct WaitQ {
    first: *mut Sudog,
    last: *mut Sudog,
}

impl WaitQ {
    pub fn enqueue(&mut self, sg: *mut Sudog) {
        unsafe {
            (*sg).next = null_mut();
            (*sg).prev = self.last;
            if self.last.is_null() {
                self.first = sg;
            } else {
                (*self.last).next = sg;
            }
        }
        self.last = sg;
    }

    /// The first waiter that may still be completed (a select's sudog is
    /// skipped when another case of that select already won).
    pub fn dequeue(&mut self) -> *mut Sudog {
        loop {
            let sg = self.first;
            if sg.is_null() {
                return sg;
            }
            unsafe {
                self.first = (*sg).next;
                if self.first.is_null() {
                    self.last = null_mut();
                } else {
                    (*self.first).prev = null_mut();
                }
                (*sg).next = null_mut();
                if (*sg).is_select
                    && (*(*sg).g)
                        .selectdone
                        .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
                        .is_err()
                {
                    continue;
                }
            }
            return sg;
        }
    }

    /// Unlink `sg` if it is still queued here.
    pub fn remove(&mut self, sg: *mut Sudog) {
        unsafe {
            let (prev, next) = ((*sg).prev, (*sg).next);
            if !prev.is_null() {
                (*prev).next = next;
            } else if self.first == sg {
                self.first = next;
            } else {
                return; // not queued (already dequeued)
            }
            if !next.is_null() {
                (*next).prev = prev;
            } else {
                self.last = prev;
            }
            (*sg).next = null_mut();
            (*sg).prev = null_mut();
        }
    }
}

/// Element copies and clears may overwrite pointers in a heap object (a
/// buffer slot, a receiver's variable): write barrier first.
fn copy(dst: *mut u8, src: *const u8, n: usize) {
    if !dst.is_null() && n > 0 {
        crate::mgcwb::pre_write(dst, n);
        unsafe { core::ptr::copy_nonoverlapping(src, dst, n) };
    }
}

fn zero(dst: *mut u8, n: usize) {
    if !dst.is_null() && n > 0 {
        crate::mgcwb::pre_write(dst, n);
        unsafe { core::ptr::write_bytes(dst, 0, n) };
    }
}

impl HChan {
    fn slot(&self, i: usize) -> *mut u8 {
        unsafe { self.buf.add(i * self.elemsize) }
    }

    /// Complete a send to the waiting receiver `sg` (lock held; released
    /// here).
    pub fn send_to(&mut self, sg: *mut Sudog, ep: *const u8) {
        unsafe {
            copy((*sg).elem, ep, self.elemsize);
            self.complete(sg);
        }
    }

    /// The operation of the waiter `sg` is done: wake it (lock held;
    /// released here, before readying it).
    unsafe fn complete(&mut self, sg: *mut Sudog) {
        (*sg).elem = null_mut();
        (*sg).success = true;
        let gp = (*sg).g;
        (*gp).param = sg as usize;
        self.lock.unlock();
        proc::ready(gp);
    }

    /// Complete a receive from the blocked sender `sg` (lock held;
    /// released here).
    pub fn recv_from(&mut self, sg: *mut Sudog, ep: *mut u8) {
        unsafe {
            if self.dataqsiz == 0 {
                copy(ep, (*sg).elem, self.elemsize);
            } else {
                // The buffer is full: take its head, put the sender's value
                // at its tail (the same slot).
                let s = self.slot(self.recvx);
                copy(ep, s, self.elemsize);
                copy(s, (*sg).elem, self.elemsize);
                self.recvx += 1;
                if self.recvx == self.dataqsiz {
                    self.recvx = 0;
                }
                self.sendx = self.recvx;
            }
            self.complete(sg);
        }
    }

    /// Put `ep` in the buffer (lock held, room available).
    pub fn buf_send(&mut self, ep: *const u8) {
        copy(self.slot(self.sendx), ep, self.elemsize);
        self.sendx += 1;
        if self.sendx == self.dataqsiz {
            self.sendx = 0;
        }
        self.qcount += 1;
    }

    /// Take the buffer head into `ep` (lock held, buffer not empty).
    pub fn buf_recv(&mut self, ep: *mut u8) {
        let s = self.slot(self.recvx);
        copy(ep, s, self.elemsize);
        zero(s, self.elemsize);
        self.recvx += 1;
        if self.recvx == self.dataqsiz {
            self.recvx = 0;
        }
        self.qcount -= 1;
    }

    pub fn zero_elem(&self, ep: *mut u8) {
        zero(ep, self.elemsize);
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire) != 0
    }
}

/// `make(chan T, size)`; `t` is the channel type's descriptor. The
/// buffer is scanned by the element type's GC shape; the header
/// conservatively (its heap pointer is `buf`).
///
/// # Safety
/// `t` must be a channel type descriptor.
#[no_mangle]
pub unsafe extern "C" fn goc_makechan(t: *const u8, size: i64) -> *mut HChan {
    let et = crate::typedesc::Type::from_ptr(t).elem();
    let elemsize = et.size();
    if size < 0 || (elemsize > 0 && size as u64 > (crate::malloc::MAX_ALLOC / elemsize) as u64) {
        crate::panic::runtime_error_plain(b"makechan: size out of range");
    }
    let c = crate::malloc::mallocgc(core::mem::size_of::<HChan>(), crate::malloc::CONSERVATIVE)
        as *mut HChan;
    unsafe {
        let ch = &mut *c;
        ch.dataqsiz = size as usize;
        ch.elemsize = elemsize;
        ch.buf = if size > 0 && elemsize > 0 {
            crate::malloc::mallocgc(elemsize * size as usize, et.gcdata())
        } else {
            c as *mut u8 // never dereferenced with elemsize 0
        };
    }
    c
}

/// `c <- *elem`.
#[no_mangle]
pub extern "C" fn goc_chansend1(c: *mut HChan, elem: *const u8) {
    chansend(c, elem, true);
}

/// Send, blocking or not; returns whether the value was sent.
pub fn chansend(c: *mut HChan, ep: *const u8, block: bool) -> bool {
    if c.is_null() {
        if !block {
            return false;
        }
        proc::gopark(None, 0, WaitReason::ChanSendNilChan);
        crate::panic::throw("unreachable");
    }
    let ch = unsafe { &mut *c };
    if !block && !ch.is_closed() && full(ch) {
        return false;
    }
    ch.lock.lock();
    if ch.is_closed() {
        ch.lock.unlock();
        crate::panic::runtime_error_plain(b"send on closed channel");
    }
    let sg = ch.recvq.dequeue();
    if !sg.is_null() {
        ch.send_to(sg, ep);
        return true;
    }
    if ch.qcount < ch.dataqsiz {
        ch.buf_send(ep);
        ch.lock.unlock();
        return true;
    }
    if !block {
        ch.lock.unlock();
        return false;
    }
    let gp = proc::curg_ptr();
    let mut mysg = Sudog::new();
    mysg.g = gp;
    mysg.elem = ep as *mut u8;
    mysg.c = c;
    unsafe { (*gp).param = 0 };
    ch.sendq.enqueue(&mut mysg);
    proc::goparkunlock(&ch.lock, WaitReason::ChanSend);
    if !mysg.success {
        crate::panic::runtime_error_plain(b"send on closed channel");
    }
    true
}

fn full(ch: &HChan) -> bool {
    if ch.dataqsiz == 0 {
        return ch.recvq.first.is_null();
    }
    ch.qcount == ch.dataqsiz
}

/// `*elem = <-c` (elem may be null).
#[no_mangle]
pub extern "C" fn goc_chanrecv1(c: *mut HChan, elem: *mut u8) {
    chanrecv(c, elem, true);
}

/// `*elem, ok = <-c`.
#[no_mangle]
pub extern "C" fn goc_chanrecv2(c: *mut HChan, elem: *mut u8) -> bool {
    chanrecv(c, elem, true).1
}

/// Receive, blocking or not: (selected, received). A receive from a closed,
/// drained channel is selected with `received == false` and a zero value.
pub fn chanrecv(c: *mut HChan, ep: *mut u8, block: bool) -> (bool, bool) {
    if c.is_null() {
        if !block {
            return (false, false);
        }
        proc::gopark(None, 0, WaitReason::ChanReceiveNilChan);
        crate::panic::throw("unreachable");
    }
    let ch = unsafe { &mut *c };
    if !block && empty(ch) {
        if !ch.is_closed() {
            return (false, false);
        }
        // Closed: re-check emptiness (a send may have landed before close).
        if empty(ch) {
            ch.zero_elem(ep);
            return (true, false);
        }
    }
    ch.lock.lock();
    if ch.is_closed() && ch.qcount == 0 {
        ch.lock.unlock();
        ch.zero_elem(ep);
        return (true, false);
    }
    let sg = ch.sendq.dequeue();
    if !sg.is_null() {
        ch.recv_from(sg, ep);
        return (true, true);
    }
    if ch.qcount > 0 {
        ch.buf_recv(ep);
        ch.lock.unlock();
        return (true, true);
    }
    if !block {
        ch.lock.unlock();
        return (false, false);
    }
    let gp = proc::curg_ptr();
    let mut mysg = Sudog::new();
    mysg.g = gp;
    mysg.elem = ep;
    mysg.c = c;
    unsafe { (*gp).param = 0 };
    ch.recvq.enqueue(&mut mysg);
    proc::goparkunlock(&ch.lock, WaitReason::ChanReceive);
    (true, mysg.success)
}

fn empty(ch: &HChan) -> bool {
    if ch.dataqsiz == 0 {
        return ch.sendq.first.is_null();
    }
    ch.qcount == 0
}

/// `close(c)`.
#[no_mangle]
pub extern "C" fn goc_closechan(c: *mut HChan) {
    if c.is_null() {
        crate::panic::runtime_error_plain(b"close of nil channel");
    }
    let ch = unsafe { &mut *c };
    ch.lock.lock();
    if ch.is_closed() {
        ch.lock.unlock();
        crate::panic::runtime_error_plain(b"close of closed channel");
    }
    ch.closed.store(1, Ordering::Release);
    // Collect every waiter, then ready them after unlocking.
    let mut wake: *mut G = null_mut();
    loop {
        let sg = ch.recvq.dequeue();
        if sg.is_null() {
            break;
        }
        unsafe {
            ch.zero_elem((*sg).elem);
            (*sg).elem = null_mut();
            wake = push_wake(wake, sg);
        }
    }
    loop {
        let sg = ch.sendq.dequeue();
        if sg.is_null() {
            break;
        }
        unsafe {
            (*sg).elem = null_mut();
            wake = push_wake(wake, sg);
        }
    }
    ch.lock.unlock();
    while !wake.is_null() {
        let gp = wake;
        unsafe {
            wake = (*gp).schedlink;
            (*gp).schedlink = null_mut();
        }
        proc::ready(gp);
    }
}

unsafe fn push_wake(list: *mut G, sg: *mut Sudog) -> *mut G {
    (*sg).success = false;
    let gp = (*sg).g;
    (*gp).param = sg as usize;
    (*gp).schedlink = list;
    gp
}

/// `len(c)`.
#[no_mangle]
pub extern "C" fn goc_chanlen(c: *const HChan) -> i64 {
    if c.is_null() {
        0
    } else {
        unsafe { core::ptr::read_volatile(&(*c).qcount) as i64 }
    }
}

/// `cap(c)`.
#[no_mangle]
pub extern "C" fn goc_chancap(c: *const HChan) -> i64 {
    if c.is_null() {
        0
    } else {
        unsafe { (*c).dataqsiz as i64 }
    }
}
