//! Interfaces: itabs built at run time, type assertions that fail, and
//! `panic(v)` of a value whose type is only known at run time.
//!
//! # Values and tables
//!
//! An empty interface (`any`) is two words `(type descriptor, data)`; a
//! non-empty one is `(itab, data)`; nil is `(0, 0)`. The data word is the
//! value itself for pointer-shaped types (`FLAG_DIRECT_IFACE`) and otherwise
//! a pointer to a heap copy of the value.
//!
//! A concrete type's descriptor lists its method set (`METHODS`,
//! `NMETHODS`), sorted by name; each entry (`goc_abi::typedesc::method`)
//! holds the name, the method's func type without receiver (`MTYP`) and
//! the code to call through an interface (`IFN`, receiver = the data word).
//! An interface type's descriptor lists its methods the same way, with
//! `IFN` 0. Func type descriptors are unique per type, so two methods have
//! the same signature exactly when their `MTYP` pointers are equal.
//!
//! An itab (`goc_abi::itab`) is `INTER`, `TYPE`, `HASH` (a copy of the
//! type's hash, for type switches) and `FUN[n]`: the `IFN` of each of the
//! interface's `n` methods, in the interface's order. The compiler emits
//! the itabs of the pairs it can see as data; the pairs found only at run
//! time (`x.(I)`, type switch cases with interface types, conversions from
//! one interface type to another) are built here, by one merge of the two
//! sorted method lists, and cached.
//!
//! # The cache
//!
//! An open-addressing hash table of itab pointers keyed by the pair
//! `(interface descriptor, type descriptor)`, probed linearly. Failures
//! are cached too, as itabs whose `FUN[0]` is 0 ("does not implement"), so
//! a type switch that keeps asking the same question stays cheap; the name
//! of the missing method is recomputed only on the way to a panic.
//!
//! Invariants:
//! * Itabs are immutable once published, and live for the whole run (so
//!   are old tables: nothing is freed). Comparing itab pointers is never
//!   needed: interface equality and type switches compare `TYPE` words.
//! * A slot goes from null to an itab once and never changes again; at
//!   most 3/4 of a table's slots are full, so every probe meets a null
//!   slot and ends.
//! * Lookups take no lock: they read the current table and its slots with
//!   acquire loads. Insertions (and growth, which builds a new table and
//!   publishes it with a release store) happen under a spin lock, after a
//!   second lookup under the lock, so each pair gets exactly one itab.
//!   A reader still on an old table may miss a new entry; it then takes the
//!   lock and finds it.
//!
//! Rejected: a fixed-size table (Go's first itab cache was a fixed hash
//! table with chains; growth keeps probes short whatever the program
//! does), and a per-call-site cache emitted by the compiler (faster for hot
//! type switches, but it needs writable per-site data and is an
//! optimisation for later).
//!
//! GC note: the table and the itabs come from the allocator and are
//! reachable only from `TABLE`; when a collector arrives they must be
//! allocated outside the collected heap (Go uses persistentalloc for
//! itabs) or `TABLE` must be a root.
//!
//! # Panic values
//!
//! A panic value that is printed (no deferred call recovered it) prints as Go's
//! `printpanicval` does: a value whose method set has `Error() string`
//! prints its Error() result, else one with `String() string` its String()
//! result (both called before anything is printed, as Go's preprintpanics
//! does, so output they print themselves comes first); predeclared basic
//! types print their value; other types with a basic kind print
//! `main.T(value)` (strings `main.S("...")`, complex `main.C(1+2i)`); the
//! rest `(main.T) 0x<data word>`. Strings get a tab after each newline.
//!
//! Calling `Error`/`String` means calling compiled Go code from Rust. That
//! code reads the g register (r15 / x21) in every prologue, and Rust code
//! may keep its own values in that (callee-saved) register, so the call
//! goes through a tiny `asm!` shim ([`call_string_method`]) that loads g
//! from the current M's `curg` right at the call. (The only `asm!` outside `arch/`:
//! it belongs there as a general "call compiled code" primitive once the
//! scheduler's systemstack switch exists.) A panic inside Error()/String()
//! while the final report is prepared is Go's fatal `panic while printing
//! panic value` (panic.rs).
//!
//! Failed assertions raise `*runtime.TypeAssertionError` panics
//! (rterror.rs); `panic(v)` itself is `goc_gopanic_eface` in panic.rs.
//! The run-time error types' methods have the runtime's own `func()
//! string` / `func()` descriptors, which match the compiler's by structure
//! (`same_method_type`).

use crate::print::{self, Sink};
use crate::string::GoString;
use crate::typedesc::Type;
use core::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use goc_abi::itab as it;
use goc_abi::typedesc as td;

// ---- method tables ----

/// One entry of a descriptor's method table.
#[derive(Clone, Copy)]
struct Method(*const u8);

impl Method {
    #[inline(always)]
    fn word(self, off: i32) -> u64 {
        unsafe { core::ptr::read_unaligned(self.0.add(off as usize) as *const u64) }
    }
    fn name(self) -> &'static [u8] {
        let p = self.word(td::method::NAME) as *const u8;
        let n = self.word(td::method::NAME + 8) as i64;
        if p.is_null() || n <= 0 {
            return b"";
        }
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    }
    #[inline(always)]
    fn mtyp(self) -> *const u8 {
        self.word(td::method::MTYP) as *const u8
    }
    #[inline(always)]
    fn ifn(self) -> usize {
        self.word(td::method::IFN) as usize
    }
}

