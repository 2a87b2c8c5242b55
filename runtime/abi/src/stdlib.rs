//! The functions goc's runtime provides to the embedded standard library
//! (compiler/std/): a function of a standard package declared without a
//! body, or named by a `//go:linkname local importpath.name` directive, is
//! bound to the runtime's `extern "C"` function `goc_pkg_<path>_<name>`
//! (every byte of the import path that is not an ASCII letter or digit
//! becomes `_`; runtime/src/stdlib/ has the definitions and the calling
//! convention).
//!
//! This table is the contract, checked on both sides: the compiler refuses a
//! body-less declaration that is not listed here with exactly this Go
//! signature (types as the runtime spells them, parameter names left out)
//! and these counts of machine words, and the runtime's tests check that
//! each listed function is defined with as many parameters and result words
//! (runtime/src/stdlib/mod.rs). Adding a runtime function to the standard
//! library means adding it here.

/// One runtime function: the package it belongs to (its import path), its
/// name there, its Go signature, and the machine words of its parameters
/// and of its results as compiled code passes them (the C arguments and
/// return registers of the `extern "C"` definition).
pub struct Func {
    pub pkg: &'static str,
    pub name: &'static str,
    pub sig: &'static str,
    pub params: usize,
    pub results: usize,
}

const fn f(
    pkg: &'static str,
    name: &'static str,
    sig: &'static str,
    params: usize,
    results: usize,
) -> Func {
    Func {
        pkg,
        name,
        sig,
        params,
        results,
    }
}

/// The symbol of runtime function `name` of package `pkg`:
/// `goc_pkg_<path>_<name>`, with every byte of the path that is not an
/// ASCII letter or digit replaced by `_` (`goc_pkg_internal_poll_rawRead`).
pub fn symbol<'a>(pkg: &'a str, name: &'a str) -> impl Iterator<Item = char> + 'a {
    let path = pkg
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' });
    "goc_pkg_"
        .chars()
        .chain(path)
        .chain("_".chars())
        .chain(name.chars())
}

/// The runtime function `name` of package `pkg`, if there is one.
pub fn find(pkg: &str, name: &str) -> Option<&'static Func> {
    FUNCS.iter().find(|f| f.pkg == pkg && f.name == name)
}

