//! goc-abi: the contract between code compiled by goc and the goc runtime.
//!
//! Both sides depend on this crate: the compiler (host, std) uses the
//! constants to emit loads, stores and calls; the runtime (no_std) uses the
//! same constants to lay out its structures, so the two cannot drift apart.
//!
//! Everything here is plain data: offsets, codes and symbol names. Calling
//! conventions: every runtime entry point is `extern "C"` (System V on
//! x86_64, AAPCS64 on aarch64). Go values cross the boundary as:
//!
//! * string: two words `(ptr, len: i64)`; returned in `rax:rdx` (x86_64) /
//!   `x0:x1` (aarch64) when a runtime function returns a `GoString`.
//! * slice: three words `(ptr, len: i64, cap: i64)`; a runtime function that
//!   produces a slice writes it through an `out: *mut GoSlice` pointer (a
//!   three-word struct would be returned in memory anyway).
//! * bool: one byte, 0 or 1 (C `_Bool`).
//!
//! The current goroutine lives in a reserved register (r15 on x86_64, x21 on
//! aarch64): see [`g`].
#![no_std]

/// Layout of the runtime's G (goroutine) structure, as far as compiled code
/// may touch it. All fields are 8 bytes. Compiled code reads only
/// `STACKGUARD0` (in every function prologue) for now; the rest is listed so
/// the runtime and debuggers agree on it.
pub mod g {
    /// Lowest usable address of the goroutine stack (u64).
    pub const STACK_LO: i32 = 0;
    /// One past the highest address of the goroutine stack (u64).
    pub const STACK_HI: i32 = 8;
    /// Prologue check: `if sp < [g + STACKGUARD0] { call goc_morestack }`.
    /// Normally `stack_lo + STACK_GUARD`; the runtime may poison it
    /// (set it to `STACKGUARD_PREEMPT`) to ask the goroutine to stop at its
    /// next prologue.
    pub const STACKGUARD0: i32 = 16;
    /// Goroutine id (u64). The main goroutine is 1.
    pub const GOID: i32 = 24;
    /// Saved stack pointer of the goroutine while it is not running (u64;
    /// for the future context switch).
    pub const SCHED_SP: i32 = 32;
    /// Saved frame pointer while not running (u64).
    pub const SCHED_BP: i32 = 40;
    /// Saved resume address while not running (u64).
    pub const SCHED_PC: i32 = 48;
    /// Pointer to the M (OS thread) running this goroutine, or 0 (u64).
    pub const M: i32 = 56;
    /// Size in bytes of the part of G described here. The runtime's G may be
    /// larger; compiled code never allocates Gs.
    pub const SIZE: usize = 64;

    /// Bytes kept between `stack_lo` and `stackguard0`: room for the
    /// runtime's own frames (fatal error printing, signal bookkeeping) after
    /// compiled code hit the guard. Compiled frames larger than this must
    /// compare `sp - framesize` instead of `sp` with the guard.
    pub const STACK_GUARD: u64 = 64 * 1024;
    /// Value stored in `stackguard0` to force the next prologue check to
    /// fail (preemption request): larger than any stack address.
    pub const STACKGUARD_PREEMPT: u64 = 0xffff_ffff_ffff_fade;
    /// Maximum goroutine stack size, as Go's (1 GB on 64-bit).
    pub const MAX_STACK: u64 = 1_000_000_000;
}

/// Bounds-check failure codes, the `code` argument of `goc_panicbounds`.
/// The message is chosen by code; `x` and `y` are the two operands named in
/// the comments (Go's boundsError). If `x` is negative (and signed), only
/// the part of the message naming `x` is printed.
pub mod bounds {
    /// `s[x]` with `len(s) == y`: "index out of range [x] with length y".
    pub const INDEX: u64 = 0;
    /// `s[:x]` with `len(s) == y` (strings, arrays):
    /// "slice bounds out of range [:x] with length y".
    pub const SLICE_ALEN: u64 = 1;
    /// `s[:x]` with `cap(s) == y` (slices):
    /// "slice bounds out of range [:x] with capacity y".
    pub const SLICE_ACAP: u64 = 2;
    /// `s[x:y]` with `x > y`: "slice bounds out of range [x:y]".
    pub const SLICE_B: u64 = 3;
    /// `s[::x]` with `len(s) == y` (arrays):
    /// "slice bounds out of range [::x] with length y".
    pub const SLICE3_ALEN: u64 = 4;
    /// `s[::x]` with `cap(s) == y`:
    /// "slice bounds out of range [::x] with capacity y".
    pub const SLICE3_ACAP: u64 = 5;
    /// `s[:x:y]` with `x > y`: "slice bounds out of range [:x:y]".
    pub const SLICE3_B: u64 = 6;
    /// `s[x:y:]` with `x > y`: "slice bounds out of range [x:y:]".
    pub const SLICE3_C: u64 = 7;
    /// Slice-to-array conversion with `len(s) == x`, array length `y`:
    /// "cannot convert slice with length x to array or pointer to array
    /// with length y".
    pub const CONVERT: u64 = 8;
}