#[inline(always)]
fn desc_word(t: Type, off: i32) -> u64 {
    unsafe { core::ptr::read_unaligned(t.0.add(off as usize) as *const u64) }
}

/// Method `i` (`i < t.nmethods()`) of `t`'s table.
#[inline(always)]
fn method(t: Type, i: usize) -> Method {
    let base = desc_word(t, td::METHODS) as *const u8;
    Method(unsafe { base.add(i * td::method::SIZE_OF) })
}

/// `t`'s method named `name`, by binary search of the sorted table.
fn find_method(t: Type, name: &[u8]) -> Option<Method> {
    let (mut lo, mut hi) = (0, t.nmethods());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let m = method(t, mid);
        match m.name().cmp(name) {
            core::cmp::Ordering::Less => lo = mid + 1,
            core::cmp::Ordering::Greater => hi = mid,
            core::cmp::Ordering::Equal => return Some(m),
        }
    }
    None
}

/// Match interface `inter`'s methods against `typ`'s method set: both
/// lists are sorted by name, so one merge finds each method. Writes the
/// code pointers to `fun` (when given) in the interface's order. Err(i):
/// interface method `i` is missing from `typ` (or has another signature),
/// the first such in the interface's order, as Go reports it.
///
/// # Safety
/// `fun`, when not null, must have room for `inter.nmethods()` words.
unsafe fn match_methods(inter: Type, typ: Type, fun: *mut usize) -> Result<(), usize> {
    let (ni, nt) = (inter.nmethods(), typ.nmethods());
    let mut j = 0;
    for i in 0..ni {
        let im = method(inter, i);
        let name = im.name();
        loop {
            if j == nt {
                return Err(i);
            }
            let tm = method(typ, j);
            match tm.name().cmp(name) {
                core::cmp::Ordering::Less => j += 1,
                core::cmp::Ordering::Greater => return Err(i),
                core::cmp::Ordering::Equal => {
                    if !same_method_type(tm.mtyp(), im.mtyp()) {
                        return Err(i);
                    }
                    if !fun.is_null() {
                        *fun.add(i) = tm.ifn();
                    }
                    j += 1;
                    break;
                }
            }
        }
    }
    Ok(())
}

/// Whether a concrete type's method type `t` matches an interface's `i`:
/// the same descriptor (func descriptors are unique within a program), or
/// one of the runtime's own signatures of its error types with the same
/// structure (rterror.rs).
fn same_method_type(t: *const u8, i: *const u8) -> bool {
    t == i || crate::rterror::runtime_sig_matches(t, i) == Some(true)
}

/// The name of the first method of `inter` that `typ` lacks (empty if
/// none).
fn missing_method(inter: Type, typ: Type) -> &'static [u8] {
    match unsafe { match_methods(inter, typ, core::ptr::null_mut()) } {
        Ok(()) => b"",
        Err(i) => method(inter, i).name(),
    }
}

// ---- itabs ----

#[inline(always)]
unsafe fn itab_word(tab: *const u8, off: i32) -> usize {
    core::ptr::read(tab.add(off as usize) as *const usize)
}

/// Whether a cached itab records that its type does not implement its
/// interface.
#[inline(always)]
unsafe fn itab_is_negative(tab: *const u8) -> bool {
    let inter = Type(itab_word(tab, it::INTER) as *const u8);
    inter.nmethods() > 0 && itab_word(tab, it::FUN) == 0
}

/// Build the itab for `(inter, typ)`: `FUN[0]` is 0 when `typ` does not
/// implement `inter`.
unsafe fn build_itab(inter: Type, typ: Type) -> *const u8 {
    let n = inter.nmethods().max(1);
    let tab = alloc(it::FUN as usize + 8 * n, 8);
    *(tab.add(it::INTER as usize) as *mut usize) = inter.0 as usize;
    *(tab.add(it::TYPE as usize) as *mut usize) = typ.0 as usize;
    *(tab.add(it::HASH as usize) as *mut u32) = typ.hash();
    let fun = tab.add(it::FUN as usize) as *mut usize;
    if match_methods(inter, typ, fun).is_err() {
        *fun = 0;
    }
    tab
}

// ---- the cache ----

/// Header of a cache table; `cap` slots (`AtomicPtr<u8>`) follow it.
#[repr(C)]
struct Table {
    cap: usize,
    /// Full slots; changed only under `LOCK`.
    count: usize,
}

static TABLE: AtomicPtr<Table> = AtomicPtr::new(core::ptr::null_mut());
static LOCK: AtomicBool = AtomicBool::new(false);
const MIN_CAP: usize = 64;

#[inline(always)]
unsafe fn slots<'a>(t: *mut Table) -> &'a [AtomicPtr<u8>] {
    let p = (t as *mut u8).add(core::mem::size_of::<Table>()) as *const AtomicPtr<u8>;
    core::slice::from_raw_parts(p, (*t).cap)
}

