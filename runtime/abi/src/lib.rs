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
/// may touch it. All fields are 8 bytes. Compiled code reads `STACKGUARD0`
/// (in every function prologue) and `PANIC` (in the prologue of wrapper
/// functions); the rest is listed so the runtime and debuggers agree on it.
pub mod stdlib;

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
    /// Preemption request seen by loop back-edge polls (u32, non-zero:
    /// yield): set by the runtime together with the poisoned stackguard0
    /// (which the prologues see). A separate word because testing it costs a
    /// loop one compare with memory, not a load and a compare with sp.
    pub const PREEMPT: i32 = 64;
    /// Head of the goroutine's chain of pending deferred calls (newest
    /// first), or 0. Only the runtime reads or writes it (see
    /// [`crate::defers`]).
    pub const DEFER: i32 = 72;
    /// The goroutine's innermost running panic, or 0. Wrapper functions
    /// test it in their prologue (see [`crate::defers`]).
    pub const PANIC: i32 = 80;
    /// Size in bytes of the part of G described here. The runtime's G may be
    /// larger; compiled code never allocates Gs.
    pub const SIZE: usize = 88;

    /// Bytes kept between `stack_lo` and `stackguard0`: room for the
    /// runtime's own frames (runtime code called by compiled code runs on
    /// the goroutine's stack, within this budget; anything deeper switches
    /// to the system stack) and for a failed check's frame (below).
    pub const STACK_GUARD: u64 = 1024;
    /// The largest frame (bytes below the caller's stack pointer, return
    /// address and frame record included) a compiled function may have and
    /// still check the stack after its prologue: when that check fails the
    /// frame is already allocated, so it must lie within the guard area.
    /// Functions with bigger frames get a wrapper that checks first.
    pub const SMALL_FRAME: u64 = STACK_GUARD - 256;
    /// A new goroutine's stack (bytes); stacks double when they run out.
    pub const STACK_MIN: u64 = 2048;
    /// Value stored in `stackguard0` to force the next prologue check to
    /// fail (preemption request): larger than any stack address.
    pub const STACKGUARD_PREEMPT: u64 = 0xffff_ffff_ffff_fade;
    /// Maximum goroutine stack size, as Go's (1 GB on 64-bit).
    pub const MAX_STACK: u64 = 1_000_000_000;
}

/// defer, panic and recover: the contract with compiled code.
///
/// A function containing `defer` reserves a *defer frame* of
/// [`FRAME_SIZE`] bytes (16-aligned) in its own stack frame and, once, at
/// entry, calls `goc_deferframe(frame) -> u64`. That call saves what is
/// needed to resume the function right after the call (return pc, stack
/// pointer, frame pointer, the callee-saved registers, the g register) and
/// returns 0. When a deferred call of this function recovers a panic, the
/// runtime abandons the frames above and makes that same call return again,
/// with 1: the function then runs its remaining deferred calls
/// (`goc_deferreturn`) and returns its results as they are in memory. The
/// compiler must therefore not rely, after a return of 1, on any value it
/// computed after the call (callee-saved registers hold their values from
/// the time of the call; spill slots may have been reused); docs/CODEGEN.md
/// says how it reloads what it needs from dedicated slots.
///
/// Entry points (all `extern "C"`; `frame` is the defer frame's address,
/// which also identifies the activation):
/// * `goc_deferframe(frame) -> u64`: 0, then 1 after a recovery.
/// * `goc_deferproc(frame, fn)`: push a deferred call; `fn` is a function
///   value (closure object pointer) of type `func()`, called with the
///   closure object as its only argument. Arguments of the Go call were
///   evaluated by the compiler and bound into that closure.
/// * `goc_deferreturn(frame)`: run (and pop) the deferred calls pushed with
///   this frame, newest first; called on every return path.
/// * `goc_gorecover() -> (type, data)`: `recover()`. Returns the panic
///   value only when called directly by a deferred function that a panic
///   called; the runtime checks it by the frame-pointer chain: the
///   caller's caller must be the runtime's frame that made the call.
/// * `goc_panicwrap(fp)`: called in the prologue of *wrapper* functions
///   (the code of method values, of declared functions used as values, and
///   the closures that bind a deferred call's arguments) when `g.panic` is
///   not 0, with the wrapper's own frame pointer. If the wrapper was called
///   by a panic as a deferred call, the permission to recover moves to the
///   function the wrapper calls: Go treats wrappers as transparent.
/// * `goc_gopanic_eface(type, data) -> !`: `panic(v)`.
pub mod defers {
    /// Bytes of the defer frame a function with `defer` reserves.
    pub const FRAME_SIZE: usize = 24 * 8;
    /// Alignment of the defer frame.
    pub const FRAME_ALIGN: usize = 16;
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
    /// `fn(need: u64)`: called by a prologue when `sp - need <
    /// g.stackguard0` (`need` is 0 but in big-frame wrappers); returns on
    /// a stack with room, after a preemption if one was asked for.
    pub const MORESTACK: &str = "goc_morestack";

