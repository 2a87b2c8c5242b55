//! Run-time errors as Go values.
//!
//! A run-time error (an index out of range, a nil dereference, a failed
//! type assertion, ...) is an ordinary panic in Go: its value is a
//! `runtime.Error`, which `recover()` returns and whose `Error()` method
//! gives the message. So each kind of error needs a type descriptor with a
//! method table (`Error`, `RuntimeError`), and each panic a value of that
//! type. This module holds those descriptors as statics and raises the
//! panics.
//!
//! The types, by Go's names (they show in messages such as `interface
//! conversion: interface {} is runtime.boundsError, not int`):
//!
//! | type                          | raised for                                   | Error() text |
//! |-------------------------------|----------------------------------------------|--------------|
//! | `runtime.boundsError`         | index and slice bounds, slice→array          | `runtime error: index out of range [5] with length 3` |
//! | `runtime.errorString`         | divide, shift, nil dereference, makeslice, unhashable keys | `runtime error: <msg>` |
//! | `runtime.plainError`          | assignment to entry in nil map               | `<msg>` (no prefix) |
//! | `*runtime.TypeAssertionError` | failed `x.(T)`, interface conversions        | `interface conversion: ...` |
//! | `*runtime.PanicNilError`      | `panic(nil)`                                 | `runtime error: panic called with nil argument` |
//! | `maps.unhashableTypeError`    | unhashable key in a nil or empty map (no RuntimeError method) | `hash of unhashable type: T` |
//!
//! Representation (an invariant the Error method relies on): whatever the
//! type, the interface's data word points at a heap `GoString` holding the
//! complete `Error()` text, computed when the panic is raised. (Go keeps the
//! operands, e.g. a boundsError's index and length, and formats on demand;
//! nothing a Go program can do without package reflect tells the two
//! apart.) For the pointer types the data word is that pointer itself
//! (`FLAG_DIRECT_IFACE`); for the others it points at the boxed value, which
//! is the same `GoString`. So one `Error` function serves every type, and
//! equality and hashing are those of the text.
//!
//! The methods' types are the runtime's own descriptors of `func() string`
//! and `func()`, which are not the compiler's (each program emits its own,
//! unique within the program). `iface.rs` therefore matches a method whose
//! type is one of these two by structure (`runtime_sig_matches`), so
//! `r.(error)` and type switches on `error` find `Error` here.

use crate::print::Sink;
use crate::string::GoString;
use crate::typedesc::Type;
use goc_abi::typedesc as td;

/// A type descriptor laid out as goc_abi::typedesc says.
#[repr(C)]
pub struct Desc {
    size: u64,
    ptrdata: u64,
    hash: u32,
    kind: u8,
    align: u8,
    flags: u8,
    _pad: u8,
    equal: *const u8,
    hashfn: *const u8,
    gcdata: *const u8,
    name: *const u8,
    name_len: u64,
    elem: *const Desc,
    key: *const u8,
    methods: *const Method,
    nmethods: u64,
    fields: *const *const Desc,
    nfields: u64,
}

/// A method table entry (goc_abi::typedesc::method).
#[repr(C)]
pub struct Method {
    name: *const u8,
    name_len: u64,
    mtyp: *const Desc,
    ifn: *const u8,
}

// Statics of raw pointers: immutable after link time.
unsafe impl Sync for Desc {}
unsafe impl Sync for Method {}
#[repr(transparent)]
struct Params([*const Desc; 1]);
unsafe impl Sync for Params {}

const _: () = {
    assert!(core::mem::size_of::<Desc>() == td::SIZE_OF);
    assert!(core::mem::offset_of!(Desc, kind) == td::KIND as usize);
    assert!(core::mem::offset_of!(Desc, equal) == td::EQUAL as usize);
    assert!(core::mem::offset_of!(Desc, name) == td::NAME as usize);
    assert!(core::mem::offset_of!(Desc, elem) == td::ELEM as usize);
    assert!(core::mem::offset_of!(Desc, methods) == td::METHODS as usize);
    assert!(core::mem::offset_of!(Desc, fields) == td::FIELDS as usize);
    assert!(core::mem::offset_of!(Desc, nfields) == td::NFIELDS as usize);
    assert!(core::mem::size_of::<Method>() == td::method::SIZE_OF);
};