#[inline(always)]
fn slot_hash(inter: Type, typ: Type) -> usize {
    let (a, b) = (inter.0 as u64, typ.0 as u64);
    ((a ^ b.rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize
}

/// The cached itab for the pair in table `t`, or null.
unsafe fn lookup(t: *mut Table, inter: Type, typ: Type) -> *const u8 {
    let s = slots(t);
    let mask = s.len() - 1;
    let mut i = slot_hash(inter, typ) & mask;
    loop {
        let p = s[i].load(Ordering::Acquire);
        if p.is_null() {
            return p;
        }
        if itab_word(p, it::INTER) == inter.0 as usize && itab_word(p, it::TYPE) == typ.0 as usize {
            return p;
        }
        i = (i + 1) & mask;
    }
}

/// Put `tab` into a table known to have room for it.
unsafe fn put(t: *mut Table, tab: *const u8) {
    let inter = Type(itab_word(tab, it::INTER) as *const u8);
    let typ = Type(itab_word(tab, it::TYPE) as *const u8);
    let s = slots(t);
    let mask = s.len() - 1;
    let mut i = slot_hash(inter, typ) & mask;
    while !s[i].load(Ordering::Relaxed).is_null() {
        i = (i + 1) & mask;
    }
    s[i].store(tab as *mut u8, Ordering::Release);
    (*t).count += 1;
}

unsafe fn new_table(cap: usize) -> *mut Table {
    let t = alloc(core::mem::size_of::<Table>() + cap * 8, 8) as *mut Table;
    (*t).cap = cap; // slots are zero (null) from the allocator
    t
}

/// Add `tab` to the cache, growing it first if it would be more than 3/4
/// full. Caller holds `LOCK`.
unsafe fn insert(tab: *const u8) {
    let mut t = TABLE.load(Ordering::Relaxed);
    if t.is_null() || ((*t).count + 1) * 4 > (*t).cap * 3 {
        let cap = if t.is_null() { MIN_CAP } else { (*t).cap * 2 };
        let nt = new_table(cap);
        if !t.is_null() {
            for s in slots(t) {
                let p = s.load(Ordering::Relaxed);
                if !p.is_null() {
                    put(nt, p);
                }
            }
        }
        TABLE.store(nt, Ordering::Release);
        t = nt;
    }
    put(t, tab);
}

fn lock() {
    while LOCK
        .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        core::hint::spin_loop();
    }
}

fn unlock() {
    LOCK.store(false, Ordering::Release);
}

/// The cached itab for `(inter, typ)`, building it on first use. May be a
/// negative itab ([`itab_is_negative`]).
fn get_itab(inter: Type, typ: Type) -> *const u8 {
    unsafe {
        let t = TABLE.load(Ordering::Acquire);
        if !t.is_null() {
            let p = lookup(t, inter, typ);
            if !p.is_null() {
                return p;
            }
        }
        lock();
        let t = TABLE.load(Ordering::Relaxed);
        let mut p = if t.is_null() {
            core::ptr::null()
        } else {
            lookup(t, inter, typ)
        };
        if p.is_null() {
            p = build_itab(inter, typ);
            insert(p);
        }
        unlock();
        p
    }
}

// ---- allocation seam ----

#[cfg(not(test))]
#[inline(always)]
fn alloc(size: usize, align: usize) -> *mut u8 {
    crate::malloc::alloc(size, align)
}

/// Host tests run in parallel threads and the runtime's bump allocator is
/// single-threaded: take zeroed, leaked memory from std.
#[cfg(test)]
fn alloc(size: usize, align: usize) -> *mut u8 {
    let l = std::alloc::Layout::from_size_align(size.max(8), align.max(8)).unwrap();
    let p = unsafe { std::alloc::alloc_zeroed(l) };
    assert!(!p.is_null());
    p
}

// ---- messages (pure: they write to any Sink) ----

/// Go's TypeAssertionError text for a failed `x.(I)` to a non-empty
/// interface type: `typ` None for a nil `x`, else the dynamic type and
/// the first method it lacks.
pub fn put_e2i_message<S: Sink + ?Sized>(
    s: &mut S,
    inter: Type,
    typ: Option<Type>,
    missing: &[u8],
) {
    s.put(b"interface conversion: ");
    match typ {
        None => {
            s.put(b"interface is nil, not ");
            s.put(inter.name());
        }
        Some(t) => {
            s.put(t.name());
            s.put(b" is not ");
            s.put(inter.name());
            s.put(b": missing method ");
            s.put(missing);
        }
    }
}

/// Go's TypeAssertionError text for a failed `x.(T)`: `have` is the
/// dynamic type (None for nil), `want` the asserted type, `iface` the
/// static type of `x`. A nil `x` asserted to an interface type reads
/// `interface is nil` (Go's assertE2I path names no static type).
pub fn put_dottype_message<S: Sink + ?Sized>(
    s: &mut S,
    have: Option<Type>,
    want: Type,
    iface: Type,
) {
    s.put(b"interface conversion: ");
    match have {
        None => {
            if want.kind() == td::KIND_INTERFACE {
                s.put(b"interface");
            } else {
                s.put(iface.name());
            }
            s.put(b" is nil, not ");
            s.put(want.name());
        }
        Some(h) => {
            s.put(iface.name());
            s.put(b" is ");
            s.put(h.name());
            s.put(b", not ");
            s.put(want.name());
            if h.name() == want.name() {
                // Descriptors carry no package path, so two distinct types
                // with one name are taken to come from different scopes
                // (Go says "packages" when their package paths differ).
                s.put(b" (types from different scopes)");
            }
        }
    }
}

/// The name Go's reflect gives the predeclared type of a basic kind.
fn basic_name(kind: u8) -> &'static [u8] {
    match kind {
        td::KIND_BOOL => b"bool",
        td::KIND_INT => b"int",
        td::KIND_INT8 => b"int8",
        td::KIND_INT16 => b"int16",
        td::KIND_INT32 => b"int32",
        td::KIND_INT64 => b"int64",
        td::KIND_UINT => b"uint",
        td::KIND_UINT8 => b"uint8",
        td::KIND_UINT16 => b"uint16",
        td::KIND_UINT32 => b"uint32",
        td::KIND_UINT64 => b"uint64",
        td::KIND_UINTPTR => b"uintptr",
        td::KIND_FLOAT32 => b"float32",
        td::KIND_FLOAT64 => b"float64",
        td::KIND_COMPLEX64 => b"complex64",
        td::KIND_COMPLEX128 => b"complex128",
        td::KIND_STRING => b"string",
        _ => b"",
    }
}

