//! Package sort: sort.Slice's view of a slice passed as `any`. The
//! interface's data word points to the slice header (slices are never
//! stored directly in an interface), the descriptor gives the element size.

use crate::typedesc::Type;
use goc_abi::typedesc as td;

/// `func runtime_slicelen(x any) int`: the length, or -1 if x is not a
/// slice.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_sort_runtime_slicelen(typ: *const u8, data: *const i64) -> i64 {
    if typ.is_null() || Type(typ).kind() != td::KIND_SLICE {
        return -1;
    }
    *data.add(1)
}

/// `func runtime_sliceswap(x any, i, j int)`: swaps elements i and j of
/// the slice (both already in range: they come from sort's own indices).
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_sort_runtime_sliceswap(
    typ: *const u8,
    data: *const *mut u8,
    i: i64,
    j: i64,
) {
    let size = Type(typ).elem().size();
    let base = *data;
    let a = base.add(i as usize * size);
    let b = base.add(j as usize * size);
    if a != b {
        // Both values stay in the slice, but a marker scanning it between
        // the two stores could miss one: write barrier first.
        crate::mgcwb::pre_write(a, size);
        crate::mgcwb::pre_write(b, size);
        core::ptr::swap_nonoverlapping(a, b, size);
    }
}
