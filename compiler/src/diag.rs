//! Diagnostics: a message at a source position, printed as Go prints them,
//! `file.go:LINE:COL: message`.

use crate::syntax::ast::Pos;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    pub pos: Pos,
    pub msg: String,
}

impl Diag {
    pub fn new(pos: Pos, msg: impl Into<String>) -> Diag {
        Diag {
            pos,
            msg: msg.into(),
        }
    }

    /// `path:LINE:COL: message`, with `files[pos.file]` as the path.
    pub fn render(&self, files: &[String]) -> String {
        let path = files
            .get(self.pos.file as usize)
            .map(String::as_str)
            .unwrap_or("?");
        format!("{}:{}:{}: {}", path, self.pos.line, self.pos.col, self.msg)
    }
}