    // ---- memory ----
    /// `fn(shape: *const GcShape) -> *mut u8`: one zeroed value of the
    /// shape's size ([`crate::gcshape`]); never null (size 0 gives a valid
    /// non-null address, the same for every zero-sized allocation).
    pub const NEW: &str = "goc_new";
    /// `fn(elem_shape: *const GcShape, len: i64, cap: i64, out: *mut GoSlice)`:
    /// the element size is the shape's.
    pub const MAKESLICE: &str = "goc_makeslice";
    /// `fn(old: *const GoSlice, elem_shape: *const GcShape, new_len: i64, out: *mut GoSlice)`.
    /// A shape with `PTRDATA` 0 means elements without pointers (Go's size
    /// rounding differs for elements with pointers above 512 bytes).
    pub const GROWSLICE: &str = "goc_growslice";
    /// `u32` data symbol, non-zero while the collector marks: compiled
    /// code calls a write-barrier entry point before a store that may
    /// overwrite a pointer in memory (docs/GC.md, "The write barrier").
    pub const WB_ENABLED: &str = "goc_wb_enabled";
    /// `fn(slot: *mut u8, mask: u64)`: before storing a register-sized
    /// value at `slot`; bit `i` of `mask` says its word `i` is a pointer.
    pub const GCWB: &str = "goc_gcwb";
    /// `fn(dst: *mut u8, shape: *const GcShape, n: usize)`: before
    /// overwriting `n` values of the shape at `dst` (copy, zeroing).
    pub const GCWB_TYPED: &str = "goc_gcwb_typed";
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

    // ---- arithmetic ----
    /// `fn(a, b, c, d: f64) -> (f64, f64)`: `(a+bi) / (c+di)` with Go's
    /// results for zeros, infinities and NaNs (runtime complex.rs).
    pub const COMPLEX128DIV: &str = "goc_complex128div";

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
    /// `fn(word0: usize, word1: usize)`: any interface value, empty or not
    /// (Go prints an itab pointer the same way as a type pointer:
    /// `(0x..,0x..)`), so there is no separate entry point for non-empty
    /// interfaces.
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
    /// `fn(msg: str) -> !`: `panic: <msg>`, a runtime.Error without the
    /// "runtime error: " prefix (Go's plainError: "value method main.T.M
    /// called using nil *T pointer").
    pub const PANIC_PLAIN_ERROR: &str = "goc_panic_plain_error";
    /// `fn(msg: str) -> !`: `fatal error: <msg>`.
    pub const THROW: &str = "goc_throw";
    /// `fn(frame: *DeferFrame) -> u64`; see [`crate::defers`].
    pub const DEFERFRAME: &str = "goc_deferframe";
    /// `fn(frame: *DeferFrame, fn: *Closure)`.
    pub const DEFERPROC: &str = "goc_deferproc";
    /// `fn(frame: *DeferFrame)`.
    pub const DEFERRETURN: &str = "goc_deferreturn";
    /// `fn() -> (type: *TypeDesc, data: *u8)`: `recover()`.
    pub const GORECOVER: &str = "goc_gorecover";
    /// `fn(fp: usize)`: a wrapper's prologue, when `g.panic` is set.
    pub const PANICWRAP: &str = "goc_panicwrap";
    /// `fn() -> !`: `runtime.Goexit`: run the goroutine's deferred calls,
    /// then end it.
    pub const GOEXIT: &str = "goc_goexit";

