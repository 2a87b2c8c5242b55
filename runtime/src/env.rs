//! The process environment as the kernel passed it (`proc::ENVP`), read
//! without allocating: the runtime's own settings (GOMAXPROCS, GOCDEBUG)
//! are looked up here before anything else is set up.

use crate::proc;

/// The value of `name` in the environment (the first occurrence, as Go's
/// syscall.Getenv), or None.
pub fn get(name: &[u8]) -> Option<&'static [u8]> {
    unsafe {
        let mut e = proc::ENVP;
        if e.is_null() {
            return None;
        }
        while !(*e).is_null() {
            let s = *e;
            // (A volatile read keeps the loop from becoming a call to
            // strlen, which a libc-free runtime does not have.)
            let mut n = 0;
            while core::ptr::read_volatile(s.add(n)) != 0 {
                n += 1;
            }
            let kv = core::slice::from_raw_parts(s, n);
            if kv.len() > name.len() && kv.starts_with(name) && kv[name.len()] == b'=' {
                return Some(&kv[name.len() + 1..]);
            }
            e = e.add(1);
        }
    }
    None
}
