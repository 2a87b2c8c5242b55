//! select, as Go's select.go.
//!
//! The compiler passes the cases as an array of `Scase { c, elem }`, the
//! `nsends` send cases first, then the `nrecvs` receive cases, plus a
//! scratch array of `2 * ncases` u16 for the poll and lock orders.
//! `goc_selectgo` returns the index of the chosen case (-1 when `block` is
//! false and no case is ready, i.e. `default`) and, for a receive, whether
//! a value was received (false: the channel was closed).
//!
//! The algorithm:
//! 1. the poll order is a uniformly random permutation of the cases with a
//!    non-nil channel (so ready cases are chosen uniformly);
//!    the lock order sorts them by channel address, so two selects locking
//!    the same channels cannot deadlock; a channel named twice is locked
//!    once;
//! 2. with every channel locked, the first ready case in poll order wins;
//! 3. if none is ready and the select blocks, a sudog is queued on every
//!    channel and the goroutine parks; g0 unlocks the channels after the
//!    switch. The first channel operation that claims `g.selectdone`
//!    completes its case and readies the goroutine; other channels skip its
//!    sudogs (WaitQ::dequeue);
//! 4. woken, it locks everything again, unlinks its sudogs from the
//!    channels that did not win, and reports the winner.
//!
//! A select with no cases (or only nil channels) and no default blocks
//! forever.

use crate::chan::{HChan, Sudog};
use crate::proc::{self, WaitReason, G};
use core::ptr::null_mut;
use core::sync::atomic::Ordering;

#[repr(C)]
pub struct Scase {
    pub c: *mut HChan,
    pub elem: *mut u8,
}

/// The result of `goc_selectgo`: returned in two registers.
#[repr(C)]
pub struct SelectResult {
    pub index: i64,
    pub recv_ok: bool,
}

unsafe fn sellock(cases: *const Scase, lockorder: &[u16]) {
    let mut prev: *mut HChan = null_mut();
    for &o in lockorder {
        let c = (*cases.add(o as usize)).c;
        if c != prev {
            prev = c;
            (*c).lock.lock();
        }
    }
}

unsafe fn selunlock(cases: *const Scase, lockorder: &[u16]) {
    // Unlock in reverse; a channel named twice is unlocked once (at its
    // first occurrence in lock order).
    let n = lockorder.len();
    for i in (0..n).rev() {
        let c = (*cases.add(lockorder[i] as usize)).c;
        if i > 0 && c == (*cases.add(lockorder[i - 1] as usize)).c {
            continue;
        }
        (*c).lock.unlock();
    }
}

struct ParkArgs {
    cases: *const Scase,
    lockorder: *const u16,
    n: usize,
}

fn selparkcommit(_gp: *mut G, arg: usize) -> bool {
    unsafe {
        let a = &*(arg as *const ParkArgs);
        selunlock(a.cases, core::slice::from_raw_parts(a.lockorder, a.n));
    }
    true
}

/// Heap-sort `order` by channel address.
unsafe fn sort_by_chan(cases: *const Scase, order: &mut [u16]) {
    let key = |i: u16| (*cases.add(i as usize)).c as usize;
    let n = order.len();
    let sift = |order: &mut [u16], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && key(order[child]) < key(order[child + 1]) {
            child += 1;
        }
        if key(order[root]) >= key(order[child]) {
            break;
        }
        order.swap(root, child);
        root = child;
    };
    for i in (0..n / 2).rev() {
        sift(order, i, n);
    }
    for end in (1..n).rev() {
        order.swap(0, end);
        sift(order, 0, end);
    }
}