    // ---- interfaces ----
    /// `fn(inter: *TypeDesc, typ: *TypeDesc) -> *Itab`: the itab for a dynamic
    /// type and an interface (cached); panics for a nil or non-implementing
    /// type with Go's "interface conversion" message.
    pub const ASSERTE2I: &str = "goc_assertE2I";
    /// The same, returning null instead of panicking (the comma-ok form).
    pub const ASSERTE2I2: &str = "goc_assertE2I2";
    /// `fn(have: *TypeDesc (or null), want: *TypeDesc, iface: *TypeDesc) -> !`:
    /// a failed assertion to a concrete type. Also for `x.(any)` with a nil
    /// `x` (`want` an interface type): Go then prints `interface is nil, not
    /// interface {}`, naming no static type.
    pub const PANICDOTTYPE: &str = "goc_panicdottype";
    /// `fn(typ: *TypeDesc, data: *u8) -> !`: `panic(v)` of any value, as
    /// an empty interface: runs the deferred calls, and if none recovers,
    /// prints the value by its dynamic type as Go prints it (Error(),
    /// String(), kinds) and exits 2. Null `typ` is `panic(nil)`, a
    /// `*runtime.PanicNilError`.
    pub const GOPANIC_EFACE: &str = "goc_gopanic_eface";

    // ---- maps (see [`crate::map`]) ----
    pub const MAKEMAP: &str = "goc_makemap";
    pub const MAPACCESS: &str = "goc_mapaccess";
    pub const MAPASSIGN: &str = "goc_mapassign";
    pub const MAPDELETE: &str = "goc_mapdelete";
    pub const MAPCLEAR: &str = "goc_mapclear";
    pub const MAPITERINIT: &str = "goc_mapiterinit";
    pub const MAPITERNEXT: &str = "goc_mapiternext";

    // ---- goroutines and channels (runtime proc.rs, chan.rs, select.rs) ----
    /// `fn(fnval: *const u8)`: `go` of a `func()` value (the compiler wraps
    /// a call with arguments in such a closure).
    pub const NEWPROC: &str = "goc_newproc";
    /// `fn(elem_size: usize, size: i64) -> *mut HChan`
    pub const MAKECHAN: &str = "goc_makechan";
    /// `fn(c, elem: *const u8)`: `c <- *elem`.
    pub const CHANSEND1: &str = "goc_chansend1";
    /// `fn(c, elem: *mut u8)`: `*elem = <-c` (elem may be null).
    pub const CHANRECV1: &str = "goc_chanrecv1";
    /// `fn(c, elem: *mut u8) -> bool`: `*elem, ok = <-c`.
    pub const CHANRECV2: &str = "goc_chanrecv2";
    /// `fn(c)`
    pub const CLOSECHAN: &str = "goc_closechan";
    /// `fn(c) -> i64`
    pub const CHANLEN: &str = "goc_chanlen";
    pub const CHANCAP: &str = "goc_chancap";
    /// `fn(cases: *mut [c, elem], order: *mut u16 (2 per case), nsends: i64,
    /// nrecvs: i64, block: bool) -> (index: i64, recv_ok: bool)`; the send
    /// cases come first; index -1 means no case was ready (`default`).
    pub const SELECTGO: &str = "goc_selectgo";

    // ---- equality and hashing of values (`typedesc::EQUAL`/`HASHFN`) ----
    /// `fn(a, b: *const u8) -> bool` for strings, float32, float64,
    /// complex64, complex128, non-empty interfaces and empty interfaces.
    pub const STREQUAL: &str = "goc_strequal";
    pub const F32EQUAL: &str = "goc_f32equal";
    pub const F64EQUAL: &str = "goc_f64equal";
    pub const C64EQUAL: &str = "goc_c64equal";
    pub const C128EQUAL: &str = "goc_c128equal";
    pub const INTEREQUAL: &str = "goc_interequal";
    pub const NILINTEREQUAL: &str = "goc_nilinterequal";
    /// `fn(p: *const u8, seed: u64) -> u64` for the same kinds.
    pub const STRHASH: &str = "goc_strhash";
    pub const F32HASH: &str = "goc_f32hash";
    pub const F64HASH: &str = "goc_f64hash";
    pub const C64HASH: &str = "goc_c64hash";
    pub const C128HASH: &str = "goc_c128hash";
    pub const INTERHASH: &str = "goc_interhash";
    pub const NILINTERHASH: &str = "goc_nilinterhash";
    /// `fn(p: *const u8, seed: u64, size: u64) -> u64`: hash of plain memory,
    /// for compiler-generated hash functions of structs and arrays.
    pub const MEMHASH: &str = "goc_memhash";
    /// `fn(a, b: *const u8, size: u64) -> bool`.
    pub const MEMEQUAL: &str = "goc_memequal";
}

