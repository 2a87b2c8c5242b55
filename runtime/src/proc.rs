//! Goroutine scheduling: G, M and P, as in Go's proc.go. This file holds
//! the model, the structures, start-up and the life of a goroutine
//! (creation, parking, readying, exit); `mthread.rs` manages the Ms and the
//! idle Ps, `schedule.rs` is the loop that finds work, `runq.rs` the run
//! queues, `stw.rs` stopping the world, `sysmon.rs` preemption.
//!
//! * A **G** is a goroutine: a stack, a saved context (the stack pointer
//!   `goc_swapctx` left, with the callee-saved registers pushed below it) and
//!   scheduling state. Compiled code sees its G through the g register (r15
//!   on x86_64, x21 on aarch64); its first fields are fixed by `goc_abi::g`.
//! * An **M** is an OS thread, made with clone(2). Its thread pointer (fs on
//!   x86_64, tpidr_el0 on aarch64) points at its `M`, so Rust code finds
//!   the current M with [`getm`] and the current G as `getm().curg`. Each M
//!   runs the scheduler loop on its own stack (the system stack, g0) and
//!   switches into goroutines from there.
//! * A **P** is a processor: the right to run Go code. There are GOMAXPROCS
//!   of them; an M must hold one to run a goroutine. Each P has a local run
//!   queue (runq.rs) and `runnext`, the goroutine to run next (what the
//!   running goroutine just readied: pipelines hand off without a queue
//!   trip).
//!
//! A goroutine leaves the CPU only by switching to its M's g0 context
//! ([`mcall`]) with an [`Action`] saying what g0 must do with it: park it
//! (blocked on a channel, a timer, a semaphore), requeue it (Gosched,
//! preemption) or free it (exit). g0 does that *after* the goroutine is off
//! its stack, which is what makes "unlock after parking" safe: whoever
//! readies the goroutine must take the same lock, and so finds it fully
//! switched out.
//!
//! Finding work ([`findrunnable`]): runnext and the local queue; every 61st
//! schedule the global queue first (so it cannot starve); expired timers;
//! then, as a *spinning* M, stealing half of a random victim's queue. Idle
//! Ms park on their note. The spinning invariant, as Go's: if there is
//! work and an idle P, some M is spinning or about to be woken. `wakep`
//! (called when work is created) wakes at most one M, and only when no M
//! is spinning; a spinning M that finds work wakes another spinner in its
//! place. Before an M gives up its P it re-checks every queue after
//! dropping the spinning state, so work queued meanwhile is never missed.
//!
//! Invariants:
//! * A G is running on at most one M; `gp.status` is RUNNING exactly while
//!   some M's `curg` is it.
//! * Every runnable G is in exactly one place: a P's runnext, a P's ring,
//!   or the global queue.
//! * `sched.lock` guards the idle-M and idle-P lists and the global queue;
//!   a P's ring is lock-free (only its owner pushes; anyone may steal).
//! * An M holds no runtime lock across `mcall` except the one named in its
//!   park action, which g0 releases.
//!
//! Deadlock: when an M is about to sleep and every other M is asleep too,
//! no timer is pending and nothing is runnable, no goroutine can ever run
//! again: `fatal error: all goroutines are asleep - deadlock!`.
//!
//! Goroutine stacks start at 2 KiB and move when they grow or shrink
//! (stack.rs); a dead G keeps its stack only if it is of the minimum size.

use crate::lock::{Mutex, Note};
use crate::mthread::{acquirep, pidleput, wakep};
use crate::runq::{self, GQueue};
use crate::schedule::schedule;
use crate::{arch, print, stack, sys, timer};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, AtomicI64, AtomicPtr, AtomicU32, Ordering};
use goc_abi::g as abi;

pub const G_IDLE: u32 = 0;
pub const G_RUNNABLE: u32 = 1;
pub const G_RUNNING: u32 = 2;
pub const G_SYSCALL: u32 = 3;
pub const G_WAITING: u32 = 4;
pub const G_DEAD: u32 = 6;

