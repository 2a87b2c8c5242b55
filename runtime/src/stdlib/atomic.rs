//! Package sync/atomic: every operation is a sequentially consistent
//! atomic instruction (`lock`-prefixed on x86_64, LL/SC or LSE on aarch64
//! through core's atomics). A nil address faults like any nil dereference
//! (the SIGSEGV handler makes it Go's nil-pointer panic).
//!
//! One macro instantiation per Go integer type: the Go declarations in
//! compiler/std/sync/atomic/atomic.go list the same names.

use core::sync::atomic::{AtomicI32, AtomicI64, AtomicU32, AtomicU64, Ordering::SeqCst};

macro_rules! atomics {
    ($t:ty, $a:ty, $swap:ident, $cas:ident, $add:ident, $and:ident, $or:ident, $load:ident, $store:ident) => {
        #[no_mangle]
        pub unsafe extern "C" fn $swap(addr: *mut $t, new: $t) -> $t {
            <$a>::from_ptr(addr).swap(new, SeqCst)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $cas(addr: *mut $t, old: $t, new: $t) -> bool {
            <$a>::from_ptr(addr)
                .compare_exchange(old, new, SeqCst, SeqCst)
                .is_ok()
        }
        /// Returns the new value, as Go's Add does.
        #[no_mangle]
        pub unsafe extern "C" fn $add(addr: *mut $t, delta: $t) -> $t {
            <$a>::from_ptr(addr)
                .fetch_add(delta, SeqCst)
                .wrapping_add(delta)
        }
        /// Returns the old value, as Go's And does.
        #[no_mangle]
        pub unsafe extern "C" fn $and(addr: *mut $t, mask: $t) -> $t {
            <$a>::from_ptr(addr).fetch_and(mask, SeqCst)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $or(addr: *mut $t, mask: $t) -> $t {
            <$a>::from_ptr(addr).fetch_or(mask, SeqCst)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $load(addr: *mut $t) -> $t {
            <$a>::from_ptr(addr).load(SeqCst)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $store(addr: *mut $t, val: $t) {
            <$a>::from_ptr(addr).store(val, SeqCst)
        }
    };
}

atomics!(
    i32,
    AtomicI32,
    goc_pkg_sync_atomic_SwapInt32,
    goc_pkg_sync_atomic_CompareAndSwapInt32,
    goc_pkg_sync_atomic_AddInt32,
    goc_pkg_sync_atomic_AndInt32,
    goc_pkg_sync_atomic_OrInt32,
    goc_pkg_sync_atomic_LoadInt32,
    goc_pkg_sync_atomic_StoreInt32
);
atomics!(
    i64,
    AtomicI64,
    goc_pkg_sync_atomic_SwapInt64,
    goc_pkg_sync_atomic_CompareAndSwapInt64,
    goc_pkg_sync_atomic_AddInt64,
    goc_pkg_sync_atomic_AndInt64,
    goc_pkg_sync_atomic_OrInt64,
    goc_pkg_sync_atomic_LoadInt64,
    goc_pkg_sync_atomic_StoreInt64
);
atomics!(
    u32,
    AtomicU32,
    goc_pkg_sync_atomic_SwapUint32,
    goc_pkg_sync_atomic_CompareAndSwapUint32,
    goc_pkg_sync_atomic_AddUint32,
    goc_pkg_sync_atomic_AndUint32,
    goc_pkg_sync_atomic_OrUint32,
    goc_pkg_sync_atomic_LoadUint32,
    goc_pkg_sync_atomic_StoreUint32
);
atomics!(
    u64,
    AtomicU64,
    goc_pkg_sync_atomic_SwapUint64,
    goc_pkg_sync_atomic_CompareAndSwapUint64,
    goc_pkg_sync_atomic_AddUint64,
    goc_pkg_sync_atomic_AndUint64,
    goc_pkg_sync_atomic_OrUint64,
    goc_pkg_sync_atomic_LoadUint64,
    goc_pkg_sync_atomic_StoreUint64
);
atomics!(
    u64,
    AtomicU64,
    goc_pkg_sync_atomic_SwapUintptr,
    goc_pkg_sync_atomic_CompareAndSwapUintptr,
    goc_pkg_sync_atomic_AddUintptr,
    goc_pkg_sync_atomic_AndUintptr,
    goc_pkg_sync_atomic_OrUintptr,
    goc_pkg_sync_atomic_LoadUintptr,
    goc_pkg_sync_atomic_StoreUintptr
);

/// `func runtime_procyield()`: a pause inside a spin loop.
#[no_mangle]
pub extern "C" fn goc_pkg_sync_atomic_runtime_procyield() {
    for _ in 0..30 {
        core::hint::spin_loop();
    }
}

/// `func typeOf(x any) uintptr`: the interface's type word.
#[no_mangle]
pub extern "C" fn goc_pkg_sync_atomic_typeOf(typ: usize, _data: usize) -> usize {
    typ
}