/// Exit status of a process that died of a Go panic or fatal error.
pub const PANIC_EXIT_CODE: i32 = 2;

/// Type descriptors: one read-only record per Go type the runtime must know
/// (types of heap objects, map keys and values, dynamic types of interface
/// values). The compiler emits them as data; the runtime reads them. All
/// offsets are in bytes from the start of the descriptor.
///
/// A type whose values are plain memory (integers, pointers, arrays and
/// structs of those without padding) has `FLAG_REGULAR_MEMORY` set and may
/// leave `EQUAL`/`HASHFN` zero: the runtime then compares and hashes its
/// `SIZE` bytes. Other comparable types carry the functions (the runtime's
/// own for strings, floats and interfaces; compiler-generated ones for
/// structs and arrays of them). A type that is not comparable has both zero
/// and no `FLAG_COMPARABLE`: hashing it panics with Go's "hash of unhashable
/// type T".
/// GC shapes: how the collector finds the pointers in a heap object.
///
/// Every allocation names a shape (or none, for pointer-free memory). A
/// shape describes one value; an object holding `n` values (a slice's
/// backing array) repeats the value's mask every `SIZE` bytes. Shapes are
/// read-only data emitted by the compiler (one per distinct layout) or
/// statics of the runtime, and live for the whole run.
pub mod gcshape {
    /// u64: size in bytes of one value.
    pub const SIZE: i32 = 0;
    /// u64: length of the prefix of a value that may hold pointers; 0 for a
    /// pointer-free value (its objects are never scanned).
    pub const PTRDATA: i32 = 8;
    /// u8[(PTRDATA / 8 + 7) / 8]: one bit per 8-byte word of the `PTRDATA`
    /// prefix, least significant bit of byte 0 first; a set bit is a word
    /// that holds a pointer (or nil). Pointers are always 8-aligned.
    pub const MASK: i32 = 16;
}

/// Stack maps: where the collector finds the pointers in the frames of
/// compiled Go functions (docs/CODEGEN.md, "Stack-map table").
///
/// The compiler emits one table per object in the section [`SECTION`]
/// (kept by the linker scripts, between the linker symbols [`START`] and
/// [`END`]): a sequence of *function records*, each 8-aligned, possibly
/// separated by zero words (a record never starts with 0). A record is a
/// header of `u32` fields after the function's address, then `u32` arrays:
///
/// ```text
/// u64 FUNC                 address of the function's first instruction
/// u32 CODE_SIZE            bytes of code: the function is [FUNC, FUNC+CODE_SIZE)
/// u32 FRAME                FP - SP while the body runs (bytes, multiple of 8)
/// u32 OUTARGS              bytes at [SP, SP+OUTARGS): outgoing stack arguments,
///                          scanned conservatively
/// u32 NSAFEPOINTS          call sites (every call the function makes)
/// u32 NALWAYS              runs of pointer words live at every safepoint
/// u32 NRANGES              runs of words to scan conservatively
/// u32 NPOOL                words of the live-slot pool
/// u32 ENTRY_RET            return offset of the prologue's stack-check call,
///                          0 if none: the `always` words are not yet
///                          initialised there and must not be visited
/// u32 ret[NSAFEPOINTS]     return-address offsets from FUNC, ascending
/// u32 start[NSAFEPOINTS+1] safepoint i's live slots are pool[start[i]..start[i+1]]
/// u32 always[2*NALWAYS]    (k, n): the n words at fp-8k, fp-8k+8, ... hold pointers
/// u32 ranges[2*NRANGES]    (k, n): scan the n words from fp-8k conservatively
/// u32 pool[NPOOL]          k: the word at fp-8k holds a live pointer
/// zero padding to a multiple of 8 bytes
/// ```
///
/// A slot is named by `k`, its distance below the frame pointer in words
/// (`fp - 8*k`, `1 <= k <= FRAME/8`). The frame record is the same on both
/// targets: `[fp]` = the caller's fp, `[fp+8]` = the return address, the
/// caller's SP = `fp + 16`.
pub mod stackmap {
    /// The section the tables are emitted in.
    pub const SECTION: &str = ".goc_tables.stackmap";
    /// Linker symbols around the section's contents.
    pub const START: &str = "__goc_stackmap_start";
    pub const END: &str = "__goc_stackmap_end";