/// Why a goroutine is parked: printed in `goroutine N [reason]:` headers
/// with Go's wording.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    None,
    ChanReceive,
    ChanSend,
    ChanReceiveNilChan,
    ChanSendNilChan,
    Select,
    SelectNoCases,
    Sleep,
    SyncMutexLock,
    SyncRWMutexLock,
    SyncRWMutexRLock,
    SyncWaitGroupWait,
    SyncCondWait,
    Semacquire,
    /// Parked on a descriptor in the network poller (netpoll.rs).
    IOWait,
    /// In runtime.GC, waiting for the collector (mgc.rs).
    GcCycle,
}

impl WaitReason {
    pub fn text(self) -> &'static [u8] {
        match self {
            WaitReason::None => b"running",
            WaitReason::ChanReceive => b"chan receive",
            WaitReason::ChanSend => b"chan send",
            WaitReason::ChanReceiveNilChan => b"chan receive (nil chan)",
            WaitReason::ChanSendNilChan => b"chan send (nil chan)",
            WaitReason::Select => b"select",
            WaitReason::SelectNoCases => b"select (no cases)",
            WaitReason::Sleep => b"sleep",
            WaitReason::SyncMutexLock => b"sync.Mutex.Lock",
            WaitReason::SyncRWMutexLock => b"sync.RWMutex.Lock",
            WaitReason::SyncRWMutexRLock => b"sync.RWMutex.RLock",
            WaitReason::SyncWaitGroupWait => b"sync.WaitGroup.Wait",
            WaitReason::SyncCondWait => b"sync.Cond.Wait",
            WaitReason::Semacquire => b"semacquire",
            WaitReason::IOWait => b"IO wait",
            WaitReason::GcCycle => b"wait for GC cycle",
        }
    }
}

#[repr(C)]
pub struct G {
    // ---- the part compiled code knows (goc_abi::g) ----
    pub stack_lo: u64,
    pub stack_hi: u64,
    pub stackguard0: u64,
    pub goid: u64,
    pub sched_sp: u64,
    pub sched_bp: u64,
    pub sched_pc: u64,
    pub m: u64,
    /// Loop back-edge preemption flag (`goc_abi::g::PREEMPT`).
    pub poll: u32,
    _pad: u32,
    /// Pending deferred calls, newest first (`*mut defers::Defer`).
    pub defers: u64,
    /// Innermost running panic (`*mut panic::Panic`, on the stack of the
    /// runtime frame running it).
    pub panic: u64,
    // ---- runtime only ----
    pub status: AtomicU32,
    pub waitreason: WaitReason,
    /// Set by sysmon with the poisoned stackguard0: yield at the next
    /// safepoint.
    pub preempt: AtomicBool,
    /// Link in run queues and free lists.
    pub schedlink: *mut G,
    /// Wake-up parameter: set by whoever readies a parked G (channels pass
    /// the sudog that completed the operation).
    pub param: usize,
    /// select: set once a case has won, so other channels leave it alone.
    pub selectdone: AtomicU32,
    /// The sudogs of a blocked select, for cleanup.
    pub waiting: *mut crate::chan::Sudog,
    /// Per-goroutine timer for time.Sleep, made on first use.
    pub sleeptimer: *mut timer::Timer,
    /// The fault that turned into the current panic (Go's gp.sig and
    /// friends): signal number (0: none), si_code, fault address, pc. Kept
    /// until no panic is running, for the `[signal ...]` line.
    pub sig: u64,
    pub sigcode: u64,
    pub sigaddr: u64,
    pub sigpc: u64,
    /// Free defer records of this goroutine (defers.rs), linked by `link`.
    pub deferpool: *mut crate::defers::Defer,
    /// In a system call (`G_SYSCALL`): the stack pointer and frame pointer
    /// at `entersyscall` and the callee-saved registers then, which the
    /// collector scans instead of a saved context (syscall.rs).
    pub syscall_sp: usize,
    pub syscall_fp: usize,
    pub syscall_regs: [usize; 12],
    /// The `go` statement that created the goroutine: the return address
    /// of its call to `goc_newproc` (0 for the main goroutine), and the
    /// creating goroutine's id, for tracebacks' `created by` line.
    pub gopc: usize,
    pub parent_goid: u64,
}

