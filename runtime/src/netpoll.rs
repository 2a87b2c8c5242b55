//! The network poller: goroutines wait for file descriptors, threads do
//! not, as Go's netpoll.go and netpoll_epoll.go.
//!
//! Descriptors the poller manages (sockets, and whatever else package
//! internal/poll opens) are non-blocking. A goroutine whose read or write
//! returns EAGAIN parks on the descriptor's [`PollDesc`]; one epoll
//! instance (made on first use) watches every registered descriptor,
//! edge-triggered for input, output and peer hang-up; `netpoll` asks it what
//! became ready and returns the goroutines to run.
//!
//! Who calls `netpoll`:
//! * `findrunnable` (schedule.rs), without blocking, when its P has no work,
//!   before stealing;
//! * an M that found nothing to run at all blocks in `epoll_wait` instead of
//!   sleeping on its note, with a timeout up to the next timer (one such M
//!   at a time: the one that takes `LASTPOLL` from non-zero to zero). An
//!   earlier timer, or work for it, wakes it through an eventfd registered
//!   in the same epoll set ([`wake`]);
//! * sysmon, without blocking, when nobody has polled for 10 ms.
//!
//! The wait state of each direction (`rg` for reads, `wg` for writes) is
//! one atomic word, so that a readiness event arriving between "the read
//! returned EAGAIN" and "the goroutine is parked" is never lost:
//! * `PD_NIL`: nobody waits and no event is pending;
//! * `PD_READY`: an event arrived that nobody consumed yet; the next waiter
//!   takes it (back to `PD_NIL`) and retries its call without parking;
//! * `PD_WAIT`: a goroutine is about to park; the park's commit (run on g0
//!   after the switch) swaps in the G pointer, or finds `PD_READY` and lets
//!   the goroutine run on;
//! * a G pointer: that goroutine is parked; whoever changes the word away
//!   from it readies it (exactly once: every change is a compare-exchange).
//!
//! Errors a waiter can see: the descriptor is being closed (`closing`, set
//! by `pollUnblock`, which readies both waiters), or the direction's
//! deadline passed (`rd`/`wd` < 0, set by a runtime timer that readies the
//! waiter). Deadlines are monotonic nanoseconds, 0 meaning none; each
//! direction's timer carries a sequence number so a timer that fires after
//! its deadline was changed does nothing.
//!
//! Records live in persistent memory (never freed, recycled on a free list
//! under `FREE_LOCK`), so a late epoll event naming a closed descriptor
//! reads a valid record; the event's data word carries the record's address
//! and 16 bits of its `fdseq`, bumped at every close, and stale events are
//! dropped. A record is freed only when no goroutine can use it any more:
//! internal/poll counts the operations in flight and closes the descriptor
//! when the last one ends.
//!
//! Rejected: level-triggered registration (it would report a readable
//! socket at every poll until drained, and need re-arming or removal per
//! wait); one epoll instance per P (a goroutine may park on one P and be
//! woken on another; one instance keeps the accounting simple).
//!
//! Frames stay small: the event buffer is static, used by one poller at a
//! time (`BUF_BUSY`); a poller that finds it taken returns nothing, which is
//! harmless since the holder reports every event.

use crate::lock::Mutex;
use crate::proc::{self, WaitReason, G};
use crate::timer::{self, Timer};
use crate::{arch, sys};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicU32, AtomicUsize, Ordering};

const EPOLLIN: u32 = 0x1;
const EPOLLOUT: u32 = 0x4;
const EPOLLERR: u32 = 0x8;
const EPOLLHUP: u32 = 0x10;
const EPOLLRDHUP: u32 = 0x2000;
const EPOLLET: u32 = 0x8000_0000;
const EPOLL_CTL_ADD: usize = 1;
const EPOLL_CTL_DEL: usize = 2;
const O_CLOEXEC: usize = 0x80000;
const EFD_NONBLOCK: usize = 0x800;

/// `struct epoll_event`: packed (12 bytes) on x86_64, 16 bytes with the
/// data word aligned on aarch64.
#[cfg(target_arch = "x86_64")]
#[repr(C, packed)]
#[derive(Clone, Copy)]
struct EpollEvent {
    events: u32,
    data: u64,
}
#[cfg(target_arch = "aarch64")]
#[repr(C)]
#[derive(Clone, Copy)]
struct EpollEvent {
    events: u32,
    data: u64,
}

const NEVENTS: usize = 128;
static mut EVENTS: [EpollEvent; NEVENTS] = [EpollEvent { events: 0, data: 0 }; NEVENTS];
static BUF_BUSY: AtomicBool = AtomicBool::new(false);