    /// u64: the function's address.
    pub const FUNC: usize = 0;
    /// u32 fields, byte offsets in the record.
    pub const CODE_SIZE: usize = 8;
    pub const FRAME: usize = 12;
    pub const OUTARGS: usize = 16;
    pub const NSAFEPOINTS: usize = 20;
    pub const NALWAYS: usize = 24;
    pub const NRANGES: usize = 28;
    pub const NPOOL: usize = 32;
    pub const ENTRY_RET: usize = 36;
    /// Size of the header; the `ret` array follows.
    pub const HEADER_SIZE: usize = 40;

    /// The size in bytes of a record with these counts (padding included).
    pub const fn record_size(
        nsafepoints: usize,
        nalways: usize,
        nranges: usize,
        npool: usize,
    ) -> usize {
        let words32 = nsafepoints + (nsafepoints + 1) + 2 * nalways + 2 * nranges + npool;
        (HEADER_SIZE + 4 * words32).div_ceil(8) * 8
    }
}

/// The function table: for each compiled Go function that has source
/// code, its name as Go spells it (`main.(*T).get`, `main.main.func1`,
/// `main.Pair[...].String`), its file and a pc-to-line table, for
/// tracebacks and runtime.Caller. The compiler emits, in [`SECTION`]
/// (between the linker symbols [`START`] and [`END`]), a sequence of
/// 8-aligned records, each starting with its kind and its size in
/// bytes: a file record (a path, which function records of the same
/// object point back to) or a function record. Generated code (wrappers,
/// equality functions, the program initialiser) and the runtime's own
/// functions have no record: tracebacks leave them out, as Go's leave
/// out wrappers and runtime frames.
pub mod functab {
    /// The section the table is emitted in.
    pub const SECTION: &str = ".goc_tables.functab";
    /// Linker symbols around the section's contents.
    pub const START: &str = "__goc_functab_start";
    pub const END: &str = "__goc_functab_end";

    /// u32: the record's kind, [`KIND_FUNC`] or [`KIND_FILE`].
    pub const KIND: usize = 0;
    /// u32: the record's size in bytes (a multiple of 8).
    pub const SIZE: usize = 4;
    pub const KIND_FUNC: u32 = 0;
    pub const KIND_FILE: u32 = 1;

    /// File record: u32 length, then the path's bytes.
    pub const FILE_LEN: usize = 8;
    pub const FILE_HEADER_SIZE: usize = 12;

    /// Function record: u64 address of the function's code.
    pub const FUNC: usize = 8;
    /// u32 bytes of code.
    pub const CODE_SIZE: usize = 16;
    /// u32 length of the name, whose bytes follow the line table.
    pub const NAME_LEN: usize = 20;
    /// i32: the file record's offset from this record's start.
    pub const FILE_REL: usize = 24;
    /// u32 bytes of the line table, which follows the header: for each
    /// run of code from one line, in address order, the run's end offset
    /// minus the previous end (unsigned LEB128) and its line minus the
    /// previous line (zig-zag signed LEB128); code before an end comes from
    /// that run's line (0: no line). Both start at 0.
    pub const LINES_LEN: usize = 28;
    /// u32: the function takes parameters (1) or not (0); tracebacks
    /// print `f(...)` or `f()`.
    pub const HAS_PARAMS: usize = 32;
    pub const FUNC_HEADER_SIZE: usize = 40;
}

