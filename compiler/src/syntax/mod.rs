//! Go source to AST: the lexer (with Go's automatic semicolon insertion) and
//! a recursive-descent parser.

pub mod ast;
pub mod lexer;
pub mod parser;

pub use parser::parse_file;