const fn desc(name: &'static str, kind: u8, size: u64, flags: u8, hash: u32) -> Desc {
    Desc {
        size,
        ptrdata: if size > 0 { 8 } else { 0 },
        hash,
        kind,
        align: 8,
        flags,
        _pad: 0,
        equal: core::ptr::null(),
        hashfn: core::ptr::null(),
        gcdata: if size == 16 {
            &SHAPE_PTR_16 as *const Shape1 as *const u8
        } else if size == 8 {
            &SHAPE_PTR_8 as *const Shape1 as *const u8
        } else {
            core::ptr::null()
        },
        name: name.as_ptr(),
        name_len: name.len() as u64,
        elem: core::ptr::null(),
        key: core::ptr::null(),
        methods: core::ptr::null(),
        nmethods: 0,
        fields: core::ptr::null(),
        nfields: 0,
    }
}

/// A GC shape (goc_abi::gcshape) whose mask fits in one byte.
#[repr(C)]
pub struct Shape1 {
    pub size: u64,
    pub ptrdata: u64,
    pub mask: [u8; 8],
}

const _: () = {
    assert!(core::mem::offset_of!(Shape1, size) == goc_abi::gcshape::SIZE as usize);
    assert!(core::mem::offset_of!(Shape1, ptrdata) == goc_abi::gcshape::PTRDATA as usize);
    assert!(core::mem::offset_of!(Shape1, mask) == goc_abi::gcshape::MASK as usize);
};

/// The shape of a one-word value that is a pointer (pointers, funcs; also a
/// one-word box holding one).
pub static SHAPE_PTR_8: Shape1 = Shape1 {
    size: 8,
    ptrdata: 8,
    mask: [1, 0, 0, 0, 0, 0, 0, 0],
};
/// The shape of a two-word value whose first word is a pointer (a string).
pub static SHAPE_PTR_16: Shape1 = Shape1 {
    size: 16,
    ptrdata: 8,
    mask: [1, 0, 0, 0, 0, 0, 0, 0],
};

static STRING: Desc = Desc {
    equal: crate::hash::goc_strequal as *const u8,
    hashfn: crate::hash::goc_strhash as *const u8,
    ..desc(
        "string",
        td::KIND_STRING,
        16,
        td::FLAG_COMPARABLE,
        0x2f0d_6a11,
    )
};
static FUNC_STRING_RESULTS: Params = Params([&STRING]);
/// `func() string`, the type of `Error`.
static FUNC_STRING: Desc = Desc {
    fields: &FUNC_STRING_RESULTS as *const Params as *const *const Desc,
    nfields: 1 << 32,
    ..desc(
        "func() string",
        td::KIND_FUNC,
        8,
        td::FLAG_DIRECT_IFACE,
        0x6c4b_2e01,
    )
};
/// `func()`, the type of `RuntimeError`.
static FUNC_VOID: Desc = desc(
    "func()",
    td::KIND_FUNC,
    8,
    td::FLAG_DIRECT_IFACE,
    0x6c4b_2e02,
);

/// Whether `t` is the runtime's `func() string` or `func()`, and `other`
/// (a method type from the compiler) has the same structure.
pub fn runtime_sig_matches(t: *const u8, other: *const u8) -> Option<bool> {
    if t == &FUNC_STRING as *const Desc as *const u8 {
        Some(crate::iface::is_func_returning_string(other))
    } else if t == &FUNC_VOID as *const Desc as *const u8 {
        Some(!other.is_null() && Type(other).kind() == td::KIND_FUNC && Type(other).nfields() == 0)
    } else {
        None
    }
}

/// `Error() string` of every run-time error type: the text the data word
/// points at.
extern "C" fn error_text(recv: *const GoString) -> GoString {
    unsafe { *recv }
}

/// `RuntimeError()`: a marker.
extern "C" fn runtime_error_marker(_recv: *const GoString) {}

#[repr(transparent)]
struct Methods([Method; 2]);
unsafe impl Sync for Methods {}