/// Whether `t` is a predeclared basic type (printed bare by panic), as
/// opposed to a defined type with a basic kind (printed `T(v)`). Decided
/// by name, since the only unnamed types of a basic kind are the
/// predeclared ones (`byte`/`rune` are `uint8`/`int32`).
fn is_predeclared(t: Type) -> bool {
    let n = t.name();
    let b = basic_name(t.kind());
    !b.is_empty()
        && (n == b
            || (t.kind() == td::KIND_UINT8 && n == b"byte")
            || (t.kind() == td::KIND_INT32 && n == b"rune"))
}

/// A value of a basic kind, as print/println writes it. False for other
/// kinds.
///
/// # Safety
/// `p` must point to a value of type `t`.
unsafe fn put_basic<S: Sink + ?Sized>(s: &mut S, t: Type, p: *const u8) -> bool {
    use core::ptr::read_unaligned as rd;
    match t.kind() {
        td::KIND_BOOL => print::put_bool(s, rd(p) != 0u8),
        td::KIND_INT => print::put_int(s, rd::<i64>(p as *const i64)),
        td::KIND_INT8 => print::put_int(s, rd::<i8>(p as *const i8) as i64),
        td::KIND_INT16 => print::put_int(s, rd::<i16>(p as *const i16) as i64),
        td::KIND_INT32 => print::put_int(s, rd::<i32>(p as *const i32) as i64),
        td::KIND_INT64 => print::put_int(s, rd::<i64>(p as *const i64)),
        td::KIND_UINT | td::KIND_UINT64 | td::KIND_UINTPTR => {
            print::put_uint(s, rd::<u64>(p as *const u64))
        }
        td::KIND_UINT8 => print::put_uint(s, rd::<u8>(p) as u64),
        td::KIND_UINT16 => print::put_uint(s, rd::<u16>(p as *const u16) as u64),
        td::KIND_UINT32 => print::put_uint(s, rd::<u32>(p as *const u32) as u64),
        td::KIND_FLOAT32 => print::put_float(s, rd::<f32>(p as *const f32) as f64, true),
        td::KIND_FLOAT64 => print::put_float(s, rd::<f64>(p as *const f64), false),
        td::KIND_COMPLEX64 => {
            let (re, im) = (
                rd::<f32>(p as *const f32),
                rd::<f32>(p.add(4) as *const f32),
            );
            print::put_complex(s, re as f64, im as f64, true)
        }
        td::KIND_COMPLEX128 => {
            let (re, im) = (
                rd::<f64>(p as *const f64),
                rd::<f64>(p.add(8) as *const f64),
            );
            print::put_complex(s, re, im, false)
        }
        td::KIND_STRING => {
            let g = rd::<GoString>(p as *const GoString);
            print::put_indented(s, go_bytes(g))
        }
        _ => return false,
    }
    true
}

fn go_bytes<'a>(g: GoString) -> &'a [u8] {
    if g.ptr.is_null() || g.len <= 0 {
        &[]
    } else {
        unsafe { core::slice::from_raw_parts(g.ptr, g.len as usize) }
    }
}

/// The text of a panic value of dynamic type `t` and data word `data`,
/// after `panic: `, when it has no Error/String method (Go's
/// printpanicval / printanycustomtype).
///
/// # Safety
/// `data` must be the data word of an interface holding a `t`.
pub unsafe fn put_panic_value<S: Sink + ?Sized>(s: &mut S, t: Type, data: *const u8) {
    let basic = !basic_name(t.kind()).is_empty();
    // Basic kinds are never stored directly: data points at the value.
    if basic && is_predeclared(t) {
        put_basic(s, t, data);
        return;
    }
    if basic {
        s.put(t.name());
        match t.kind() {
            td::KIND_STRING => {
                s.put(b"(\"");
                put_basic(s, t, data);
                s.put(b"\")");
            }
            td::KIND_COMPLEX64 | td::KIND_COMPLEX128 => {
                put_basic(s, t, data); // prints its own parentheses
            }
            _ => {
                s.put(b"(");
                put_basic(s, t, data);
                s.put(b")");
            }
        }
        return;
    }
    s.put(b"(");
    s.put(t.name());
    s.put(b") ");
    print::put_hex(s, data as u64);
}

// ---- calling Error() / String() ----