/// Bytes of the stack buffer Go's compiler gives a non-escaping slice at its
/// first `append` (so `var s []int; s = append(s, 1)` has cap 4, not 1, in
/// real Go 1.27 when `s` does not escape). The runtime does not do this; the
/// compiler must, if it wants `cap()` to match Go for non-escaping slices.
pub const APPEND_STACK_BUF_BYTES: usize = 32;

/// Names of the runtime's entry points. Each line gives the C signature;
/// `-> !` means the function never returns. `str` below is the pair
/// `(ptr: *const u8, len: i64)` passed as two arguments.
pub mod sym {
    // ---- provided by the compiled object, called by the runtime ----
    /// `extern "C" fn()`: runs package initialisers.
    pub const PROGRAM_INIT: &str = "goc_program_init";
    /// `extern "C" fn()`: the Go `main.main`.
    pub const MAIN_MAIN: &str = "main.main";

    // ---- process ----
    /// `fn(code: i32) -> !`
    pub const EXIT: &str = "goc_exit";
    /// `fn()`: called by a prologue when `sp < g.stackguard0`.
    pub const MORESTACK: &str = "goc_morestack";

    // ---- memory ----
    /// `fn(size: usize, align: usize) -> *mut u8`, zeroed; never null
    /// (size 0 gives a valid non-null address).
    pub const NEW: &str = "goc_new";
    /// `fn(elem_size: usize, len: i64, cap: i64, out: *mut GoSlice)`
    pub const MAKESLICE: &str = "goc_makeslice";
    /// `fn(old: *const GoSlice, elem_size: usize, new_len: i64, out: *mut GoSlice)`
    /// for element types without pointers.
    pub const GROWSLICE: &str = "goc_growslice";
    /// Same signature as GROWSLICE, for element types containing pointers
    /// (Go's size rounding differs for them above 512 bytes).
    pub const GROWSLICE_SCAN: &str = "goc_growslice_scan";
    /// `fn(dst: *mut u8, dst_len: i64, src: *const u8, src_len: i64, elem_size: usize) -> i64`
    pub const SLICECOPY: &str = "goc_slicecopy";
    pub const MEMMOVE: &str = "memmove";
    pub const MEMCPY: &str = "memcpy";
    pub const MEMSET: &str = "memset";
    pub const MEMCMP: &str = "memcmp";

    // ---- strings ----
    /// `fn(a: str, b: str) -> GoString`
    pub const CONCATSTRING: &str = "goc_concatstring";
    /// `fn(a: str, b: str) -> i64` (-1, 0, 1)
    pub const CMPSTRING: &str = "goc_cmpstring";
    /// `fn(a: str, b: str) -> bool`
    pub const EQSTRING: &str = "goc_eqstring";
    /// `fn(r: i64) -> GoString`
    pub const INTSTRING: &str = "goc_intstring";
    /// `fn(ptr, len: i64) -> GoString` (copies)
    pub const SLICEBYTETOSTRING: &str = "goc_slicebytetostring";
    /// `fn(ptr, len: i64, out: *mut GoSlice)`
    pub const STRINGTOSLICEBYTE: &str = "goc_stringtoslicebyte";
    /// `fn(ptr, len: i64, out: *mut GoSlice)`
    pub const STRINGTOSLICERUNE: &str = "goc_stringtoslicerune";
    /// `fn(ptr: *const i32, len: i64) -> GoString`
    pub const SLICERUNETOSTRING: &str = "goc_slicerunetostring";
    /// `fn(ptr, len: i64, pos: i64) -> DecodedRune { rune: i64, next: i64 }`
    pub const DECODERUNE: &str = "goc_decoderune";

    // ---- print / println builtins (fd 2) ----
    pub const PRINTLOCK: &str = "goc_printlock";
    pub const PRINTUNLOCK: &str = "goc_printunlock";
    pub const PRINTBOOL: &str = "goc_printbool";
    pub const PRINTINT: &str = "goc_printint";
    pub const PRINTUINT: &str = "goc_printuint";
    pub const PRINTFLOAT: &str = "goc_printfloat";
    pub const PRINTFLOAT32: &str = "goc_printfloat32";
    pub const PRINTCOMPLEX: &str = "goc_printcomplex";
    pub const PRINTCOMPLEX64: &str = "goc_printcomplex64";
    pub const PRINTSTRING: &str = "goc_printstring";
    pub const PRINTPOINTER: &str = "goc_printpointer";
    pub const PRINTHEX: &str = "goc_printhex";
    pub const PRINTSLICE: &str = "goc_printslice";
    pub const PRINTEFACE: &str = "goc_printeface";
    pub const PRINTSP: &str = "goc_printsp";
    pub const PRINTNL: &str = "goc_printnl";