const _: () = {
    assert!(core::mem::offset_of!(G, stack_lo) == abi::STACK_LO as usize);
    assert!(core::mem::offset_of!(G, stack_hi) == abi::STACK_HI as usize);
    assert!(core::mem::offset_of!(G, stackguard0) == abi::STACKGUARD0 as usize);
    assert!(core::mem::offset_of!(G, goid) == abi::GOID as usize);
    assert!(core::mem::offset_of!(G, sched_sp) == abi::SCHED_SP as usize);
    assert!(core::mem::offset_of!(G, sched_bp) == abi::SCHED_BP as usize);
    assert!(core::mem::offset_of!(G, sched_pc) == abi::SCHED_PC as usize);
    assert!(core::mem::offset_of!(G, m) == abi::M as usize);
    assert!(core::mem::offset_of!(G, poll) == abi::PREEMPT as usize);
    assert!(core::mem::offset_of!(G, defers) == abi::DEFER as usize);
    assert!(core::mem::offset_of!(G, panic) == abi::PANIC as usize);
    assert!(core::mem::offset_of!(G, status) == abi::SIZE);
};

impl G {
    pub const fn zero() -> G {
        G {
            stack_lo: 0,
            stack_hi: 0,
            stackguard0: 0,
            goid: 0,
            sched_sp: 0,
            sched_bp: 0,
            sched_pc: 0,
            m: 0,
            poll: 0,
            _pad: 0,
            defers: 0,
            panic: 0,
            status: AtomicU32::new(G_IDLE),
            waitreason: WaitReason::None,
            preempt: AtomicBool::new(false),
            schedlink: null_mut(),
            param: 0,
            selectdone: AtomicU32::new(0),
            waiting: null_mut(),
            sleeptimer: null_mut(),
            sig: 0,
            sigcode: 0,
            sigaddr: 0,
            sigpc: 0,
            deferpool: null_mut(),
            syscall_sp: 0,
            syscall_fp: 0,
            syscall_regs: [0; 12],
            gopc: 0,
            parent_goid: 0,
        }
    }
}

/// What g0 does with the goroutine that just switched to it.
#[derive(Clone, Copy)]
pub enum Action {
    None,
    /// Park it; then call `unlock(gp, arg)` (releases what the goroutine
    /// held while queueing itself). If that returns false, run it again.
    Park(Option<fn(*mut G, usize) -> bool>, usize),
    /// Put it on the global queue (Gosched, preemption).
    Yield,
    /// It finished: free it.
    Exit,
    /// It left a system call and found no P: queue it globally; the M,
    /// which has no P either, goes idle.
    ExitSyscall,
}

#[repr(C)]
pub struct M {
    /// Must be the first word: on x86_64 `arch::tls()` reads `fs:[0]`.
    pub self_ptr: *mut M,
    pub id: i64,
    /// Saved context of the scheduler loop while a goroutine runs.
    pub g0_sp: usize,
    pub g0_lo: usize,
    pub g0_hi: usize,
    pub curg: *mut G,
    pub p: *mut P,
    pub nextp: *mut P,
    /// The P given up by `entersyscall`, preferred by `exitsyscall`.
    pub oldp: *mut P,
    pub spinning: bool,
    /// Sleeps in `stopm` until `startm_on` sets `nextp`; nothing else
    /// wakes it.
    pub park: Note,
    /// Sleeps as the timer sleeper (schedule.rs); `timer_added` wakes it,
    /// possibly late, after this M stopped being the sleeper: a wake-up
    /// meant for one sleep may end the next one early, never a `stopm`.
    pub timer_park: Note,
    pub schedlink: *mut M,
    pub action: Action,
    /// Bump-allocation cache (malloc.rs).
    pub alloc_cur: usize,
    pub alloc_end: usize,
    /// Depth of the print lock this M holds (print.rs).
    pub printlock: u32,
    pub rand: u64,
    /// Free sudogs (sudog.rs).
    pub sudogcache: *mut crate::chan::Sudog,
}

impl M {
    pub(crate) const fn zero() -> M {
        M {
            self_ptr: null_mut(),
            id: 0,
            g0_sp: 0,
            g0_lo: 0,
            g0_hi: 0,
            curg: null_mut(),
            p: null_mut(),
            nextp: null_mut(),
            oldp: null_mut(),
            spinning: false,
            park: Note::new(),
            timer_park: Note::new(),
            schedlink: null_mut(),
            action: Action::None,
            alloc_cur: 0,
            alloc_end: 0,
            printlock: 0,
            rand: 0,
            sudogcache: null_mut(),
        }
    }
}

