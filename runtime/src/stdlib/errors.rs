//! Package errors: the one question Go's errors.Is asks through reflection,
//! whether an interface value's dynamic type is comparable (comparing it
//! with == would otherwise panic).

use crate::typedesc::Type;

/// `func runtime_comparable(x any) bool`: x's dynamic type is comparable
/// (false for nil).
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_errors_runtime_comparable(
    typ: *const u8,
    _data: *const u8,
) -> bool {
    !typ.is_null() && Type::from_ptr(typ).comparable()
}
