//! goc: an ahead-of-time Go compiler. See docs/ARCHITECTURE.md.

pub mod diag;
pub mod syntax;
pub mod ir;
pub mod codegen;
pub mod link;
pub mod types;