const PD_NIL: usize = 0;
const PD_READY: usize = 1;
const PD_WAIT: usize = 2;

/// Results of `check`/`wait` (internal/poll's codes).
pub const POLL_OK: i64 = 0;
pub const POLL_CLOSING: i64 = 1;
pub const POLL_TIMEOUT: i64 = 2;

/// One registered descriptor.
#[repr(C)]
pub struct PollDesc {
    link: *mut PollDesc,
    fd: i32,
    /// Bumped when the record is closed: stale epoll events are dropped.
    fdseq: AtomicU32,
    rg: AtomicUsize,
    wg: AtomicUsize,
    closing: AtomicBool,
    /// Guards the deadlines, their timers and their sequence numbers.
    lock: Mutex,
    rd: AtomicI64,
    wd: AtomicI64,
    rseq: usize,
    wseq: usize,
    rt: Timer,
    wt: Timer,
}

static EPFD: AtomicI32 = AtomicI32::new(-1);
static EVENTFD: AtomicI32 = AtomicI32::new(-1);
static INIT_LOCK: Mutex = Mutex::new();
/// Goroutines parked on descriptors (or about to be).
static WAITERS: AtomicI64 = AtomicI64::new(0);
/// When the poller was last asked; 0 while an M blocks in it.
pub static LASTPOLL: AtomicI64 = AtomicI64::new(0);
/// Until when the blocked poller sleeps (i64::MAX: no timeout).
static POLL_UNTIL: AtomicI64 = AtomicI64::new(0);
/// A wake-up was written to the eventfd and not read yet.
static WAKE_PENDING: AtomicBool = AtomicBool::new(false);
/// The eventfd's marker in epoll data words (no record has this address).
const WAKE_DATA: u64 = 1;

static FREE_LOCK: Mutex = Mutex::new();
static mut FREE: *mut PollDesc = null_mut();

/// Whether the poller exists (some descriptor was registered).
#[inline]
pub fn inited() -> bool {
    EPFD.load(Ordering::Acquire) >= 0
}

/// Whether a goroutine waits on a descriptor.
#[inline]
pub fn any_waiters() -> bool {
    WAITERS.load(Ordering::Acquire) > 0
}

fn init() {
    INIT_LOCK.lock();
    if EPFD.load(Ordering::Acquire) < 0 {
        let ep = unsafe { arch::syscall1(arch::SYS_EPOLL_CREATE1, O_CLOEXEC) };
        if ep < 0 {
            crate::panic::throw("runtime: netpollinit failed");
        }
        let efd = unsafe { arch::syscall2(arch::SYS_EVENTFD2, 0, O_CLOEXEC | EFD_NONBLOCK) };
        if efd < 0 {
            crate::panic::throw("runtime: netpollinit failed");
        }
        let mut ev = EpollEvent {
            events: EPOLLIN,
            data: WAKE_DATA,
        };
        let r = unsafe {
            arch::syscall4(
                arch::SYS_EPOLL_CTL,
                ep as usize,
                EPOLL_CTL_ADD,
                efd as usize,
                &mut ev as *mut EpollEvent as usize,
            )
        };
        if r < 0 {
            crate::panic::throw("runtime: netpollinit failed");
        }
        raise_nofile();
        EVENTFD.store(efd as i32, Ordering::Release);
        LASTPOLL.store(sys::nanotime(), Ordering::Release);
        EPFD.store(ep as i32, Ordering::Release);
    }
    INIT_LOCK.unlock();
}

/// Raise the soft limit on open descriptors to the hard one, as Go does at
/// start-up (goc does it when the first descriptor meets the poller: a
/// server with thousands of connections needs more than the usual 1024).
fn raise_nofile() {
    const RLIMIT_NOFILE: usize = 7;
    let mut old = [0u64; 2];
    unsafe {
        let r = arch::syscall4(
            arch::SYS_PRLIMIT64,
            0,
            RLIMIT_NOFILE,
            0,
            old.as_mut_ptr() as usize,
        );
        if r < 0 || old[0] >= old[1] {
            return;
        }
        let new = [old[1], old[1]];
        arch::syscall4(
            arch::SYS_PRLIMIT64,
            0,
            RLIMIT_NOFILE,
            new.as_ptr() as usize,
            0,
        );
    }
}

