//! `GOCDEBUG=schedtrace=N`: every N milliseconds sysmon prints one line
//! summarising the scheduler to standard error, in the spirit of Go's
//! GODEBUG=schedtrace:
//!
//! ```text
//! SCHED 1004ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 [3 0]
//! ```
//!
//! (time since start; Ps, idle Ps, Ms including sysmon, spinning Ms, idle
//! Ms, the global run queue's length, then each P's local queue length).
//! The numbers are read without locks, so they are a snapshot, not a
//! consistent state.

use crate::print::{self, Sink};
use crate::proc::{self, sched};
use core::sync::atomic::{AtomicI64, Ordering};

static PERIOD_NS: AtomicI64 = AtomicI64::new(0);
static START: AtomicI64 = AtomicI64::new(0);
static LAST: AtomicI64 = AtomicI64::new(0);

/// Reads GOCDEBUG once at start-up (comma-separated `key=value` settings).
pub fn init(now: i64) {
    START.store(now, Ordering::Relaxed);
    LAST.store(now, Ordering::Relaxed);
    let Some(v) = crate::env::get(b"GOCDEBUG") else {
        return;
    };
    for kv in v.split(|&c| c == b',') {
        if let Some(n) = kv.strip_prefix(b"schedtrace=") {
            let ms = n.iter().try_fold(0i64, |acc, &c| {
                c.is_ascii_digit()
                    .then(|| acc.saturating_mul(10).saturating_add((c - b'0') as i64))
            });
            PERIOD_NS.store(ms.unwrap_or(0).saturating_mul(1_000_000), Ordering::Relaxed);
        }
    }
}

/// The period, if tracing is on (sysmon sleeps no longer than this).
pub fn period() -> Option<i64> {
    let p = PERIOD_NS.load(Ordering::Relaxed);
    (p > 0).then_some(p)
}

/// Called by sysmon on every round: prints a line when the period is up.
pub fn tick(now: i64) {
    let Some(p) = period() else { return };
    if now - LAST.load(Ordering::Relaxed) < p {
        return;
    }
    LAST.store(now, Ordering::Relaxed);
    let s = sched();
    print::with(|out| {
        out.put(b"SCHED ");
        print::put_int(out, (now - START.load(Ordering::Relaxed)) / 1_000_000);
        out.put(b"ms: gomaxprocs=");
        print::put_uint(out, unsafe { proc::GOMAXPROCS } as u64);
        out.put(b" idleprocs=");
        print::put_uint(out, s.npidle.load(Ordering::Relaxed) as u64);
        out.put(b" threads=");
        print::put_uint(out, s.mcount as u64);
        out.put(b" spinningthreads=");
        print::put_uint(out, s.nmspinning.load(Ordering::Relaxed) as u64);
        out.put(b" idlethreads=");
        print::put_uint(out, s.nmidle as u64);
        out.put(b" runqueue=");
        print::put_uint(out, s.runq.len() as u64);
        out.put(b" [");
        for (i, p) in proc::allp().iter().enumerate() {
            if i > 0 {
                out.put(b" ");
            }
            print::put_uint(out, p.runq.len() as u64);
        }
        out.put(b"]\n");
    });
}