/// Run a select; see the file comment.
///
/// # Safety
/// `cases` must point at `nsends + nrecvs` cases and `order` at twice as
/// many u16s.
#[no_mangle]
pub unsafe extern "C" fn goc_selectgo(
    cases: *mut Scase,
    order: *mut u16,
    nsends: i64,
    nrecvs: i64,
    block: bool,
) -> SelectResult {
    let ncases = (nsends + nrecvs) as usize;
    let nsends = nsends as usize;
    let all = core::slice::from_raw_parts_mut(order, 2 * ncases);
    let (pollbuf, lockbuf) = all.split_at_mut(ncases);

    // Poll order: insert each non-nil case at a random position.
    let mut norder = 0;
    for i in 0..ncases {
        if (*cases.add(i)).c.is_null() {
            continue;
        }
        let j = proc::fastrandn(norder as u32 + 1) as usize;
        pollbuf[norder] = pollbuf[j];
        pollbuf[j] = i as u16;
        norder += 1;
    }
    let pollorder = &pollbuf[..norder];
    let lockorder = &mut lockbuf[..norder];
    lockorder.copy_from_slice(pollorder);
    sort_by_chan(cases, lockorder);

    if norder == 0 {
        if !block {
            return SelectResult {
                index: -1,
                recv_ok: false,
            };
        }
        proc::gopark(None, 0, WaitReason::SelectNoCases);
        crate::panic::throw("unreachable");
    }

    sellock(cases, lockorder);

    // Pass 1: a ready case, in poll order.
    for &ci in pollorder.iter() {
        let i = ci as usize;
        let cas = &*cases.add(i);
        let ch = &mut *cas.c;
        if i < nsends {
            if ch.is_closed() {
                selunlock(cases, lockorder);
                crate::panic::runtime_error_plain(b"send on closed channel");
            }
            let sg = ch.recvq.dequeue();
            if !sg.is_null() {
                unlock_except(cases, lockorder, cas.c);
                ch.send_to(sg, cas.elem);
                return SelectResult {
                    index: i as i64,
                    recv_ok: false,
                };
            }
            if ch.qcount < ch.dataqsiz {
                ch.buf_send(cas.elem);
                selunlock(cases, lockorder);
                return SelectResult {
                    index: i as i64,
                    recv_ok: false,
                };
            }
        } else {
            let sg = ch.sendq.dequeue();
            if !sg.is_null() {
                unlock_except(cases, lockorder, cas.c);
                ch.recv_from(sg, cas.elem);
                return SelectResult {
                    index: i as i64,
                    recv_ok: true,
                };
            }
            if ch.qcount > 0 {
                ch.buf_recv(cas.elem);
                selunlock(cases, lockorder);
                return SelectResult {
                    index: i as i64,
                    recv_ok: true,
                };
            }
            if ch.is_closed() {
                selunlock(cases, lockorder);
                ch.zero_elem(cas.elem);
                return SelectResult {
                    index: i as i64,
                    recv_ok: false,
                };
            }
        }
    }

    if !block {
        selunlock(cases, lockorder);
        return SelectResult {
            index: -1,
            recv_ok: false,
        };
    }

    // Pass 2: queue a sudog on every channel, in lock order.
    let gp = proc::curg_ptr();
    let g = &mut *gp;
    g.selectdone.store(0, Ordering::Release);
    g.param = 0;
    let mut head: *mut Sudog = null_mut();
    let mut tail: *mut Sudog = null_mut();
    for &ci in lockorder.iter() {
        let i = ci as usize;
        let cas = &*cases.add(i);
        let sg = crate::sudog::acquire();
        (*sg).g = gp;
        (*sg).is_select = true;
        (*sg).elem = cas.elem;
        (*sg).c = cas.c;
        (*sg).casi = i;
        (*sg).success = false;
        (*sg).waitlink = null_mut();
        if tail.is_null() {
            head = sg;
        } else {
            (*tail).waitlink = sg;
        }
        tail = sg;
        if i < nsends {
            (*cas.c).sendq.enqueue(sg);
        } else {
            (*cas.c).recvq.enqueue(sg);
        }
    }
    g.waiting = head;
    let args = ParkArgs {
        cases,
        lockorder: lockorder.as_ptr(),
        n: lockorder.len(),
    };
    proc::gopark(
        Some(selparkcommit),
        &args as *const ParkArgs as usize,
        WaitReason::Select,
    );

    // Pass 3: woken by the winner; unlink the other sudogs.
    let g = &mut *proc::curg_ptr();
    sellock(cases, lockorder);
    let winner = g.param as *mut Sudog;
    g.param = 0;
    let mut sg = g.waiting;
    g.waiting = null_mut();
    let mut chosen = usize::MAX;
    let mut recv_ok = false;
    while !sg.is_null() {
        let next = (*sg).waitlink;
        let i = (*sg).casi;
        if sg == winner {
            chosen = i;
            recv_ok = (*sg).success;
        } else if i < nsends {
            (*(*sg).c).sendq.remove(sg);
        } else {
            (*(*sg).c).recvq.remove(sg);
        }
        crate::sudog::release(sg);
        sg = next;
    }
    selunlock(cases, lockorder);
    if chosen == usize::MAX {
        crate::panic::throw("selectgo: bad wakeup");
    }
    if chosen < nsends && !recv_ok {
        // Woken by close.
        crate::panic::runtime_error_plain(b"send on closed channel");
    }
    SelectResult {
        index: chosen as i64,
        recv_ok: chosen >= nsends && recv_ok,
    }
}

/// Unlock every channel but `keep` (whose lock the completing operation
/// releases).
unsafe fn unlock_except(cases: *const Scase, lockorder: &[u16], keep: *mut HChan) {
    let mut prev: *mut HChan = null_mut();
    for &o in lockorder {
        let c = (*cases.add(o as usize)).c;
        if c != prev {
            prev = c;
            if c != keep {
                (*c).lock.unlock();
            }
        }
    }
}
