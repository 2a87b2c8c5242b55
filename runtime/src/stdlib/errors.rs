//! Package errors: what Go's errors.Is and errors.As learn through
//! reflection, answered from type descriptors: whether a dynamic type is
//! comparable (Is compares with == only then, which would otherwise
//! panic), whether As's target is a usable pointer, and storing an error
//! into `*target` when its dynamic type is assignable to `*target`'s type
//! (identical for a concrete type; implementing it for an interface, whose
//! itab comes from the runtime's itab cache).

use crate::iface::goc_assertE2I2;
use crate::typedesc::{iface_dyn_type, Type};
use goc_abi::typedesc as td;

/// `func runtime_comparable(x any) bool`: x's dynamic type is comparable
/// (false for nil).
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_errors_runtime_comparable(
    typ: *const u8,
    _data: *const u8,
) -> bool {
    !typ.is_null() && Type::from_ptr(typ).comparable()
}

/// `func runtime_astarget(target any, errorType any) int`: 0 if target
/// is a non-nil pointer to an interface type or to a type implementing
/// error; 1 if it is not a non-nil pointer; 2 if the pointed-to type is
/// neither. `errorType` is a `*error`, whose element is error's descriptor.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_errors_runtime_astarget(
    ttyp: *const u8,
    tdata: *const u8,
    etyp: *const u8,
    _edata: *const u8,
) -> i64 {
    if ttyp.is_null() || tdata.is_null() || Type(ttyp).kind() != td::KIND_POINTER {
        return 1;
    }
    let elem = Type(ttyp).elem();
    if elem.kind() == td::KIND_INTERFACE {
        return 0;
    }
    let error_iface = Type(etyp).elem();
    if goc_assertE2I2(error_iface.0, elem.0).is_null() {
        2
    } else {
        0
    }
}

/// `func runtime_asassign(err error, target any) bool`: if err's dynamic
/// type is assignable to `*target`'s type, stores err there and reports
/// true. `target` has passed `runtime_astarget`.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_errors_runtime_asassign(
    eword0: *const u8,
    edata: *const u8,
    ttyp: *const u8,
    tdata: *mut u8,
) -> bool {
    let Some(dyn_t) = iface_dyn_type(eword0, false) else {
        return false;
    };
    let elem = Type(ttyp).elem();
    let words = tdata as *mut *const u8;
    if elem.kind() == td::KIND_INTERFACE {
        let word0 = if elem.nmethods() == 0 {
            dyn_t.0
        } else {
            let tab = goc_assertE2I2(elem.0, dyn_t.0);
            if tab.is_null() {
                return false;
            }
            tab
        };
        crate::mgcwb::pre_write(tdata, 16);
        *words = word0;
        *words.add(1) = edata;
        return true;
    }
    if dyn_t.0 != elem.0 {
        return false;
    }
    // The target may be a heap variable: write barrier first.
    crate::mgcwb::pre_write(tdata, elem.size());
    if elem.direct_iface() {
        *words = edata;
    } else {
        core::ptr::copy(edata, tdata, elem.size());
    }
    true
}
