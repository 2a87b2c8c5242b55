//! The goc runtime: linked into every program goc compiles.
//!
//! A `no_std`, libc-free static library: it provides the ELF entry point,
//! talks to Linux through raw system calls, and implements what compiled Go
//! code calls into (allocation, slices, strings, printing, panics, stack
//! checks). The contract with compiled code (symbol names, struct layouts,
//! codes) is in the `goc-abi` crate; docs/RUNTIME.md describes the whole.
//!
//! One file per mechanism, each opening with its design and invariants.
//! Architecture-specific code is confined to `arch/`.
//!
//! Under `cargo test` (host, std) the pure parts are unit-tested; the
//! entry point and the C memory functions are left out there so they do not
//! clash with the host's C library.
#![cfg_attr(not(test), no_std)]
#![allow(clippy::missing_safety_doc)]
// Runtime entry points take raw pointers from compiled code by design.
#![allow(clippy::not_unsafe_ptr_arg_deref)]
#![allow(static_mut_refs)]

pub mod arch;
pub mod chan;
pub mod complex;
pub mod defers;
#[cfg(not(test))]
pub mod entry;
pub mod env;
pub mod ftoa;
pub mod functab;
pub mod hash;
pub mod iface;
pub mod lock;
pub mod malloc;
pub mod map;
pub mod mcache;
#[cfg(not(test))]
pub mod mem;
pub mod mgc;
pub mod mgcmark;
pub mod mgcsweep;
pub mod mgcwb;
pub mod mheap;
pub mod mstats;
pub mod mthread;
pub mod netpoll;
pub mod panic;
pub mod persistent;
pub mod print;
pub mod proc;
pub mod rterror;
pub mod runq;
pub mod schedtrace;
pub mod schedule;
pub mod select;
pub mod sema;
pub mod signal;
pub mod sigqueue;
pub mod slice;
pub mod stack;
pub mod stackmap;
#[cfg(not(test))]
pub mod stdlib;
#[cfg(test)]
#[path = "stdlib/tests.rs"]
mod stdlib_tests;
pub mod string;
pub mod stw;
pub mod sudog;
pub mod sys;
pub mod syscall;
pub mod sysmon;
pub mod timer;
pub mod typedesc;
