//! The embedded standard library: Go source packages under `compiler/std/`,
//! one directory per import path (`compiler/std/unicode/utf8/*.go` is
//! `unicode/utf8`), compiled into the goc binary by the build script
//! (`std_packages.rs` in `OUT_DIR`, a table of `include_str!`s). A package is
//! parsed, checked and compiled only when a program imports it, directly or
//! not. Its functions may be declared without a body: such a function is
//! implemented by the runtime under the symbol
//! [`crate::types::runtime_symbol`] gives (`goc_pkg_os_runtime_args`), see
//! runtime/src/stdlib/ for the contract.

use crate::Source;

include!(concat!(env!("OUT_DIR"), "/std_packages.rs"));

/// The files of standard package `path`, if goc provides it; their
/// diagnostic paths are `$GOROOT/src/<path>/<file>` as Go's are.
/// Whether `path` is a standard package.
pub fn is_std(path: &str) -> bool {
    STD_PACKAGES.iter().any(|(p, _)| *p == path)
}

/// Whether a standard package is internal (a path element `internal`):
/// only other standard packages may import it. goc's internal packages
/// (internal/rtype) do not exist in Go, so to other code they are, as in
/// Go, not in std.
pub fn is_internal(path: &str) -> bool {
    path.split('/').any(|e| e == "internal")
}

pub fn package(path: &str) -> Option<Vec<Source>> {
    let (_, files) = STD_PACKAGES.iter().find(|(p, _)| *p == path)?;
    Some(
        files
            .iter()
            .map(|(name, text)| Source {
                path: format!("$GOROOT/src/{path}/{name}"),
                text: text.as_bytes().to_vec(),
            })
            .collect(),
    )
}

/// Every standard package goc provides, by import path.
pub fn paths() -> impl Iterator<Item = &'static str> {
    STD_PACKAGES.iter().map(|(p, _)| *p)
}