static METHODS: Methods = Methods([
    Method {
        name: "Error".as_ptr(),
        name_len: 5,
        mtyp: &FUNC_STRING,
        ifn: error_text as *const u8,
    },
    Method {
        name: "RuntimeError".as_ptr(),
        name_len: 12,
        mtyp: &FUNC_VOID,
        ifn: runtime_error_marker as *const u8,
    },
]);

const fn error_type(name: &'static str, kind: u8, hash: u32) -> Desc {
    Desc {
        equal: crate::hash::goc_strequal as *const u8,
        hashfn: crate::hash::goc_strhash as *const u8,
        methods: &METHODS as *const Methods as *const Method,
        nmethods: 2,
        ..desc(name, kind, 16, td::FLAG_COMPARABLE | td::FLAG_NAMED, hash)
    }
}

const fn pointer_error_type(name: &'static str, elem: &'static Desc, hash: u32) -> Desc {
    Desc {
        elem,
        methods: &METHODS as *const Methods as *const Method,
        nmethods: 2,
        ..desc(
            name,
            td::KIND_POINTER,
            8,
            td::FLAG_COMPARABLE | td::FLAG_REGULAR_MEMORY | td::FLAG_DIRECT_IFACE,
            hash,
        )
    }
}

#[repr(transparent)]
struct ErrorOnly([Method; 1]);
unsafe impl Sync for ErrorOnly {}

static ERROR_METHOD: ErrorOnly = ErrorOnly([Method {
    name: "Error".as_ptr(),
    name_len: 5,
    mtyp: &FUNC_STRING,
    ifn: error_text as *const u8,
}]);

static UNHASHABLE_ERROR: Desc = Desc {
    methods: &ERROR_METHOD as *const ErrorOnly as *const Method,
    nmethods: 1,
    ..error_type("maps.unhashableTypeError", td::KIND_STRUCT, 0x51a0_0008)
};
static BOUNDS_ERROR: Desc = error_type("runtime.boundsError", td::KIND_STRUCT, 0x51a0_0001);
static ERROR_STRING: Desc = error_type("runtime.errorString", td::KIND_STRING, 0x51a0_0002);
static PLAIN_ERROR: Desc = error_type("runtime.plainError", td::KIND_STRING, 0x51a0_0003);
static TYPE_ASSERTION_ERROR: Desc = Desc {
    methods: core::ptr::null(),
    nmethods: 0,
    ..error_type("runtime.TypeAssertionError", td::KIND_STRUCT, 0x51a0_0004)
};
static PTR_TYPE_ASSERTION_ERROR: Desc = pointer_error_type(
    "*runtime.TypeAssertionError",
    &TYPE_ASSERTION_ERROR,
    0x51a0_0005,
);
static PANIC_NIL_ERROR: Desc = Desc {
    methods: core::ptr::null(),
    nmethods: 0,
    ..error_type("runtime.PanicNilError", td::KIND_STRUCT, 0x51a0_0006)
};
static PTR_PANIC_NIL_ERROR: Desc =
    pointer_error_type("*runtime.PanicNilError", &PANIC_NIL_ERROR, 0x51a0_0007);

/// The kinds of run-time error, by Go type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// `runtime.boundsError`; the text starts with `runtime error: `.
    Bounds,
    /// `runtime.errorString`; the text starts with `runtime error: `.
    ErrorString,
    /// `runtime.plainError`.
    Plain,
    /// `*runtime.TypeAssertionError`.
    TypeAssertion,
    /// `maps.unhashableTypeError` (an error, not a runtime.Error).
    Unhashable,
}

fn descriptor(k: Kind) -> &'static Desc {
    match k {
        Kind::Bounds => &BOUNDS_ERROR,
        Kind::ErrorString => &ERROR_STRING,
        Kind::Plain => &PLAIN_ERROR,
        Kind::TypeAssertion => &PTR_TYPE_ASSERTION_ERROR,
        Kind::Unhashable => &UNHASHABLE_ERROR,
    }
}

/// A fixed buffer that formats an error message (messages are short; a
/// longer one is cut, never overflowed).
pub struct Text {
    buf: [u8; 512],
    len: usize,
}

impl Text {
    pub fn new() -> Text {
        Text {
            buf: [0; 512],
            len: 0,
        }
    }
    pub fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::new()
    }
}