pub const P_IDLE: u32 = 0;
pub const P_RUNNING: u32 = 1;
/// Held by a stop-the-world (stw.rs), or beyond GOMAXPROCS.
pub const P_STOPPED: u32 = 3;

pub struct P {
    pub id: usize,
    pub status: u32,
    pub link: *mut P,
    pub m: *mut M,
    pub schedtick: u32,
    pub runq: runq::Ring,
    /// Dead Gs kept for reuse (with their stacks).
    pub gfree: *mut G,
    pub ngfree: u32,
    pub timers: timer::Heap,
    /// sysmon's view: the schedtick it last saw and when.
    pub sysmon_tick: u32,
    pub sysmon_when: i64,
    /// Restarting the world handed this P to an M that has not run yet
    /// (stw.rs: the pause ends when the last such P is running).
    pub resume_pending: bool,
    /// Small-object allocation cache (mcache.rs).
    pub mcache: crate::mcache::MCache,
    /// Free goroutine stacks (stack.rs); like the mcache, kept by the P
    /// slot across GOMAXPROCS changes.
    pub stackcache: stack::Cache,
    /// Objects its goroutines' write barriers shaded (mgcmark.rs).
    pub wbuf: crate::mgcmark::Wbuf,
}

/// Process-wide scheduler state (Go's `sched`).
pub(crate) struct Sched {
    pub(crate) lock: Mutex,
    pub(crate) midle: *mut M,
    pub(crate) nmidle: u32,
    pub(crate) mcount: u32,
    /// The limit on `mcount` (runtime/debug.SetMaxThreads; mthread.rs).
    pub(crate) maxmcount: i32,
    pub(crate) pidle: *mut P,
    pub(crate) npidle: AtomicU32,
    pub(crate) nmspinning: AtomicU32,
    pub(crate) runq: GQueue,
    /// Global pool of dead Gs, under `gflock`.
    pub(crate) gflock: Mutex,
    pub(crate) gfree: *mut G,
    /// An M sleeping until the next timer (it holds no P).
    pub(crate) timer_sleeper: AtomicPtr<M>,
    pub(crate) timer_sleep_until: AtomicI64,
    /// A stop-the-world is in progress: Ms give up their Ps (stw.rs).
    pub(crate) gcwaiting: AtomicBool,
    /// Ps still to stop; the stopper sleeps on `stopnote` until 0.
    pub(crate) stopwait: i32,
    pub(crate) stopnote: Note,
}

static mut SCHED: Sched = Sched {
    lock: Mutex::new(),
    midle: null_mut(),
    nmidle: 0,
    // M0 and sysmon.
    mcount: 2,
    maxmcount: 10000,
    pidle: null_mut(),
    npidle: AtomicU32::new(0),
    nmspinning: AtomicU32::new(0),
    runq: GQueue::new(),
    gflock: Mutex::new(),
    gfree: null_mut(),
    timer_sleeper: AtomicPtr::new(null_mut()),
    timer_sleep_until: AtomicI64::new(0),
    gcwaiting: AtomicBool::new(false),
    stopwait: 0,
    stopnote: Note::new(),
};

pub(crate) fn sched() -> &'static mut Sched {
    unsafe { &mut *core::ptr::addr_of_mut!(SCHED) }
}

/// The global run queue and the lock guarding it (runq.rs).
pub fn sched_runq() -> (&'static Mutex, &'static mut GQueue) {
    let s = sched();
    (&s.lock, &mut s.runq)
}

/// GOMAXPROCS and the Ps.
pub static mut GOMAXPROCS: usize = 1;
pub static mut ALLP: *mut P = null_mut();
/// The next goroutine id before the gap below (1 is main).
static GOIDGEN: AtomicI64 = AtomicI64::new(2);
pub(crate) static NGOROUTINES: AtomicI64 = AtomicI64::new(0);
pub(crate) static MIDGEN: AtomicI64 = AtomicI64::new(1);
/// True once the main goroutine runs (before, newproc does not wake Ms).
static STARTED: AtomicBool = AtomicBool::new(false);