fn alloc_pd() -> *mut PollDesc {
    FREE_LOCK.lock();
    let pd = unsafe { FREE };
    if !pd.is_null() {
        unsafe { FREE = (*pd).link };
    }
    FREE_LOCK.unlock();
    if !pd.is_null() {
        return pd;
    }
    let pd = crate::persistent::alloc(core::mem::size_of::<PollDesc>(), 64, false) as *mut PollDesc;
    unsafe {
        pd.write(PollDesc {
            link: null_mut(),
            fd: -1,
            fdseq: AtomicU32::new(0),
            rg: AtomicUsize::new(PD_NIL),
            wg: AtomicUsize::new(PD_NIL),
            closing: AtomicBool::new(false),
            lock: Mutex::new(),
            rd: AtomicI64::new(0),
            wd: AtomicI64::new(0),
            rseq: 0,
            wseq: 0,
            rt: Timer::new(),
            wt: Timer::new(),
        })
    };
    pd
}

/// Register `fd` (already non-blocking); the record, or minus the errno.
pub fn open(fd: i32) -> Result<*mut PollDesc, i64> {
    if !inited() {
        init();
    }
    let pd = alloc_pd();
    let p = unsafe { &mut *pd };
    p.lock.lock();
    p.fd = fd;
    p.closing.store(false, Ordering::Release);
    p.rg.store(PD_NIL, Ordering::Release);
    p.wg.store(PD_NIL, Ordering::Release);
    p.rd.store(0, Ordering::Release);
    p.wd.store(0, Ordering::Release);
    p.rseq = p.rseq.wrapping_add(1);
    p.wseq = p.wseq.wrapping_add(1);
    let seq = p.fdseq.load(Ordering::Acquire);
    p.lock.unlock();
    let mut ev = EpollEvent {
        events: EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET,
        data: tag(pd, seq),
    };
    let r = unsafe {
        arch::syscall4(
            arch::SYS_EPOLL_CTL,
            EPFD.load(Ordering::Acquire) as usize,
            EPOLL_CTL_ADD,
            fd as usize,
            &mut ev as *mut EpollEvent as usize,
        )
    };
    if r < 0 {
        free(pd);
        return Err(-r as i64);
    }
    Ok(pd)
}

fn tag(pd: *mut PollDesc, seq: u32) -> u64 {
    (pd as u64) | ((seq as u64 & 0xffff) << 48)
}

/// Forget `pd` (its descriptor is about to be closed; no goroutine uses
/// the record any more).
pub fn close(pd: *mut PollDesc) {
    let p = unsafe { &mut *pd };
    if !p.closing.load(Ordering::Acquire) {
        crate::panic::throw("runtime: close polldesc w/o unblock");
    }
    unsafe {
        arch::syscall4(
            arch::SYS_EPOLL_CTL,
            EPFD.load(Ordering::Acquire) as usize,
            EPOLL_CTL_DEL,
            p.fd as usize,
            0,
        );
    }
    free(pd);
}

fn free(pd: *mut PollDesc) {
    unsafe {
        (*pd).fdseq.fetch_add(1, Ordering::AcqRel);
        FREE_LOCK.lock();
        (*pd).link = FREE;
        FREE = pd;
        FREE_LOCK.unlock();
    }
}

fn gword(p: &PollDesc, write: bool) -> &AtomicUsize {
    if write {
        &p.wg
    } else {
        &p.rg
    }
}

/// What a waiter in direction `write` would see now.
pub fn check(pd: *mut PollDesc, write: bool) -> i64 {
    let p = unsafe { &*pd };
    if p.closing.load(Ordering::Acquire) {
        return POLL_CLOSING;
    }
    let d = if write { &p.wd } else { &p.rd };
    if d.load(Ordering::Acquire) < 0 {
        return POLL_TIMEOUT;
    }
    POLL_OK
}

/// Park until `pd` is ready in direction `write` (or closing, or past its
/// deadline). Returns `POLL_OK` when the operation should be retried.
pub fn wait(pd: *mut PollDesc, write: bool) -> i64 {
    let e = check(pd, write);
    if e != POLL_OK {
        return e;
    }
    let p = unsafe { &*pd };
    let gw = gword(p, write);
    loop {
        if gw
            .compare_exchange(PD_READY, PD_NIL, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            return POLL_OK;
        }
        if gw
            .compare_exchange(PD_NIL, PD_WAIT, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            break;
        }
        let v = gw.load(Ordering::Acquire);
        if v != PD_READY && v != PD_NIL {
            crate::panic::throw("runtime: double wait");
        }
    }
    // Re-check after announcing the wait: a close or an expiry that ran
    // before saw nobody to wake.
    if check(pd, write) == POLL_OK {
        WAITERS.fetch_add(1, Ordering::AcqRel);
        fn commit(gp: *mut G, word: usize) -> bool {
            let w = unsafe { &*(word as *const AtomicUsize) };
            if w.compare_exchange(PD_WAIT, gp as usize, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                return true;
            }
            // An event or an error came first: run on.
            WAITERS.fetch_sub(1, Ordering::AcqRel);
            false
        }
        proc::gopark(
            Some(commit),
            gw as *const AtomicUsize as usize,
            WaitReason::IOWait,
        );
    }
    // Woken (or never parked): consume the state.
    let old = gw.swap(PD_NIL, Ordering::AcqRel);
    if old > PD_WAIT {
        crate::panic::throw("runtime: corrupted polldesc");
    }
    if old == PD_READY {
        return POLL_OK;
    }
    check(pd, write)
}