/// Whether `f` is the descriptor of `func() string`.
pub fn is_func_returning_string(f: *const u8) -> bool {
    if f.is_null() {
        return false;
    }
    let f = Type(f);
    if f.kind() != td::KIND_FUNC || desc_word(f, td::NFIELDS) != 1 << 32 {
        return false;
    }
    let params = desc_word(f, td::FIELDS) as *const *const u8;
    if params.is_null() {
        return false;
    }
    let r = unsafe { *params };
    !r.is_null() && Type(r).kind() == td::KIND_STRING && Type(r).name() == b"string"
}

/// The code of `t`'s method `name` if its type is `func() string`.
fn string_method(t: Type, name: &[u8]) -> Option<usize> {
    let m = find_method(t, name)?;
    if is_func_returning_string(m.mtyp()) && m.ifn() != 0 {
        Some(m.ifn())
    } else {
        None
    }
}

/// Call compiled code `f(recv) -> string` with the g register holding the
/// current G (see the file comment).
///
/// # Safety
/// `f` must be an `IFN` of type `func() string` and `recv` a matching
/// data word.
#[cfg(target_arch = "x86_64")]
unsafe fn call_string_method(f: usize, recv: *const u8) -> GoString {
    let g = crate::proc::curg_ptr() as usize;
    let (ptr, len): (usize, usize);
    core::arch::asm!(
        "call {f}",
        f = in(reg) f,
        in("r15") g,
        inlateout("rdi") recv => _,
        lateout("rax") ptr,
        lateout("rdx") len,
        clobber_abi("C"),
    );
    GoString {
        ptr: ptr as *const u8,
        len: len as i64,
    }
}

/// See the x86_64 version.
///
/// # Safety
/// As for the x86_64 version.
#[cfg(target_arch = "aarch64")]
unsafe fn call_string_method(f: usize, recv: *const u8) -> GoString {
    let g = crate::proc::curg_ptr() as usize;
    let (ptr, len): (usize, usize);
    core::arch::asm!(
        "blr {f}",
        f = in(reg) f,
        in("x21") g,
        inlateout("x0") recv => ptr,
        lateout("x1") len,
        clobber_abi("C"),
    );
    GoString {
        ptr: ptr as *const u8,
        len: len as i64,
    }
}

/// Go's preprintpanics: the string a panic value stands for when its type
/// has `Error() string` (preferred) or `String() string`. Calls the method.
///
/// # Safety
/// `data` must be the data word of an interface holding a `t`.
pub unsafe fn method_text(t: Type, data: *const u8) -> Option<&'static [u8]> {
    let f = string_method(t, b"Error").or_else(|| string_method(t, b"String"))?;
    crate::stack::ensure_for_go();
    Some(go_bytes(call_string_method(f, data)))
}

// ---- entry points for compiled code ----

/// Raise a `*runtime.TypeAssertionError` with the text `f` writes.
#[cold]
#[inline(never)]
fn die_with(f: impl FnOnce(&mut crate::rterror::Text)) -> ! {
    crate::rterror::raise(crate::rterror::Kind::TypeAssertion, f)
}

/// `x.(I)` for a non-empty interface type `I` (and the conversion of an
/// interface value to another interface type): the itab for dynamic type
/// `typ`. Panics with Go's message if `typ` is null (nil `x`) or lacks a
/// method of `I`.
///
/// # Safety
/// `inter` must be an interface type's descriptor, `typ` null or a
/// concrete type's descriptor.
#[no_mangle]
#[allow(non_snake_case)]
pub unsafe extern "C" fn goc_assertE2I(inter: *const u8, typ: *const u8) -> *const u8 {
    let inter = Type(inter);
    if typ.is_null() {
        die_with(|s| put_e2i_message(s, inter, None, b""));
    }
    let typ = Type(typ);
    let tab = get_itab(inter, typ);
    if itab_is_negative(tab) {
        die_with(|s| put_e2i_message(s, inter, Some(typ), missing_method(inter, typ)));
    }
    tab
}

/// The comma-ok form of [`goc_assertE2I`]: null for a nil `typ` or one
/// that does not implement `inter`.
///
/// # Safety
/// As for [`goc_assertE2I`].
#[no_mangle]
#[allow(non_snake_case)]
pub unsafe extern "C" fn goc_assertE2I2(inter: *const u8, typ: *const u8) -> *const u8 {
    if typ.is_null() {
        return core::ptr::null();
    }
    let tab = get_itab(Type(inter), Type(typ));
    if itab_is_negative(tab) {
        core::ptr::null()
    } else {
        tab
    }
}