    // ---- panics (all -> !) ----
    /// `fn(code: u64, x: i64, y: i64, signed: bool) -> !`, codes in [`crate::bounds`].
    pub const PANICBOUNDS: &str = "goc_panicbounds";
    pub const PANICDIVIDE: &str = "goc_panicdivide";
    pub const PANICOVERFLOW: &str = "goc_panicoverflow";
    pub const PANICSHIFT: &str = "goc_panicshift";
    pub const PANICMEM: &str = "goc_panicmem";
    /// `fn(msg: str) -> !`: `panic: runtime error: <msg>` (for runtime
    /// errors the compiler detects itself, e.g. "hash of unhashable type").
    pub const PANIC_RUNTIME_ERROR: &str = "goc_panic_runtime_error";
    /// `fn(msg: str) -> !`: `fatal error: <msg>`.
    pub const THROW: &str = "goc_throw";
    /// `panic(v)` for each basic kind; see [`crate::panicval`].
    pub const GOPANIC_NIL: &str = "goc_gopanic_nil";
    pub const GOPANIC_STRING: &str = "goc_gopanic_string";
    pub const GOPANIC_INT: &str = "goc_gopanic_int";
    pub const GOPANIC_UINT: &str = "goc_gopanic_uint";
    pub const GOPANIC_FLOAT: &str = "goc_gopanic_float";
    pub const GOPANIC_FLOAT32: &str = "goc_gopanic_float32";
    pub const GOPANIC_COMPLEX: &str = "goc_gopanic_complex";
    pub const GOPANIC_COMPLEX64: &str = "goc_gopanic_complex64";
    pub const GOPANIC_BOOL: &str = "goc_gopanic_bool";
    pub const GOPANIC_NAMED_STRING: &str = "goc_gopanic_named_string";
    pub const GOPANIC_NAMED_INT: &str = "goc_gopanic_named_int";
    pub const GOPANIC_NAMED_UINT: &str = "goc_gopanic_named_uint";
    pub const GOPANIC_NAMED_FLOAT: &str = "goc_gopanic_named_float";
    pub const GOPANIC_NAMED_FLOAT32: &str = "goc_gopanic_named_float32";
    pub const GOPANIC_NAMED_COMPLEX: &str = "goc_gopanic_named_complex";
    pub const GOPANIC_NAMED_COMPLEX64: &str = "goc_gopanic_named_complex64";
    pub const GOPANIC_NAMED_BOOL: &str = "goc_gopanic_named_bool";
    pub const GOPANIC_OTHER: &str = "goc_gopanic_other";
}

/// How `panic(v)` prints its value (Go 1.27), and which entry point the
/// compiler calls for each dynamic type of `v`:
///
/// | dynamic type of v                         | call                                  | prints                |
/// |-------------------------------------------|---------------------------------------|-----------------------|
/// | nil interface                             | `goc_gopanic_nil()`                   | `panic called with nil argument` (runtime error) |
/// | string                                    | `goc_gopanic_string(p, n)`            | `boom` (each `\n` followed by a tab) |
/// | int, int8..int64                          | `goc_gopanic_int(v as i64)`           | `42`                  |
/// | uint, uint8..uint64, uintptr              | `goc_gopanic_uint(v as u64)`          | `3`                   |
/// | float64 / float32                         | `goc_gopanic_float(v)` / `_float32(v)`| `3.5` (like println)  |
/// | complex128 / complex64                    | `goc_gopanic_complex(re, im)` / `_complex64` | `(1+2i)`       |
/// | bool                                      | `goc_gopanic_bool(v)`                 | `true`                |
/// | error value (has Error() string)          | call Error(), then `goc_gopanic_string` | the message         |
/// | Stringer (has String() string)            | call String(), then `goc_gopanic_string` | the string         |
/// | named type T with a basic underlying kind | `goc_gopanic_named_<kind>(tn_p, tn_n, v)` | `main.T(3)`, `main.S("x")`, complex: `main.C(1+2i)` |
/// | anything else                             | `goc_gopanic_other(tn_p, tn_n, data)` | `(main.T) 0xc000012345` |
///
/// `tn` is the type's name as Go's reflect prints it (`main.MyInt`, `*main.T`).
/// A rune is an int32 and a byte a uint8, so they print as numbers.
pub mod panicval {}

/// Exit status of a process that died of a Go panic or fatal error.
pub const PANIC_EXIT_CODE: i32 = 2;