/// Change the direction's word for an event (`ioready`) or an error (not
/// `ioready`: closing, timeout); the goroutine to ready, or null.
fn unblock(pd: *mut PollDesc, write: bool, ioready: bool) -> *mut G {
    let p = unsafe { &*pd };
    let gw = gword(p, write);
    loop {
        let old = gw.load(Ordering::Acquire);
        if old == PD_READY {
            return null_mut();
        }
        if old == PD_NIL && !ioready {
            return null_mut();
        }
        let new = if ioready { PD_READY } else { PD_NIL };
        if gw
            .compare_exchange(old, new, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            if old == PD_WAIT || old == PD_NIL {
                return null_mut();
            }
            WAITERS.fetch_sub(1, Ordering::AcqRel);
            return old as *mut G;
        }
    }
}

/// The descriptor is being closed: wake its waiters with `POLL_CLOSING`
/// and stop its deadline timers.
pub fn evict(pd: *mut PollDesc) {
    let p = unsafe { &mut *pd };
    p.lock.lock();
    p.closing.store(true, Ordering::Release);
    p.rseq = p.rseq.wrapping_add(1);
    p.wseq = p.wseq.wrapping_add(1);
    timer::stop(&mut p.rt);
    timer::stop(&mut p.wt);
    let rg = unblock(pd, false, false);
    let wg = unblock(pd, true, false);
    p.lock.unlock();
    if !rg.is_null() {
        proc::ready(rg);
    }
    if !wg.is_null() {
        proc::ready(wg);
    }
}

fn deadline_fired(arg: usize, seq: usize, _delta: i64) {
    // arg: the record, with bit 0 set for the write direction.
    let write = arg & 1 != 0;
    let pd = (arg & !1) as *mut PollDesc;
    let p = unsafe { &mut *pd };
    p.lock.lock();
    let cur = if write { p.wseq } else { p.rseq };
    if cur != seq {
        p.lock.unlock();
        return;
    }
    if write {
        p.wd.store(-1, Ordering::Release);
    } else {
        p.rd.store(-1, Ordering::Release);
    }
    let g = unblock(pd, write, false);
    p.lock.unlock();
    if !g.is_null() {
        proc::ready(g);
    }
}

/// Set the deadline of reads (`mode` 'r'), writes ('w') or both ('r'+'w'):
/// `d` in monotonic nanoseconds, 0 for none, negative for "already past".
pub fn set_deadline(pd: *mut PollDesc, d: i64, mode: i64) {
    let p = unsafe { &mut *pd };
    let mut wake_r = null_mut();
    let mut wake_w = null_mut();
    p.lock.lock();
    if p.closing.load(Ordering::Acquire) {
        p.lock.unlock();
        return;
    }
    let dirs: [(bool, bool); 2] = [
        (false, mode == b'r' as i64 || mode == (b'r' + b'w') as i64),
        (true, mode == b'w' as i64 || mode == (b'r' + b'w') as i64),
    ];
    for (write, on) in dirs {
        if !on {
            continue;
        }
        let (dl, seq, t) = if write {
            p.wseq = p.wseq.wrapping_add(1);
            (&p.wd, p.wseq, &mut p.wt)
        } else {
            p.rseq = p.rseq.wrapping_add(1);
            (&p.rd, p.rseq, &mut p.rt)
        };
        timer::stop(t);
        dl.store(d, Ordering::Release);
        if d > 0 {
            t.f = Some(deadline_fired);
            t.arg = pd as usize | write as usize;
            t.seq = seq;
            t.period = 0;
            timer::add(t, d);
        } else if d < 0 {
            let g = unblock(pd, write, false);
            if write {
                wake_w = g;
            } else {
                wake_r = g;
            }
        }
    }
    p.lock.unlock();
    if !wake_r.is_null() {
        proc::ready(wake_r);
    }
    if !wake_w.is_null() {
        proc::ready(wake_w);
    }
}

