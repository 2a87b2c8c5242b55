//! Package internal/rtype: the primitives under goc's small reflection
//! layer (compiler/std/internal/rtype), which fmt walks values with.
//!
//! The Go side names a type by its descriptor's address (`rtype.Type`, a
//! uintptr; 0 for no type) and a value by its type and the address of its
//! bytes, a `*byte` there (pointer-typed, so the collector sees it; one
//! word, so these functions take and return it as a `usize`). goc has no
//! package unsafe: `add` and `loadPtr` are its `unsafe.Add` and the read of
//! a pointer word as a pointer. Everything that knows the descriptor layout (goc-abi's `typedesc`)
//! or the interface and map representations lives here, so the Go code
//! never hard-codes an offset: it asks for a kind, a name, a field, and
//! loads the bytes of scalars through `load`/`loadString`.
//!
//! Invariants: a value's address points at memory holding a value of its
//! type for as long as the Go side uses it (the interface the walk started
//! from keeps it alive; the runtime does not move objects); `packEface`
//! copies, so a method called on the result cannot change the original,
//! as with reflect's `Value.Interface`.

use crate::malloc::mallocgc;
use crate::string::GoString;
use crate::typedesc::{iface_dyn_type, Type};
use goc_abi::typedesc as td;

/// Two machine words returned together (an `any` result).
#[repr(C)]
pub struct Words2 {
    pub a: usize,
    pub b: usize,
}

fn ty(t: usize) -> Type {
    Type(t as *const u8)
}

fn str_of(b: &'static [u8]) -> GoString {
    GoString {
        ptr: b.as_ptr(),
        len: b.len() as i64,
    }
}

/// `func typeOf(x any) Type`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_typeOf(typ: usize, _data: usize) -> usize {
    typ
}

/// `func kindOf(t Type) Kind`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_kindOf(t: usize) -> u64 {
    ty(t).kind() as u64
}

/// `func nameOf(t Type) string`: the type as `%T` prints it.
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_nameOf(t: usize) -> GoString {
    str_of(ty(t).name())
}

/// `func elemOf(t Type) Type`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_elemOf(t: usize) -> usize {
    ty(t).elem().0 as usize
}

/// `func keyOf(t Type) Type`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_keyOf(t: usize) -> usize {
    ty(t).key().0 as usize
}

/// `func arrayLen(t Type) int`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_arrayLen(t: usize) -> i64 {
    ty(t).array_len() as i64
}

/// `func sizeOf(t Type) uintptr`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_sizeOf(t: usize) -> usize {
    ty(t).size()
}

/// `func isNamed(t Type) bool`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_isNamed(t: usize) -> bool {
    ty(t).flags() & td::FLAG_NAMED != 0
}

/// `func numMethod(t Type) int`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_numMethod(t: usize) -> i64 {
    ty(t).nmethods() as i64
}

/// `func numField(t Type) int`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_numField(t: usize) -> i64 {
    ty(t).nfields() as i64
}

/// `func fieldName(t Type, i int) string`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_fieldName(t: usize, i: i64) -> GoString {
    str_of(ty(t).field(i as usize).name())
}

/// `func fieldType(t Type, i int) Type`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_fieldType(t: usize, i: i64) -> usize {
    ty(t).field(i as usize).typ().0 as usize
}

/// `func fieldOffset(t Type, i int) uintptr`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_fieldOffset(t: usize, i: i64) -> usize {
    ty(t).field(i as usize).offset()
}

/// `func fieldEmbedded(t Type, i int) bool`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_fieldEmbedded(t: usize, i: i64) -> bool {
    ty(t).field(i as usize).embedded()
}

/// `func valueAddr(x any) *byte`: the address of x's dynamic value. A
/// pointer-shaped value lives in the interface's data word itself, so it
/// is copied to a one-word box first; 0 for a nil interface.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_internal_rtype_valueAddr(typ: usize, data: usize) -> usize {
    if typ == 0 {
        return 0;
    }
    if ty(typ).direct_iface() {
        let b = mallocgc(8, &crate::rterror::SHAPE_PTR_8 as *const _ as *const u8) as *mut usize;
        *b = data;
        return b as usize;
    }
    data
}

/// `func add(p *byte, off uintptr) *byte`: p + off (unsafe.Add), for a
/// field or an element inside the object p points into.
#[no_mangle]
pub extern "C" fn goc_pkg_internal_rtype_add(p: usize, off: usize) -> usize {
    p.wrapping_add(off)
}

/// `func loadPtr(addr *byte) *byte`: the pointer word at addr (of a
/// pointer, map, channel, func or slice value), as a pointer.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_internal_rtype_loadPtr(addr: usize) -> usize {
    core::ptr::read_unaligned(addr as *const usize)
}

/// `func load(addr *byte, size int) uint64`: the 1-, 2-, 4- or 8-byte
/// unsigned integer at addr.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_internal_rtype_load(addr: usize, size: i64) -> u64 {
    let p = addr as *const u8;
    match size {
        1 => *p as u64,
        2 => core::ptr::read_unaligned(p as *const u16) as u64,
        4 => core::ptr::read_unaligned(p as *const u32) as u64,
        _ => core::ptr::read_unaligned(p as *const u64),
    }
}

/// `func loadString(addr *byte) string`
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_internal_rtype_loadString(addr: usize) -> GoString {
    core::ptr::read(addr as *const GoString)
}

/// `func loadIface(t Type, addr *byte) any`: the interface value of
/// interface type t stored at addr, as an empty interface (its dynamic
/// type and data word; nil stays nil).
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_internal_rtype_loadIface(t: usize, addr: usize) -> Words2 {
    let w = addr as *const *const u8;
    let (word0, data) = (*w, *w.add(1));
    match iface_dyn_type(word0, ty(t).nmethods() == 0) {
        None => Words2 { a: 0, b: 0 },
        Some(d) => Words2 {
            a: d.0 as usize,
            b: data as usize,
        },
    }
}

/// `func packEface(t Type, addr *byte) any`: the value of type t at addr
/// as an interface: pointer-shaped values by their word, others copied to
/// a new heap object. t must not be an interface type.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_internal_rtype_packEface(t: usize, addr: usize) -> Words2 {
    let tt = ty(t);
    if tt.direct_iface() {
        return Words2 {
            a: t,
            b: *(addr as *const usize),
        };
    }
    let p = mallocgc(tt.size(), tt.gcdata());
    core::ptr::copy_nonoverlapping(addr as *const u8, p, tt.size());
    Words2 {
        a: t,
        b: p as usize,
    }
}

/// `func mapIterInit(t Type, m *byte, it *mapIter)`: as `for range`,
/// `it.key`/`it.elem` then address the first key and value (`it.key` nil
/// at the end). `mapIter` has `goc_abi::map::iter::SIZE_OF` bytes; its
/// first five words (key, elem, map, type, table: `map::Iter`'s pointer
/// fields) are pointer-typed on the Go side, so keep them first.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_internal_rtype_mapIterInit(t: usize, m: usize, it: usize) {
    crate::map::goc_mapiterinit(t as *const u8, m as *mut _, it as *mut _);
}

/// `func mapIterNext(it *mapIter)`
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_internal_rtype_mapIterNext(it: usize) {
    crate::map::goc_mapiternext(it as *mut _);
}