/// The first M (the initial thread) and the main goroutine.
pub static mut M0: M = M::zero();
pub static mut MAIN_G: G = G::zero();

/// The system stack of the initial thread: where `_start` arrived.
pub static mut G0_STACK_HI: usize = 0;

/// The process arguments as the kernel laid them out.
pub static mut ARGC: usize = 0;
pub static mut ARGV: *const *const u8 = core::ptr::null();
pub static mut ENVP: *const *const u8 = core::ptr::null();
pub static mut AUXV: *const usize = core::ptr::null();

/// The most Ps there can be (GOMAXPROCS is clamped to it); `ALLP` has room
/// for all of them so GOMAXPROCS can grow without moving any P.
pub const MAX_PROCS: usize = 256;

/// Dead Gs a P keeps before moving a batch to the global pool.
const GFREE_LOCAL_MAX: u32 = 64;

// ---- current M and G ----

/// The current M, or null before the scheduler is set up.
#[inline(always)]
pub fn getm() -> *mut M {
    arch::tls() as *mut M
}

/// The running goroutine, or null on a system stack / before start.
#[inline(always)]
pub fn curg_ptr() -> *mut G {
    let m = getm();
    if m.is_null() {
        null_mut()
    } else {
        unsafe { (*m).curg }
    }
}

/// The current goroutine, if any.
pub fn curg() -> Option<&'static G> {
    let g = curg_ptr();
    if g.is_null() {
        None
    } else {
        Some(unsafe { &*g })
    }
}

/// Id of the current goroutine (0 when none).
pub fn goid() -> u64 {
    curg().map(|g| g.goid).unwrap_or(0)
}

/// A fast per-M pseudo-random number (wyrand).
pub fn fastrand() -> u64 {
    let m = getm();
    let state = if m.is_null() {
        static mut R: u64 = 0x9e37_79b9_7f4a_7c15;
        unsafe { &mut *core::ptr::addr_of_mut!(R) }
    } else {
        unsafe { &mut (*m).rand }
    };
    *state = state.wrapping_add(0xa076_1d64_78bd_642f);
    let t = (*state as u128).wrapping_mul((*state ^ 0xe703_7ed1_a0b4_28db) as u128);
    ((t >> 64) as u64) ^ (t as u64)
}

/// Uniform in `0..n` (n > 0).
pub fn fastrandn(n: u32) -> u32 {
    ((fastrand() as u32 as u64 * n as u64) >> 32) as u32
}

// ---- start-up ----

/// Set up M0 (the initial thread), the Ps and the main goroutine, then run
/// the scheduler on the initial stack. Called once by `goc_rt0`.
///
/// # Safety
/// Only at start-up, on the initial thread.
pub unsafe fn schedinit(main_fn: usize) -> ! {
    let m0 = &mut *core::ptr::addr_of_mut!(M0);
    m0.self_ptr = m0;
    m0.rand = (sys::nanotime() as u64) ^ (auxv_random() | 1);
    arch::set_tls(m0 as *mut M as usize);

    let n = gomaxprocs_from_env()
        .unwrap_or_else(sys::ncpu)
        .clamp(1, MAX_PROCS);
    GOMAXPROCS = n;
    crate::mgc::init();
    // Ps hold no heap pointers (their timers' arrays are scanned memory of
    // their own): plain memory the collector need not read.
    let ps = crate::persistent::alloc(MAX_PROCS * core::mem::size_of::<P>(), 64, false) as *mut P;
    ALLP = ps;
    for i in 0..n {
        init_p(i);
    }
    // P0 for M0, the others idle (highest first so low ids are reused first).
    for i in (1..n).rev() {
        pidleput(ps.add(i));
    }
    acquirep(ps);

    let g = &mut *core::ptr::addr_of_mut!(MAIN_G);
    allgadd(g);
    stack::init_g(g, ps);
    g.goid = 1;
    g.sched_sp = arch::new_context(g.stack_hi as usize, g as *mut G as usize, main_fn) as u64;
    g.status.store(G_RUNNABLE, Ordering::Relaxed);
    NGOROUTINES.store(1, Ordering::Relaxed);
    runq::put(&mut *ps, g, true);

    crate::sysmon::start();
    m0.g0_hi = G0_STACK_HI;
    m0.g0_lo = G0_STACK_HI.saturating_sub(8 << 20);
    schedule()
}

