//! The sudog cache: select needs one `Sudog` per case while it blocks.
//! Each M keeps a free list, touched only by the goroutine running on that
//! M (runtime code is never preempted, so no lock is needed). A select may
//! acquire its sudogs on one M and, after parking, release them on another:
//! they simply join that M's list. Sudogs are never returned to the heap;
//! the lists are bounded by the most select cases ever blocked at once.

use crate::chan::Sudog;
use crate::proc;

pub fn acquire() -> *mut Sudog {
    let m = unsafe { &mut *proc::getm() };
    let sg = m.sudogcache;
    if sg.is_null() {
        let p = crate::malloc::alloc(core::mem::size_of::<Sudog>(), 8) as *mut Sudog;
        unsafe { p.write(Sudog::new()) };
        return p;
    }
    unsafe {
        m.sudogcache = (*sg).waitlink;
        sg.write(Sudog::new());
    }
    sg
}

pub fn release(sg: *mut Sudog) {
    let m = unsafe { &mut *proc::getm() };
    unsafe { (*sg).waitlink = m.sudogcache };
    m.sudogcache = sg;
}