/// Wake the M blocked in `netpoll`, if one is and it would sleep past
/// `when` (i64::MIN: in any case).
pub fn wake(when: i64) {
    if !inited() || LASTPOLL.load(Ordering::Acquire) != 0 {
        return;
    }
    if when != i64::MIN && when >= POLL_UNTIL.load(Ordering::Acquire) {
        return;
    }
    if WAKE_PENDING
        .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        return;
    }
    let one: u64 = 1;
    unsafe {
        arch::syscall3(
            crate::arch::SYS_WRITE,
            EVENTFD.load(Ordering::Acquire) as usize,
            &one as *const u64 as usize,
            8,
        );
    }
}

/// A list of goroutines made ready, linked through `schedlink`.
pub struct GList {
    pub head: *mut G,
    pub n: u32,
}

/// Ask epoll what is ready: `delay` < 0 blocks until something is, 0 does
/// not block, > 0 waits at most that many nanoseconds. Returns the
/// goroutines to run (not yet queued).
pub fn netpoll(delay: i64) -> GList {
    let mut list = GList {
        head: null_mut(),
        n: 0,
    };
    if !inited() {
        return list;
    }
    if BUF_BUSY
        .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        return list;
    }
    let timeout_ms: isize = if delay < 0 {
        -1
    } else if delay == 0 {
        0
    } else if delay < 1_000_000 {
        1
    } else if delay < 1_000_000_000_000 {
        (delay / 1_000_000) as isize
    } else {
        1_000_000
    };
    let ep = EPFD.load(Ordering::Acquire) as usize;
    let buf = core::ptr::addr_of_mut!(EVENTS) as *mut EpollEvent;
    let n = unsafe {
        arch::syscall6(
            arch::SYS_EPOLL_PWAIT,
            ep,
            buf as usize,
            NEVENTS,
            timeout_ms as usize,
            0,
            8,
        )
    };
    if n > 0 {
        for i in 0..n as usize {
            let ev = unsafe { *buf.add(i) };
            let (events, data) = (ev.events, ev.data);
            if data == WAKE_DATA {
                let mut v: u64 = 0;
                unsafe {
                    arch::syscall3(
                        crate::arch::SYS_READ,
                        EVENTFD.load(Ordering::Acquire) as usize,
                        &mut v as *mut u64 as usize,
                        8,
                    );
                }
                WAKE_PENDING.store(false, Ordering::Release);
                continue;
            }
            let pd = (data & ((1 << 48) - 1)) as *mut PollDesc;
            let seq = (data >> 48) as u32;
            if pd.is_null() || unsafe { (*pd).fdseq.load(Ordering::Acquire) } & 0xffff != seq {
                continue;
            }
            if events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR) != 0 {
                push(&mut list, unblock(pd, false, true));
            }
            if events & (EPOLLOUT | EPOLLHUP | EPOLLERR) != 0 {
                push(&mut list, unblock(pd, true, true));
            }
        }
    }
    BUF_BUSY.store(false, Ordering::Release);
    list
}

fn push(list: &mut GList, g: *mut G) {
    if g.is_null() {
        return;
    }
    unsafe {
        (*g).waitreason = WaitReason::None;
        (*g).status.store(proc::G_RUNNABLE, Ordering::Release);
        (*g).schedlink = list.head;
    }
    list.head = g;
    list.n += 1;
}

/// Block in the poller as the scheduler's idle M, until an event, a wake
/// or `until` (monotonic ns; i64::MAX: no timeout). Called by an M that
/// holds no P and won `LASTPOLL`.
pub fn block_until(until: i64) -> GList {
    // Publish the wake-up time first, then look at the timers again: a
    // timer added before the store is seen here, one added after it wakes
    // us (`wake`).
    POLL_UNTIL.store(until, Ordering::Release);
    let until = until.min(timer::earliest());
    let delay = if until == i64::MAX {
        -1
    } else {
        (until - sys::nanotime()).max(0)
    };
    let list = netpoll(delay);
    POLL_UNTIL.store(0, Ordering::Release);
    LASTPOLL.store(sys::nanotime(), Ordering::Release);
    list
}

/// Non-blocking poll; records the time for sysmon.
pub fn poll_now() -> GList {
    if !inited() || !any_waiters() {
        return GList {
            head: null_mut(),
            n: 0,
        };
    }
    let l = netpoll(0);
    if LASTPOLL.load(Ordering::Acquire) != 0 {
        LASTPOLL.store(sys::nanotime(), Ordering::Release);
    }
    l
}