/// Make P `i` (a fresh, idle P in its `ALLP` slot).
pub(crate) fn init_p(i: usize) {
    // Every field but the allocation cache, which a P slot keeps across
    // GOMAXPROCS changes (zero bytes are an empty cache).
    unsafe {
        NPROCS_EVER = NPROCS_EVER.max(i + 1);
        let p = &mut *ALLP.add(i);
        p.id = i;
        p.status = P_IDLE;
        p.link = null_mut();
        p.m = null_mut();
        p.schedtick = 0;
        core::ptr::addr_of_mut!(p.runq).write(runq::Ring::new());
        p.gfree = null_mut();
        p.ngfree = 0;
        core::ptr::addr_of_mut!(p.timers).write(timer::Heap::new());
        p.sysmon_tick = 0;
        p.sysmon_when = 0;
        p.resume_pending = false;
    }
}

/// Called by the main goroutine once it runs: from now on new goroutines
/// wake idle Ps.
pub fn main_started() {
    STARTED.store(true, Ordering::Release);
}

fn gomaxprocs_from_env() -> Option<usize> {
    let v = crate::env::get(b"GOMAXPROCS")?;
    let mut n: usize = 0;
    if v.is_empty() {
        return None;
    }
    for &c in v {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n.saturating_mul(10).saturating_add((c - b'0') as usize);
    }
    if n == 0 {
        None
    } else {
        Some(n)
    }
}

/// 16 random bytes the kernel put in the auxiliary vector (AT_RANDOM).
fn auxv_random() -> u64 {
    unsafe {
        let mut a = AUXV;
        if a.is_null() {
            return 0;
        }
        while *a != 0 {
            if *a == 25 {
                return *(*a.add(1) as *const u64);
            }
            a = a.add(2);
        }
    }
    0
}

// ---- goroutines ----

/// `go f()`: start a goroutine running the closure `fnval` (a `func()`
/// value; the compiler wraps calls with arguments in such a closure).
#[no_mangle]
pub extern "C" fn goc_newproc(fnval: usize) {
    // The `go` statement's return address: [fp + 8] of this frame (the
    // runtime keeps frame pointers; the caller is compiled Go code).
    // SAFETY: fp is this function's frame record.
    let gopc = unsafe { *((arch::fp() + 8) as *const usize) };
    let parent_goid = goid();
    unsafe {
        let m = &mut *getm();
        let p = &mut *m.p;
        let gp = gfget(p);
        let g = &mut *gp;
        if g.stack_lo == 0 {
            stack::init_g(g, p);
        }
        g.goid = GOIDGEN.fetch_add(1, Ordering::Relaxed) as u64 + FIRST_USER_GOID_GAP;
        g.sched_sp = arch::new_context(g.stack_hi as usize, gp as usize, fnval) as u64;
        g.stackguard0 = g.stack_lo + abi::STACK_GUARD;
        g.preempt.store(false, Ordering::Relaxed);
        g.poll = 0;
        g.gopc = gopc;
        g.parent_goid = parent_goid;
        g.waitreason = WaitReason::None;
        g.status.store(G_RUNNABLE, Ordering::Release);
        NGOROUTINES.fetch_add(1, Ordering::Relaxed);
        runq::put(p, gp, true);
        if STARTED.load(Ordering::Acquire) {
            wakep();
        }
    }
}

/// Go starts four goroutines of its own (2 to 5) before the first user
/// goroutine, which is therefore goroutine 6; goc numbers user goroutines
/// the same way so `goroutine N [running]:` headers match. (Go hands out
/// ids in per-P batches of 16, so its numbering can jump when goroutines
/// are created on several Ps; goc's is sequential.)
const FIRST_USER_GOID_GAP: u64 = 4;