/// A failed `x.(T)`: `have` is x's dynamic type (null for nil), `want`
/// the asserted type, `iface` the static type of `x`.
///
/// # Safety
/// `want` and `iface` must be descriptors, `have` null or a descriptor.
#[no_mangle]
pub unsafe extern "C" fn goc_panicdottype(have: *const u8, want: *const u8, iface: *const u8) -> ! {
    let have = if have.is_null() {
        None
    } else {
        Some(Type(have))
    };
    die_with(|s| put_dottype_message(s, have, Type(want), Type(iface)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::tests::Desc;
    use crate::print::tests::render;

    // Every descriptor and table is leaked: the cache is keyed by address,
    // so a freed descriptor's address must never come back in another test.

    fn leak(d: Box<Desc>) -> Type {
        Type(Box::leak(d).0.as_ptr())
    }
    fn desc(size: u64, kind: u8, flags: u8, name: &'static str) -> Box<Desc> {
        Desc::new(size, kind, 8, flags).named(name)
    }
    fn basic(kind: u8, size: u64, name: &'static str) -> Type {
        leak(desc(size, kind, td::FLAG_COMPARABLE, name))
    }
    /// A func type descriptor with the given parameters and results.
    fn func(params: &[Type], results: &[Type], name: &'static str) -> Type {
        let mut d = desc(8, td::KIND_FUNC, td::FLAG_DIRECT_IFACE, name);
        let words: Vec<u64> = params.iter().chain(results).map(|t| t.0 as u64).collect();
        d.put(
            td::FIELDS,
            Box::leak(words.into_boxed_slice()).as_ptr() as u64,
        );
        d.put(
            td::NFIELDS,
            params.len() as u64 | (results.len() as u64) << 32,
        );
        leak(d)
    }
    /// A method table of (name, type, code), sorted by the caller.
    fn with_methods(mut d: Box<Desc>, ms: &[(&'static str, Type, usize)]) -> Type {
        let mut words = vec![0u64; ms.len() * td::method::SIZE_OF / 8];
        for (i, (n, t, f)) in ms.iter().enumerate() {
            let e = i * td::method::SIZE_OF / 8;
            words[e + td::method::NAME as usize / 8] = n.as_ptr() as u64;
            words[e + td::method::NAME as usize / 8 + 1] = n.len() as u64;
            words[e + td::method::MTYP as usize / 8] = t.0 as u64;
            words[e + td::method::IFN as usize / 8] = *f as u64;
        }
        d.put(
            td::METHODS,
            Box::leak(words.into_boxed_slice()).as_ptr() as u64,
        );
        d.put(td::NMETHODS, ms.len() as u64);
        leak(d)
    }
    fn iface(name: &'static str, ms: &[(&'static str, Type)]) -> Type {
        let ms: Vec<_> = ms.iter().map(|&(n, t)| (n, t, 0)).collect();
        with_methods(desc(16, td::KIND_INTERFACE, td::FLAG_COMPARABLE, name), &ms)
    }
    fn strukt(name: &'static str, ms: &[(&'static str, Type, usize)]) -> Type {
        with_methods(desc(8, td::KIND_STRUCT, td::FLAG_NAMED, name), ms)
    }
    unsafe fn fun(tab: *const u8, i: usize) -> usize {
        itab_word(tab, it::FUN + 8 * i as i32)
    }

    struct Sigs {
        string: Type,
        f: Type,         // func()
        f_int: Type,     // func(int)
        f_str: Type,     // func() string
        f_ret_int: Type, // func() int
    }
    fn sigs() -> Sigs {
        let int = basic(td::KIND_INT, 8, "int");
        let string = basic(td::KIND_STRING, 16, "string");
        Sigs {
            string,
            f: func(&[], &[], "func()"),
            f_int: func(&[int], &[], "func(int)"),
            f_str: func(&[], &[string], "func() string"),
            f_ret_int: func(&[], &[int], "func() int"),
        }
    }

    #[test]
    fn itab_fun_order_and_cache() {
        let s = sigs();
        // interface {A(); C(); E()} against a type with A..F
        let i = iface("main.I", &[("A", s.f), ("C", s.f), ("E", s.f)]);
        let t = strukt(
            "main.T",
            &[
                ("A", s.f, 10),
                ("B", s.f, 11),
                ("C", s.f, 12),
                ("D", s.f, 13),
                ("E", s.f, 14),
                ("F", s.f, 15),
            ],
        );
        unsafe {
            let tab = goc_assertE2I(i.0, t.0);
            assert_eq!(itab_word(tab, it::INTER), i.0 as usize);
            assert_eq!(itab_word(tab, it::TYPE), t.0 as usize);
            assert_eq!((fun(tab, 0), fun(tab, 1), fun(tab, 2)), (10, 12, 14));
            assert_eq!(goc_assertE2I(i.0, t.0), tab, "cached");
            assert_eq!(goc_assertE2I2(i.0, t.0), tab, "comma-ok shares the cache");
            assert!(goc_assertE2I2(i.0, core::ptr::null()).is_null());
        }
    }

    #[test]
    fn itab_copies_hash() {
        let s = sigs();
        let i = iface("main.I", &[("M", s.f)]);
        let mut d = desc(8, td::KIND_STRUCT, td::FLAG_NAMED, "main.H");
        d.0[td::HASH as usize..td::HASH as usize + 4]
            .copy_from_slice(&0xdead_beefu32.to_le_bytes());
        let t = with_methods(d, &[("M", s.f, 1)]);
        let tab = unsafe { goc_assertE2I(i.0, t.0) };
        assert_eq!(
            unsafe { *(tab.add(it::HASH as usize) as *const u32) },
            0xdead_beef
        );
    }

    #[test]
    fn missing_methods() {
        let s = sigs();
        let i = iface("main.I", &[("M", s.f)]);
        let k = iface("main.K", &[("M", s.f), ("N", s.f)]);
        let lower = iface("main.lower", &[("m", s.f)]);
        let t = strukt("main.T", &[("M", s.f, 1)]);
        let w = strukt("main.W", &[("M", s.f_int, 2)]); // M(int): wrong signature
        let none = strukt("main.Z", &[]);
        unsafe {
            assert!(!goc_assertE2I2(i.0, t.0).is_null());
            assert!(goc_assertE2I2(k.0, t.0).is_null());
            assert!(goc_assertE2I2(k.0, t.0).is_null(), "negative result cached");
            assert!(goc_assertE2I2(i.0, w.0).is_null());
            assert!(goc_assertE2I2(i.0, none.0).is_null());
            assert!(goc_assertE2I2(lower.0, t.0).is_null());
        }
        assert_eq!(missing_method(k, t), b"N");
        assert_eq!(missing_method(i, w), b"M");
        assert_eq!(missing_method(k, none), b"M");
        assert_eq!(missing_method(lower, t), b"m");
        // Go 1.27.3's texts.
        assert_eq!(
            render(|o| put_e2i_message(o, k, Some(t), missing_method(k, t))),
            "interface conversion: main.T is not main.K: missing method N"
        );
        assert_eq!(
            render(|o| put_e2i_message(o, i, Some(w), missing_method(i, w))),
            "interface conversion: main.W is not main.I: missing method M"
        );
        assert_eq!(
            render(|o| put_e2i_message(o, lower, Some(t), missing_method(lower, t))),
            "interface conversion: main.T is not main.lower: missing method m"
        );
        assert_eq!(
            render(|o| put_e2i_message(o, i, None, b"")),
            "interface conversion: interface is nil, not main.I"
        );
    }

    #[test]
    fn cache_grows_and_keeps_entries() {
        let s = sigs();
        let ifs: Vec<Type> = (0..3).map(|_| iface("main.I", &[("M", s.f)])).collect();
        let ts: Vec<Type> = (0..400)
            .map(|k| strukt("main.T", &[("M", s.f, 100 + k)]))
            .collect();
        let mut tabs = Vec::new();
        for &i in &ifs {
            for &t in &ts {
                tabs.push(unsafe { goc_assertE2I(i.0, t.0) });
            }
        }
        let mut n = 0;
        for &i in &ifs {
            for (k, &t) in ts.iter().enumerate() {
                let tab = unsafe { goc_assertE2I(i.0, t.0) };
                assert_eq!(tab, tabs[n]);
                assert_eq!(unsafe { fun(tab, 0) }, 100 + k);
                n += 1;
            }
        }
        let t = TABLE.load(Ordering::Acquire);
        unsafe {
            assert!((*t).cap >= 1200 * 4 / 3);
            assert!((*t).count * 4 <= (*t).cap * 3);
        }
    }

    #[test]
    fn one_itab_per_pair_across_threads() {
        let s = sigs();
        let i = iface("main.I", &[("M", s.f)]);
        let ts: Vec<usize> = (0..300)
            .map(|k| strukt("main.T", &[("M", s.f, k + 1)]).0 as usize)
            .collect();
        let ip = i.0 as usize;
        let runs: Vec<Vec<usize>> = std::thread::scope(|sc| {
            let hs: Vec<_> = (0..4)
                .map(|_| {
                    let ts = &ts;
                    sc.spawn(move || {
                        ts.iter()
                            .map(|&t| unsafe {
                                goc_assertE2I(ip as *const u8, t as *const u8) as usize
                            })
                            .collect()
                    })
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for r in &runs[1..] {
            assert_eq!(r, &runs[0]);
        }
    }

    #[test]
    fn dottype_messages() {
        let any = basic(td::KIND_INTERFACE, 16, "interface {}");
        let int = basic(td::KIND_INT, 8, "int");
        let string = basic(td::KIND_STRING, 16, "string");
        let i = iface("main.I", &[]);
        let pt = basic(td::KIND_POINTER, 8, "*main.T");
        let pu = basic(td::KIND_POINTER, 8, "*main.U");
        let t1 = basic(td::KIND_STRUCT, 0, "main.T");
        let t2 = basic(td::KIND_STRUCT, 0, "main.T");
        // Go 1.27.3's texts.
        let m = |h, w, x| render(|o| put_dottype_message(o, h, w, x));
        assert_eq!(
            m(Some(string), int, any),
            "interface conversion: interface {} is string, not int"
        );
        assert_eq!(
            m(Some(pu), pt, i),
            "interface conversion: main.I is *main.U, not *main.T"
        );
        assert_eq!(
            m(None, int, any),
            "interface conversion: interface {} is nil, not int"
        );
        assert_eq!(
            m(None, pt, i),
            "interface conversion: main.I is nil, not *main.T"
        );
        assert_eq!(
            m(None, any, any),
            "interface conversion: interface is nil, not interface {}"
        );
        assert_eq!(
            m(None, any, i),
            "interface conversion: interface is nil, not interface {}"
        );
        assert_eq!(
            m(Some(t1), t2, any),
            "interface conversion: interface {} is main.T, not main.T (types from different scopes)"
        );
    }

    fn boxed<T>(v: T) -> *const u8 {
        Box::leak(Box::new(v)) as *const T as *const u8
    }
    fn value(t: Type, data: *const u8) -> String {
        render(|o| unsafe { put_panic_value(o, t, data) })
    }

    #[test]
    fn panic_values_by_kind() {
        let named = |k, size, n| leak(desc(size, k, td::FLAG_NAMED | td::FLAG_COMPARABLE, n));
        // Go 1.27.3's outputs after "panic: ".
        assert_eq!(value(basic(td::KIND_INT, 8, "int"), boxed(42i64)), "42");
        assert_eq!(value(basic(td::KIND_INT8, 1, "int8"), boxed(-3i8)), "-3");
        assert_eq!(value(basic(td::KIND_UINT8, 1, "uint8"), boxed(7u8)), "7");
        assert_eq!(value(basic(td::KIND_INT32, 4, "int32"), boxed(97i32)), "97");
        assert_eq!(
            value(basic(td::KIND_UINTPTR, 8, "uintptr"), boxed(9u64)),
            "9"
        );
        assert_eq!(
            value(basic(td::KIND_FLOAT32, 4, "float32"), boxed(0.1f32)),
            "0.1"
        );
        assert_eq!(
            value(
                basic(td::KIND_COMPLEX64, 8, "complex64"),
                boxed([1f32, 1f32])
            ),
            "(1+1i)"
        );
        assert_eq!(value(basic(td::KIND_BOOL, 1, "bool"), boxed(true)), "true");
        let s = "boom\nline2";
        let gs = GoString {
            ptr: s.as_ptr(),
            len: s.len() as i64,
        };
        assert_eq!(
            value(basic(td::KIND_STRING, 16, "string"), boxed(gs)),
            "boom\n\tline2"
        );
        assert_eq!(
            value(named(td::KIND_INT, 8, "main.MyInt"), boxed(3i64)),
            "main.MyInt(3)"
        );
        assert_eq!(
            value(named(td::KIND_INT8, 1, "main.I8"), boxed(-5i8)),
            "main.I8(-5)"
        );
        assert_eq!(
            value(named(td::KIND_UINTPTR, 8, "main.UP"), boxed(5u64)),
            "main.UP(5)"
        );
        assert_eq!(
            value(named(td::KIND_FLOAT64, 8, "main.MyF"), boxed(1.5f64)),
            "main.MyF(1.5)"
        );
        assert_eq!(
            value(named(td::KIND_BOOL, 1, "main.MyB"), boxed(true)),
            "main.MyB(true)"
        );
        assert_eq!(
            value(
                named(td::KIND_COMPLEX128, 16, "main.MyC"),
                boxed([1f64, 2f64])
            ),
            "main.MyC(1+2i)"
        );
        let s = "a\nb";
        let gs = GoString {
            ptr: s.as_ptr(),
            len: s.len() as i64,
        };
        assert_eq!(
            value(named(td::KIND_STRING, 16, "main.MyStr"), boxed(gs)),
            "main.MyStr(\"a\n\tb\")"
        );
        let anon = basic(td::KIND_STRUCT, 8, "struct { A int }");
        assert_eq!(
            value(anon, 0x48c9e8 as *const u8),
            "(struct { A int }) 0x48c9e8"
        );
        let pt = named(td::KIND_STRUCT, 16, "main.Pt");
        assert_eq!(
            value(pt, 0xc000012345 as *const u8),
            "(main.Pt) 0xc000012345"
        );
        let fnt = named(td::KIND_FUNC, 8, "main.Fn");
        assert_eq!(value(fnt, core::ptr::null()), "(main.Fn) 0x0");
        let sl = basic(td::KIND_SLICE, 24, "[]int");
        assert_eq!(value(sl, 0x10 as *const u8), "([]int) 0x10");
    }

    extern "C" fn err_method(recv: *const u8) -> GoString {
        // The receiver is the data word: here a pointer to a string.
        unsafe { *(recv as *const GoString) }
    }
    extern "C" fn str_method(_recv: *const u8) -> GoString {
        let s = "S!";
        GoString {
            ptr: s.as_ptr(),
            len: 2,
        }
    }
    extern "C" fn int_method(_recv: *const u8) -> GoString {
        unreachable!("a method of another type must not be called")
    }

    #[test]
    fn error_and_stringer_values() {
        let s = sigs();
        let my_str = leak(desc(16, td::KIND_STRING, td::FLAG_NAMED, "main.MyStr"));
        let f_my_str = func(&[], &[my_str], "func() main.MyStr");
        let msg = "multi\nline";
        let data = boxed(GoString {
            ptr: msg.as_ptr(),
            len: msg.len() as i64,
        });
        let (ef, sf, bad) = (
            err_method as *const () as usize,
            str_method as *const () as usize,
            int_method as *const () as usize,
        );

        let e = strukt("main.E", &[("Error", s.f_str, ef)]);
        assert_eq!(unsafe { method_text(e, data) }, Some(&b"multi\nline"[..]));
        let both = strukt(
            "main.both",
            &[("Error", s.f_str, ef), ("String", s.f_str, sf)],
        );
        assert_eq!(
            unsafe { method_text(both, data) },
            Some(&b"multi\nline"[..]),
            "Error wins"
        );
        let st = strukt("main.S", &[("M", s.f, 0), ("String", s.f_str, sf)]);
        assert_eq!(unsafe { method_text(st, data) }, Some(&b"S!"[..]));
        // Error() int is not an error; String() MyStr is not a Stringer.
        let bad_err = strukt(
            "main.badErr",
            &[("Error", s.f_ret_int, bad), ("String", s.f_str, sf)],
        );
        assert_eq!(unsafe { method_text(bad_err, data) }, Some(&b"S!"[..]));
        let bad_str = strukt("main.badStr", &[("String", f_my_str, bad)]);
        assert_eq!(unsafe { method_text(bad_str, data) }, None);
        let plain = strukt("main.P", &[("M", s.f, 0)]);
        assert_eq!(unsafe { method_text(plain, data) }, None);
        assert!(is_func_returning_string(s.f_str.0));
        assert!(!is_func_returning_string(s.f_int.0));
        let _ = s.string;
    }
}