/// Go globals: the package-level variables whose types have pointers, for
/// the collector's precise scan of them. The compiler emits, in the section
/// [`SECTION`] (between the linker symbols [`START`] and [`END`]), pairs of
/// words `(address of the variable, address of its type's GC shape)`
/// ([`crate::gcshape`]). The variables themselves are in the output
/// sections `.goc_godata`/`.goc_gobss` (linker symbols
/// `__goc_godata_{start,end}`, `__goc_gobss_{start,end}`), outside the
/// runtime's `__goc_data_*`/`__goc_bss_*` ranges.
pub mod gcglobals {
    pub const SECTION: &str = ".goc_tables.gcglobals";
    pub const START: &str = "__goc_gcglobals_start";
    pub const END: &str = "__goc_gcglobals_end";
    /// Bytes of one entry.
    pub const ENTRY_SIZE: usize = 16;
}

pub mod typedesc {
    /// u64: size of a value in bytes.
    pub const SIZE: i32 = 0;
    /// u64: length of the prefix of a value that may hold pointers (0 for
    /// pointer-free types, whose objects the collector never scans).
    pub const PTRDATA: i32 = 8;
    /// u32: a hash of the type's identity (type switches, interface hashing).
    pub const HASH: i32 = 16;
    /// u8: the kind, numbered as Go's reflect.Kind (`KIND_*`).
    pub const KIND: i32 = 20;
    /// u8: alignment of a value.
    pub const ALIGN: i32 = 21;
    /// u8: `FLAG_*` bits.
    pub const FLAGS: i32 = 22;
    /// `extern "C" fn(a: *const u8, b: *const u8) -> bool`, or 0.
    ///
    /// The runtime calls `EQUAL` and `HASHFN` from its own (Rust) code,
    /// where the g register does not hold the current G: a compiled
    /// equality or hash function, and every compiled function it calls,
    /// must not read the g register, i.e. it is emitted without the
    /// prologue stack check and without safepoint polls. (Their call depth
    /// is bounded by the type's nesting, and their frames are small.)
    pub const EQUAL: i32 = 24;
    /// `extern "C" fn(p: *const u8, seed: u64) -> u64`, or 0. Same rule
    /// about the g register as `EQUAL`.
    pub const HASHFN: i32 = 32;
    /// *const GcShape (layout: [`crate::gcshape`]): where the collector finds
    /// pointers in a value of the type; null when `PTRDATA` is 0.
    pub const GCDATA: i32 = 40;
    /// string (ptr, len): the type as Go's `%T` prints it (`main.T`, `[]int`).
    pub const NAME: i32 = 48;
    /// *const TypeDesc: element type of a pointer, slice, array, channel;
    /// value type of a map.
    pub const ELEM: i32 = 64;
    /// *const TypeDesc: key type of a map; for an array, its length as u64.
    pub const KEY: i32 = 72;
    /// *const Method: the type's methods sorted by name (for an interface
    /// type, its method set as `IMethod`s).
    pub const METHODS: i32 = 80;
    /// u64: number of entries at `METHODS`.
    pub const NMETHODS: i32 = 88;
    /// *const Field (struct), or *const *const TypeDesc (func: parameters
    /// then results).
    pub const FIELDS: i32 = 96;
    /// u64: number of struct fields; for a func, params | results << 32.
    pub const NFIELDS: i32 = 104;
    /// Size of a descriptor.
    pub const SIZE_OF: usize = 112;

    /// Values of the type can be compared with `==`.
    pub const FLAG_COMPARABLE: u8 = 1;
    /// Equality and hashing are those of the value's bytes.
    pub const FLAG_REGULAR_MEMORY: u8 = 2;
    /// A defined (named) type.
    pub const FLAG_NAMED: u8 = 4;
    /// Values are stored directly in an interface's data word (pointer-shaped
    /// types); other values are boxed on the heap.
    pub const FLAG_DIRECT_IFACE: u8 = 8;

    pub const KIND_BOOL: u8 = 1;
    pub const KIND_INT: u8 = 2;
    pub const KIND_INT8: u8 = 3;
    pub const KIND_INT16: u8 = 4;
    pub const KIND_INT32: u8 = 5;
    pub const KIND_INT64: u8 = 6;
    pub const KIND_UINT: u8 = 7;
    pub const KIND_UINT8: u8 = 8;
    pub const KIND_UINT16: u8 = 9;
    pub const KIND_UINT32: u8 = 10;
    pub const KIND_UINT64: u8 = 11;
    pub const KIND_UINTPTR: u8 = 12;
    pub const KIND_FLOAT32: u8 = 13;
    pub const KIND_FLOAT64: u8 = 14;
    pub const KIND_COMPLEX64: u8 = 15;
    pub const KIND_COMPLEX128: u8 = 16;
    pub const KIND_ARRAY: u8 = 17;
    pub const KIND_CHAN: u8 = 18;
    pub const KIND_FUNC: u8 = 19;
    pub const KIND_INTERFACE: u8 = 20;
    pub const KIND_MAP: u8 = 21;
    pub const KIND_POINTER: u8 = 22;
    pub const KIND_SLICE: u8 = 23;
    pub const KIND_STRING: u8 = 24;
    pub const KIND_STRUCT: u8 = 25;
    pub const KIND_UNSAFE_POINTER: u8 = 26;

