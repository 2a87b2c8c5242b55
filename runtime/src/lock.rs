//! Runtime locks and notes: the two thread-level blocking primitives
//! everything else (scheduler, channels, timers) is built on, as Go's
//! lock_futex.go.
//!
//! * [`Mutex`]: a word that is 0 (unlocked), 1 (locked) or 2 (locked,
//!   maybe with sleepers). Lock spins briefly with exponential backoff
//!   (another M usually holds it for a few instructions), then sets 2 and
//!   sleeps in futex(2). Unlock
//!   swaps in 0 and wakes one sleeper if the old value was 2. It blocks the
//!   *thread*: hold it only for short, non-blocking critical sections and
//!   never across a goroutine switch (gopark's unlock-after-switch is the
//!   one sanctioned way to release a lock across one).
//! * [`Note`]: a one-shot event between two threads. `sleep` blocks until
//!   `wakeup` was called (before or after); `clear` re-arms it. Idle Ms
//!   park on their note; at most one thread sleeps on a note and at most
//!   one wakes it per arming.
//!
//! Rejected: pthread-style mutexes (no libc) and pure spin locks (with
//! more Ms than CPUs a preempted holder makes spinners burn their slice).

use crate::{arch, sys};
use core::sync::atomic::{AtomicU32, Ordering};

const UNLOCKED: u32 = 0;
const LOCKED: u32 = 1;
const SLEEPING: u32 = 2;
/// Looks at a held lock before sleeping, and the most pauses between two.
const SPIN_ROUNDS: u32 = 10;
const MAX_PAUSE: u32 = 128;

pub struct Mutex {
    key: AtomicU32,
}

impl Mutex {
    pub const fn new() -> Mutex {
        Mutex {
            key: AtomicU32::new(UNLOCKED),
        }
    }

    #[inline]
    pub fn lock(&self) {
        if self
            .key
            .compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            self.lock_slow();
        }
    }

    #[cold]
    fn lock_slow(&self) {
        // Exponential backoff between looks: under contention the holder
        // keeps the cache line for several acquisitions in a row instead of
        // every waiter bouncing it with a CAS on each unlock.
        let mut pause = 1;
        for _ in 0..SPIN_ROUNDS {
            for _ in 0..pause {
                arch::cpu_relax();
            }
            if self.key.load(Ordering::Relaxed) == UNLOCKED
                && self
                    .key
                    .compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
            {
                return;
            }
            pause = (pause * 2).min(MAX_PAUSE);
        }
        // Announce a sleeper; whoever unlocks sees 2 and wakes one.
        while self.key.swap(SLEEPING, Ordering::Acquire) != UNLOCKED {
            sys::futex_wait(self.key.as_ptr(), SLEEPING, -1);
        }
    }

    #[inline]
    pub fn unlock(&self) {
        if self.key.swap(UNLOCKED, Ordering::Release) == SLEEPING {
            sys::futex_wake(self.key.as_ptr(), 1);
        }
    }
}

impl Default for Mutex {
    fn default() -> Self {
        Mutex::new()
    }
}

pub struct Note {
    key: AtomicU32,
}

impl Note {
    pub const fn new() -> Note {
        Note {
            key: AtomicU32::new(0),
        }
    }

    pub fn clear(&self) {
        self.key.store(0, Ordering::Relaxed);
    }

    pub fn wakeup(&self) {
        if self.key.swap(1, Ordering::Release) == 0 {
            sys::futex_wake(self.key.as_ptr(), 1);
        }
    }

    /// Block until woken.
    pub fn sleep(&self) {
        while self.key.load(Ordering::Acquire) == 0 {
            sys::futex_wait(self.key.as_ptr(), 0, -1);
        }
    }

    /// Block until woken or `ns` nanoseconds passed; true if woken.
    pub fn sleep_for(&self, ns: i64) -> bool {
        let deadline = sys::nanotime() + ns;
        loop {
            if self.key.load(Ordering::Acquire) != 0 {
                return true;
            }
            let left = deadline - sys::nanotime();
            if left <= 0 {
                return false;
            }
            sys::futex_wait(self.key.as_ptr(), 0, left);
        }
    }
}

impl Default for Note {
    fn default() -> Self {
        Note::new()
    }
}