impl Sink for Text {
    fn put(&mut self, b: &[u8]) {
        let n = b.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&b[..n]);
        self.len += n;
    }
}

/// The one `*runtime.PanicNilError` value: Go's PanicNilError has size
/// zero, so every `new(PanicNilError)` is the same pointer (`&zerobase`),
/// which is why a repeated `panic(nil)` prints as repanicked.
#[repr(transparent)]
struct Shared(GoString);
unsafe impl Sync for Shared {}
const PANIC_NIL_TEXT: &str = "runtime error: panic called with nil argument";
static PANIC_NIL: Shared = Shared(GoString {
    ptr: PANIC_NIL_TEXT.as_ptr(),
    len: PANIC_NIL_TEXT.len() as i64,
});

/// The interface value of `panic(nil)`.
pub fn panic_nil_value() -> (*const u8, *const u8) {
    (
        &PTR_PANIC_NIL_ERROR as *const Desc as *const u8,
        &PANIC_NIL as *const Shared as *const u8,
    )
}

/// The interface value `(type, data)` of a run-time error of kind `k` whose
/// Error() text is written by `f`. Allocates the text and its box.
pub fn value(k: Kind, f: impl FnOnce(&mut Text)) -> (*const u8, *const u8) {
    let mut t = Text::new();
    match k {
        Kind::Bounds | Kind::ErrorString => t.put(b"runtime error: "),
        Kind::Plain | Kind::TypeAssertion | Kind::Unhashable => {}
    }
    f(&mut t);
    let s = crate::string::copy_string(t.bytes());
    let b = crate::malloc::mallocgc(
        core::mem::size_of::<GoString>(),
        &SHAPE_PTR_16 as *const Shape1 as *const u8,
    ) as *mut GoString;
    unsafe { b.write(s) };
    (descriptor(k) as *const Desc as *const u8, b as *const u8)
}

/// Raise a run-time error panic of kind `k` with the text `f` writes
/// (after the `runtime error: ` prefix where the kind has one).
#[cold]
#[inline(never)]
pub fn raise(k: Kind, f: impl FnOnce(&mut Text)) -> ! {
    // The text buffer is too big for a goroutine's guard area.
    let (t, d) = crate::stack::systemstack(|| value(k, f));
    // SAFETY: a run-time error value of one of this module's types.
    unsafe { crate::panic::gopanic(t, d) }
}

/// `raise` with a fixed message.
#[cold]
#[inline(never)]
pub fn raise_msg(k: Kind, msg: &[u8]) -> ! {
    raise(k, |t| t.put(msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(v: (*const u8, *const u8)) -> String {
        let g = error_text(v.1 as *const GoString);
        let b = unsafe { core::slice::from_raw_parts(g.ptr, g.len as usize) };
        String::from_utf8(b.to_vec()).unwrap()
    }

    #[test]
    fn error_texts_and_types() {
        let v = value(Kind::Bounds, |t| {
            crate::panic::put_bounds_message(t, 0, 5, 3, true)
        });
        assert_eq!(
            text_of(v),
            "runtime error: index out of range [5] with length 3"
        );
        assert_eq!(Type(v.0).name(), b"runtime.boundsError");
        let v = value(Kind::Plain, |t| t.put(b"assignment to entry in nil map"));
        assert_eq!(text_of(v), "assignment to entry in nil map");
        let v = panic_nil_value();
        assert_eq!(text_of(v), "runtime error: panic called with nil argument");
        assert_eq!(v, panic_nil_value());
        assert_eq!(Type(v.0).name(), b"*runtime.PanicNilError");
        assert!(Type(v.0).direct_iface());
        // Error and RuntimeError, sorted, with the runtime's signatures.
        assert_eq!(Type(v.0).nmethods(), 2);
        assert!(crate::iface::is_func_returning_string(
            &FUNC_STRING as *const Desc as *const u8
        ));
    }

    #[test]
    fn long_texts_are_cut() {
        let v = value(Kind::Plain, |t| {
            for _ in 0..100 {
                t.put(b"0123456789")
            }
        });
        assert_eq!(text_of(v).len(), 512);
    }
}