    /// A method table entry: name (string, 16 bytes), the method's func type
    /// (*TypeDesc, without receiver), and the code to call through an
    /// interface (receiver = the interface's data word).
    pub mod method {
        pub const NAME: i32 = 0;
        pub const MTYP: i32 = 16;
        pub const IFN: i32 = 24;
        pub const SIZE_OF: usize = 32;
    }

    /// A struct field entry.
    pub mod field {
        /// string: the field's name.
        pub const NAME: i32 = 0;
        /// *const TypeDesc
        pub const TYP: i32 = 16;
        /// u64: byte offset in the struct.
        pub const OFFSET: i32 = 24;
        /// u64: 1 for an embedded field.
        pub const EMBEDDED: i32 = 32;
        pub const SIZE_OF: usize = 40;
    }
}

/// An interface method table (itab): the first word of a non-empty
/// interface value. `FUN` starts the code pointers of the interface's
/// methods in the interface's (sorted) method order.
pub mod itab {
    /// *const TypeDesc: the interface type.
    pub const INTER: i32 = 0;
    /// *const TypeDesc: the dynamic (concrete) type.
    pub const TYPE: i32 = 8;
    /// u32: copy of the dynamic type's hash (for type switches).
    pub const HASH: i32 = 16;
    pub const FUN: i32 = 24;
}

/// Maps. A map value is a pointer to the runtime's map header (nil for a
/// nil map); `len(m)` reads the u64 at `COUNT` (0 for nil, checked inline).
/// Keys and values are passed by address. The map's own type descriptor
/// (kind map) names the key (`typedesc::KEY`) and value (`typedesc::ELEM`)
/// types, whose sizes, equality and hash functions the runtime uses.
///
/// Entry points (`extern "C"`; `t` is the map type's descriptor):
/// * `goc_makemap(t, hint: i64) -> *mut Map` — `make(map[K]V, hint)`; a
///   negative hint, or one too large to allocate for, counts as 0 (Go's
///   makemap does the same at run time; a constant negative hint is a
///   compile error).
/// * `goc_mapaccess(t, m, key: *const u8) -> *const u8` — the value's
///   address, or null when the key is absent (or m is nil); the compiler
///   substitutes the zero value and `ok`.
/// * `goc_mapassign(t, m, key) -> *mut u8` — the address to store the value
///   at, inserting the key if absent; a nil m panics with Go's
///   "assignment to entry in nil map".
/// * `goc_mapdelete(t, m, key)` — no-op for nil m or an absent key.
/// * `goc_mapclear(t, m)` — `clear(m)`.
/// * `goc_mapiterinit(t, m, it: *mut MapIter)` then `goc_mapiternext(it)`:
///   after each call `it.key`/`it.elem` point at the next entry, or `key` is
///   null when the iteration is over. The start is random, as in Go; entries
///   deleted before being reached are not produced, entries added during the
///   iteration may or may not be, and no entry is produced twice.
///
/// Keys of a type without equality (a slice inside an interface key, say)
/// panic with Go's "runtime error: hash of unhashable type T"; a lookup or
/// delete in a nil or empty map checks the key without hashing and panics
/// with Go's wording for that path, "hash of unhashable type: T" (no
/// "runtime error: " prefix).
pub mod map {
    pub const COUNT: i32 = 0;
    /// Layout of the iterator the compiler reserves in the frame.
    pub mod iter {
        pub const KEY: i32 = 0;
        pub const ELEM: i32 = 8;
        /// Size of the whole iterator: the runtime keeps its state after
        /// the two public words.
        pub const SIZE_OF: usize = 16 * 8;
    }
}
