//! The runtime halves of the embedded standard library (compiler/std/).
//!
//! The contract: a function declared without a body in a standard package,
//! `func name(params) results` in package `import/path`, is this runtime's
//! `extern "C"` function `goc_pkg_<path>_<name>`, where every byte of the
//! import path that is not an ASCII letter or digit becomes `_`
//! (`os.runtime_arg` is `goc_pkg_os_runtime_arg`). The compiler calls it as
//! it calls any runtime entry point: each machine word of the parameters is
//! one C argument (a string is ptr, len; a slice ptr, len, cap; an
//! interface its two words; a bool a C bool), and the results, at most two
//! words, come back in the C return registers (a string as a `#[repr(C)]`
//! pair). No goroutine state is touched, so these need no stack switch.
//! goc_abi::stdlib lists every such function with its Go signature and its
//! words: the compiler checks the Go declarations against it, and tests.rs
//! (compiled for the host tests, which leave this module out) checks these
//! definitions (each listed function defined, with as
//! many parameters and result words).
//!
//! One module per package: `atomic.rs` (sync/atomic), `errors.rs`,
//! `math.rs`, `os.rs`, `poll.rs` (internal/poll), `rtype.rs` (internal/rtype), `runtime.rs`,
//! `signal.rs` (os/signal), `sort.rs`,
//! `strconv.rs`, `sync.rs`, `syscall.rs`, `time.rs`.

pub mod atomic;
pub mod errors;
pub mod math;
pub mod os;
pub mod poll;
pub mod rtype;
pub mod runtime;
pub mod signal;
pub mod sort;
pub mod strconv;
pub mod sync;
pub mod syscall;
pub mod time;