/// A dead G from the P's or the global pool, or a new one.
fn gfget(p: &mut P) -> *mut G {
    if p.gfree.is_null() {
        let s = sched();
        s.gflock.lock();
        while p.ngfree < GFREE_LOCAL_MAX / 2 && !s.gfree.is_null() {
            let g = s.gfree;
            unsafe { s.gfree = (*g).schedlink };
            unsafe { (*g).schedlink = p.gfree };
            p.gfree = g;
            p.ngfree += 1;
        }
        s.gflock.unlock();
    }
    let g = p.gfree;
    if !g.is_null() {
        unsafe {
            p.gfree = (*g).schedlink;
            (*g).schedlink = null_mut();
        }
        p.ngfree -= 1;
        return g;
    }
    // A G holds no heap pointers of its own (its defer records and sudogs
    // are scanned records; the registers it saved for a system call are
    // scanned with its stack): plain memory, so a million goroutines do
    // not add their Gs to every collection's conservative scan.
    let g = crate::persistent::alloc(core::mem::size_of::<G>(), 64, false) as *mut G;
    unsafe {
        g.write(G::zero());
        allgadd(g);
    }
    g
}

pub(crate) fn gfput(p: &mut P, g: *mut G) {
    unsafe {
        stack::check_canary(&*g);
        stack::check_guard(&*g, 0);
        stack::release_big(&mut *g, p);
        (*g).schedlink = p.gfree;
    }
    p.gfree = g;
    p.ngfree += 1;
    if p.ngfree >= GFREE_LOCAL_MAX {
        let s = sched();
        s.gflock.lock();
        while p.ngfree > GFREE_LOCAL_MAX / 2 {
            let g = p.gfree;
            unsafe {
                p.gfree = (*g).schedlink;
                (*g).schedlink = s.gfree;
            }
            s.gfree = g;
            p.ngfree -= 1;
        }
        s.gflock.unlock();
    }
}

/// Switch from the current goroutine to its M's scheduler loop, asking it
/// to do `action`. Returns when the goroutine is next run (maybe on another
/// M: re-read `getm()` after this).
pub fn mcall(action: Action) {
    unsafe {
        let m = &mut *getm();
        let gp = m.curg;
        stack::check_canary(&*gp);
        stack::check_guard(&*gp, arch::sp());
        m.action = action;
        arch::swap(
            core::ptr::addr_of_mut!((*gp).sched_sp) as *mut usize,
            m.g0_sp,
        );
    }
}

/// Block the current goroutine until `ready(gp)`; `unlock(gp, arg)` runs
/// once it is off its stack (see [`Action::Park`]).
pub fn gopark(unlock: Option<fn(*mut G, usize) -> bool>, arg: usize, reason: WaitReason) {
    unsafe {
        (*curg_ptr()).waitreason = reason;
    }
    mcall(Action::Park(unlock, arg));
}

/// `gopark` releasing `lock` after the switch.
pub fn goparkunlock(lock: &Mutex, reason: WaitReason) {
    fn unlock(_: *mut G, l: usize) -> bool {
        unsafe { (*(l as *const Mutex)).unlock() };
        true
    }
    gopark(Some(unlock), lock as *const Mutex as usize, reason);
}

/// Make a parked goroutine runnable: it runs next on this P.
pub fn ready(gp: *mut G) {
    unsafe {
        let g = &mut *gp;
        g.waitreason = WaitReason::None;
        g.status.store(G_RUNNABLE, Ordering::Release);
        let m = getm();
        let p = (*m).p;
        if p.is_null() {
            // A thread without a P (sysmon, a timer sleeper): global queue.
            globrunqput(gp);
        } else {
            runq::put(&mut *p, gp, true);
        }
    }
    wakep();
}

/// Queue `gp` on the global run queue (taking `sched.lock`).
pub(crate) fn globrunqput(gp: *mut G) {
    let s = sched();
    s.lock.lock();
    s.runq.push(gp);
    s.lock.unlock();
}

/// runtime.Gosched.
#[no_mangle]
pub extern "C" fn goc_gosched() {
    mcall(Action::Yield);
}

/// Preempted at a safepoint (stackguard0 was poisoned).
pub fn gopreempt() {
    unsafe {
        let g = &mut *curg_ptr();
        g.preempt.store(false, Ordering::Relaxed);
        g.poll = 0;
        g.stackguard0 = g.stack_lo + abi::STACK_GUARD;
    }
    // The poisoning may have been an allocation past the collector's goal.
    if crate::mgc::assist_wait() {
        return;
    }
    mcall(Action::Yield);
}