#[rustfmt::skip]
pub const FUNCS: &[Func] = &[
    // errors
    f("errors", "runtime_asassign", "func(error, interface {}) bool", 4, 1),
    f("errors", "runtime_astarget", "func(interface {}, interface {}) int", 4, 1),
    f("errors", "runtime_comparable", "func(interface {}) bool", 2, 1),
    // internal/poll
    f("internal/poll", "rawRead", "func(int, []uint8) (int, int)", 4, 2),
    f("internal/poll", "rawSend", "func(int, []uint8) (int, int)", 4, 2),
    f("internal/poll", "rawWrite", "func(int, []uint8) (int, int)", 4, 2),
    f("internal/poll", "runtime_nanotime", "func() int64", 0, 1),
    f("internal/poll", "runtime_pollCheck", "func(uintptr, int) int", 2, 1),
    f("internal/poll", "runtime_pollClose", "func(uintptr)", 1, 0),
    f("internal/poll", "runtime_pollOpen", "func(int) (uintptr, int)", 1, 2),
    f("internal/poll", "runtime_pollSetDeadline", "func(uintptr, int64, int)", 3, 0),
    f("internal/poll", "runtime_pollUnblock", "func(uintptr)", 1, 0),
    f("internal/poll", "runtime_pollWait", "func(uintptr, int) int", 2, 1),
    // internal/rtype
    f("internal/rtype", "add", "func(*uint8, uintptr) *uint8", 2, 1),
    f("internal/rtype", "arrayLen", "func(rtype.Type) int", 1, 1),
    f("internal/rtype", "elemOf", "func(rtype.Type) rtype.Type", 1, 1),
    f("internal/rtype", "fieldEmbedded", "func(rtype.Type, int) bool", 2, 1),
    f("internal/rtype", "fieldName", "func(rtype.Type, int) string", 2, 2),
    f("internal/rtype", "fieldOffset", "func(rtype.Type, int) uintptr", 2, 1),
    f("internal/rtype", "fieldType", "func(rtype.Type, int) rtype.Type", 2, 1),
    f("internal/rtype", "isNamed", "func(rtype.Type) bool", 1, 1),
    f("internal/rtype", "keyOf", "func(rtype.Type) rtype.Type", 1, 1),
    f("internal/rtype", "kindOf", "func(rtype.Type) rtype.Kind", 1, 1),
    f("internal/rtype", "load", "func(*uint8, int) uint64", 2, 1),
    f("internal/rtype", "loadIface", "func(rtype.Type, *uint8) interface {}", 2, 2),
    f("internal/rtype", "loadPtr", "func(*uint8) *uint8", 1, 1),
    f("internal/rtype", "loadString", "func(*uint8) string", 1, 2),
    f("internal/rtype", "mapIterInit", "func(rtype.Type, *uint8, *rtype.mapIter)", 3, 0),
    f("internal/rtype", "mapIterNext", "func(*rtype.mapIter)", 1, 0),
    f("internal/rtype", "nameOf", "func(rtype.Type) string", 1, 2),
    f("internal/rtype", "numField", "func(rtype.Type) int", 1, 1),
    f("internal/rtype", "numMethod", "func(rtype.Type) int", 1, 1),
    f("internal/rtype", "packEface", "func(rtype.Type, *uint8) interface {}", 2, 2),
    f("internal/rtype", "sizeOf", "func(rtype.Type) uintptr", 1, 1),
    f("internal/rtype", "typeOf", "func(interface {}) rtype.Type", 2, 1),
    f("internal/rtype", "valueAddr", "func(interface {}) *uint8", 2, 1),
    // math
    f("math", "Float32bits", "func(float32) uint32", 1, 1),
    f("math", "Float32frombits", "func(uint32) float32", 1, 1),
    f("math", "Float64bits", "func(float64) uint64", 1, 1),
    f("math", "Float64frombits", "func(uint64) float64", 1, 1),
    f("math", "Sqrt", "func(float64) float64", 1, 1),
    // os
    f("os", "runtime_arg", "func(int) string", 1, 2),
    f("os", "runtime_argc", "func() int", 0, 1),
    f("os", "runtime_env", "func(int) string", 1, 2),
    f("os", "runtime_envc", "func() int", 0, 1),
    f("os", "runtime_exit", "func(int)", 1, 0),
    f("os", "runtime_sigpipe", "func()", 0, 0),
    f("os", "runtime_write", "func(int, []uint8) int", 4, 1),
    // os/signal
    f("os/signal", "signal_disable", "func(int)", 1, 0),
    f("os/signal", "signal_enable", "func(int)", 1, 0),
    f("os/signal", "signal_ignore", "func(int)", 1, 0),
    f("os/signal", "signal_ignored", "func(int) bool", 1, 1),
    f("os/signal", "signal_recv", "func() uint64", 0, 1),
    // runtime
    f("runtime", "GC", "func()", 0, 0),
    f("runtime", "GOMAXPROCS", "func(int) int", 1, 1),
    f("runtime", "Goexit", "func()", 0, 0),
    f("runtime", "Gosched", "func()", 0, 0),
    f("runtime", "NumCPU", "func() int", 0, 1),
    f("runtime", "NumGoroutine", "func() int", 0, 1),
    f("runtime", "ReadMemStats", "func(*runtime.MemStats)", 1, 0),
    f("runtime", "callers", "func(int, []uintptr) int", 4, 1),
    f("runtime", "funcentry", "func(uintptr) uintptr", 1, 1),
    f("runtime", "funcfile", "func(uintptr) string", 1, 2),
    f("runtime", "funcline", "func(uintptr) int", 1, 1),
    f("runtime", "funcname", "func(uintptr) string", 1, 2),
    f("runtime", "stack", "func(int, []uint8) int", 4, 1),
    // runtime/debug
    f("runtime/debug", "SetMaxStack", "func(int) int", 1, 1),
    f("runtime/debug", "SetMaxThreads", "func(int) int", 1, 1),
    // sort
    f("sort", "runtime_slicelen", "func(interface {}) int", 2, 1),
    f("sort", "runtime_sliceswap", "func(interface {}, int, int)", 4, 0),
    // strconv
    f("strconv", "runtime_floatDigits", "func([]uint8, float64, bool, int, int) (int, int)", 7, 2),
    // sync
    f("sync", "fatal", "func(string)", 2, 0),
    f("sync", "runtime_canSpin", "func(int) bool", 1, 1),
    f("sync", "runtime_doSpin", "func()", 0, 0),
    f("sync", "runtime_nanotime", "func() int64", 0, 1),
    f("sync", "runtime_notifyListAdd", "func(*sync.notifyList) uint32", 1, 1),
    f("sync", "runtime_notifyListNotifyAll", "func(*sync.notifyList)", 1, 0),
    f("sync", "runtime_notifyListNotifyOne", "func(*sync.notifyList)", 1, 0),
    f("sync", "runtime_notifyListWait", "func(*sync.notifyList, uint32)", 2, 0),
    f("sync", "runtime_semacquire", "func(*uint32, bool, int)", 3, 0),
    f("sync", "runtime_semrelease", "func(*uint32, bool)", 2, 0),
    // sync/atomic
    f("sync/atomic", "AddInt32", "func(*int32, int32) int32", 2, 1),
    f("sync/atomic", "AddInt64", "func(*int64, int64) int64", 2, 1),
    f("sync/atomic", "AddUint32", "func(*uint32, uint32) uint32", 2, 1),
    f("sync/atomic", "AddUint64", "func(*uint64, uint64) uint64", 2, 1),
    f("sync/atomic", "AddUintptr", "func(*uintptr, uintptr) uintptr", 2, 1),
    f("sync/atomic", "AndInt32", "func(*int32, int32) int32", 2, 1),
    f("sync/atomic", "AndInt64", "func(*int64, int64) int64", 2, 1),
    f("sync/atomic", "AndUint32", "func(*uint32, uint32) uint32", 2, 1),
    f("sync/atomic", "AndUint64", "func(*uint64, uint64) uint64", 2, 1),
    f("sync/atomic", "AndUintptr", "func(*uintptr, uintptr) uintptr", 2, 1),
    f("sync/atomic", "CompareAndSwapInt32", "func(*int32, int32, int32) bool", 3, 1),
    f("sync/atomic", "CompareAndSwapInt64", "func(*int64, int64, int64) bool", 3, 1),
    f("sync/atomic", "CompareAndSwapUint32", "func(*uint32, uint32, uint32) bool", 3, 1),
    f("sync/atomic", "CompareAndSwapUint64", "func(*uint64, uint64, uint64) bool", 3, 1),
    f("sync/atomic", "CompareAndSwapUintptr", "func(*uintptr, uintptr, uintptr) bool", 3, 1),
    f("sync/atomic", "LoadInt32", "func(*int32) int32", 1, 1),
    f("sync/atomic", "LoadInt64", "func(*int64) int64", 1, 1),
    f("sync/atomic", "LoadUint32", "func(*uint32) uint32", 1, 1),
    f("sync/atomic", "LoadUint64", "func(*uint64) uint64", 1, 1),
    f("sync/atomic", "LoadUintptr", "func(*uintptr) uintptr", 1, 1),
    f("sync/atomic", "OrInt32", "func(*int32, int32) int32", 2, 1),
    f("sync/atomic", "OrInt64", "func(*int64, int64) int64", 2, 1),
    f("sync/atomic", "OrUint32", "func(*uint32, uint32) uint32", 2, 1),
    f("sync/atomic", "OrUint64", "func(*uint64, uint64) uint64", 2, 1),
    f("sync/atomic", "OrUintptr", "func(*uintptr, uintptr) uintptr", 2, 1),
    f("sync/atomic", "StoreInt32", "func(*int32, int32)", 2, 0),
    f("sync/atomic", "StoreInt64", "func(*int64, int64)", 2, 0),
    f("sync/atomic", "StoreUint32", "func(*uint32, uint32)", 2, 0),
    f("sync/atomic", "StoreUint64", "func(*uint64, uint64)", 2, 0),
    f("sync/atomic", "StoreUintptr", "func(*uintptr, uintptr)", 2, 0),
    f("sync/atomic", "SwapInt32", "func(*int32, int32) int32", 2, 1),
    f("sync/atomic", "SwapInt64", "func(*int64, int64) int64", 2, 1),
    f("sync/atomic", "SwapUint32", "func(*uint32, uint32) uint32", 2, 1),
    f("sync/atomic", "SwapUint64", "func(*uint64, uint64) uint64", 2, 1),
    f("sync/atomic", "SwapUintptr", "func(*uintptr, uintptr) uintptr", 2, 1),
    f("sync/atomic", "runtime_procyield", "func()", 0, 0),
    f("sync/atomic", "typeOf", "func(interface {}) uintptr", 2, 1),
    // syscall
    f("syscall", "accept4", "func(int, []uint8, int) (int, int)", 5, 2),
    f("syscall", "bind", "func(int, []uint8) int", 4, 1),
    f("syscall", "close", "func(int) int", 1, 1),
    f("syscall", "connect", "func(int, []uint8) int", 4, 1),
    f("syscall", "fcntl", "func(int, int, int) (int, int)", 3, 2),
    f("syscall", "fstat", "func(int, *syscall.Stat_t) int", 2, 1),
    f("syscall", "fstatat", "func([]uint8, *syscall.Stat_t, int) int", 5, 1),
    f("syscall", "ftruncate", "func(int, int64) int", 2, 1),
    f("syscall", "getcwd", "func([]uint8) (int, int)", 3, 2),
    f("syscall", "getdents", "func(int, []uint8) (int, int)", 4, 2),
    f("syscall", "getid", "func(int) int", 1, 1),
    f("syscall", "getpeername", "func(int, []uint8) int", 4, 1),
    f("syscall", "getsockname", "func(int, []uint8) int", 4, 1),
    f("syscall", "getsockopt", "func(int, int, int) (int, int)", 3, 2),
    f("syscall", "kill", "func(int, int) int", 2, 1),
    f("syscall", "listen", "func(int, int) int", 2, 1),
    f("syscall", "lseek", "func(int, int64, int) (int64, int)", 3, 2),
    f("syscall", "mkdirat", "func([]uint8, int) int", 4, 1),
    f("syscall", "nanosleep", "func(*syscall.Timespec, *syscall.Timespec) int", 2, 1),
    f("syscall", "open", "func([]uint8, int, int) (int, int)", 5, 2),
    f("syscall", "pipe2", "func(*[2]int32, int) int", 2, 1),
    f("syscall", "pread", "func(int, []uint8, int64) (int, int)", 5, 2),
    f("syscall", "pwrite", "func(int, []uint8, int64) (int, int)", 5, 2),
    f("syscall", "read", "func(int, []uint8) (int, int)", 4, 2),
    f("syscall", "renameat", "func([]uint8, []uint8) int", 6, 1),
    f("syscall", "setsockopt", "func(int, int, int, int) int", 4, 1),
    f("syscall", "shutdown", "func(int, int) int", 2, 1),
    f("syscall", "socket", "func(int, int, int) (int, int)", 3, 2),
    f("syscall", "unlinkat", "func([]uint8, int) int", 4, 1),
    f("syscall", "write", "func(int, []uint8) (int, int)", 4, 2),
    // time
    f("time", "Sleep", "func(time.Duration)", 1, 0),
    f("time", "runtime_nanotime", "func() int64", 0, 1),
    f("time", "runtime_walltime", "func() int64", 0, 1),
    f("time", "startTimer", "func(*time.runtimeTimer)", 1, 0),
    f("time", "stopTimer", "func(*time.runtimeTimer) bool", 1, 1),
];