/// A goroutine's function returned (called by `goc_gostart`).
#[no_mangle]
pub extern "C" fn goc_goexit1() -> ! {
    mcall(Action::Exit);
    unreachable!()
}

/// runtime.NumGoroutine.
#[no_mangle]
pub extern "C" fn goc_numgoroutine() -> i64 {
    NGOROUTINES.load(Ordering::Relaxed)
}

/// runtime.NumCPU.
#[no_mangle]
pub extern "C" fn goc_numcpu() -> i64 {
    sys::ncpu() as i64
}

/// Every G ever made (dead ones are reused, never freed), for the
/// collector: `ALLGS[..NALLGS]`, appended under `ALLGLOCK`.
static ALLGLOCK: Mutex = Mutex::new();
static mut ALLGS: *mut *mut G = null_mut();
static mut NALLGS: usize = 0;
static mut CAPALLGS: usize = 0;

fn allgadd(g: *mut G) {
    ALLGLOCK.lock();
    unsafe {
        if NALLGS == CAPALLGS {
            let cap = (CAPALLGS * 2).max(256);
            let n = crate::persistent::alloc(cap * 8, 8, false) as *mut *mut G;
            if NALLGS > 0 {
                core::ptr::copy_nonoverlapping(ALLGS, n, NALLGS);
            }
            ALLGS = n;
            CAPALLGS = cap;
        }
        *ALLGS.add(NALLGS) = g;
        NALLGS += 1;
    }
    ALLGLOCK.unlock();
}

/// Every G (only while the world is stopped).
pub fn allgs() -> &'static [*mut G] {
    unsafe { core::slice::from_raw_parts(ALLGS, NALLGS) }
}

/// Every P slot that has been in use (GOMAXPROCS may have been larger
/// before: those Ps keep their caches and buffers).
pub fn all_ps() -> &'static mut [P] {
    unsafe { core::slice::from_raw_parts_mut(ALLP, NPROCS_EVER) }
}

/// P slots initialised so far (changed with the world stopped or at start).
static mut NPROCS_EVER: usize = 0;

pub fn allp() -> &'static mut [P] {
    unsafe { core::slice::from_raw_parts_mut(ALLP, GOMAXPROCS) }
}

/// Ask `gp` to yield at its next safepoint: the poisoned stackguard0 for
/// prologues, the preempt word for loop back-edges (sysmon, stop-the-world).
pub fn request_preempt(gp: *mut G) {
    unsafe {
        (*gp).preempt.store(true, Ordering::Release);
        core::ptr::write_volatile(&mut (*gp).stackguard0, goc_abi::g::STACKGUARD_PREEMPT);
        core::ptr::write_volatile(&mut (*gp).poll, 1);
    }
}

/// The header of a goroutine in tracebacks: `goroutine N [reason]:`, or
/// with `detail` (a fatal error's traceback) `goroutine N gp=0x.. m=N
/// mp=0x.. [reason]:`, where a goroutine in a system call shows `syscall`.
pub fn put_goroutine_header<S: print::Sink + ?Sized>(s: &mut S, g: &G, detail: bool) {
    s.put(b"goroutine ");
    print::put_uint(s, g.goid);
    if detail {
        put_g_and_m(s, g as *const G, g.m as *const M);
    }
    s.put(b" [");
    if g.status.load(Ordering::Acquire) == G_SYSCALL {
        s.put(b"syscall");
    } else {
        s.put(g.waitreason.text());
    }
    s.put(b"]:\n");
}

/// The ` gp=0x.. m=N mp=0x..` part of a fatal error's goroutine header
/// (`m=0` without an M).
pub fn put_g_and_m<S: print::Sink + ?Sized>(s: &mut S, g: *const G, m: *const M) {
    s.put(b" gp=");
    print::put_hex(s, g as u64);
    s.put(b" m=");
    print::put_uint(
        s,
        if m.is_null() {
            0
        } else {
            unsafe { (*m).id as u64 }
        },
    );
    s.put(b" mp=");
    print::put_hex(s, m as u64);
}

/// The main goroutine (for the deadlock report).
pub fn main_g() -> &'static G {
    unsafe { &*core::ptr::addr_of!(MAIN_G) }
}
