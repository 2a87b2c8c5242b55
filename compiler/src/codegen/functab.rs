//! The function table (layout in goc-abi's `functab`): for each compiled
//! function with source code, its Go name, its file and its pc-to-line
//! table, from the source locations Cranelift kept for the instructions
//! (func.rs sets them from the IR's `Line` instructions). One data object
//! per module in `functab::SECTION`: a file record per source file, then
//! the function records, each pointing back to its file's record.

use std::collections::HashMap;

use cranelift_codegen::Context;
use cranelift_module::{DataDescription, FuncId, Module};
use goc_abi::functab as ft;

use super::ModuleState;
use crate::ir;

/// One function's entry, before encoding.
pub(super) struct FuncLines {
    /// The symbol of the code (a big-frame function's body, not its
    /// checking wrapper).
    pub func: FuncId,
    name: String,
    file: String,
    code_size: u32,
    has_params: bool,
    /// (end offset, line), ascending; line 0 where there is none.
    lines: Vec<(u32, u32)>,
}

impl FuncLines {
    /// The entry of `f`, just compiled in `ctx` as function `func`; None
    /// for generated code (no source file).
    pub fn new(func: FuncId, f: &ir::Func, ctx: &Context) -> Option<FuncLines> {
        if f.file.is_empty() {
            return None;
        }
        let code = ctx.compiled_code()?;
        let code_size = code.buffer.data().len() as u32;
        let mut lines: Vec<(u32, u32)> = Vec::new();
        let mut push = |end: u32, line: u32| match lines.last_mut() {
            Some(last) if last.0 >= end => {}
            Some(last) if last.1 == line => last.0 = end,
            _ => lines.push((end, line)),
        };
        for loc in code.buffer.get_srclocs_sorted() {
            push(loc.start, 0);
            let line = if loc.loc.is_default() {
                0
            } else {
                loc.loc.bits()
            };
            push(loc.end, line);
        }
        push(code_size, 0);
        lines.retain(|&(end, _)| end > 0);

        Some(FuncLines {
            func,
            name: go_name(&f.name),
            file: f.file.clone(),
            code_size,
            has_params: !f.params.is_empty(),
            lines,
        })
    }
}

/// A function's name as Go prints it in tracebacks: type arguments of
/// instances as `[...]` (`main.Pair[...].String`).
fn go_name(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len());
    let mut depth = 0;
    for c in symbol.chars() {
        match c {
            '[' => {
                if depth == 0 {
                    out.push_str("[...]");
                }
                depth += 1;
            }
            ']' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The line table's encoding (goc_abi::functab::LINES_LEN): deltas of the
/// run ends and of the lines, as LEB128 (lines zig-zag signed).
fn encode_lines(lines: &[(u32, u32)]) -> Vec<u8> {
    fn uleb(out: &mut Vec<u8>, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }
    let mut out = Vec::new();
    let (mut end, mut line) = (0u32, 0i64);
    for &(e, l) in lines {
        uleb(&mut out, u64::from(e - end));
        let d = i64::from(l) - line;
        uleb(&mut out, ((d << 1) ^ (d >> 63)) as u64);
        (end, line) = (e, i64::from(l));
    }
    out
}

fn put32(b: &mut [u8], off: usize, v: u32) {
    b[off..off + 4].copy_from_slice(&v.to_le_bytes());
}

fn padded(n: usize) -> usize {
    n.div_ceil(8) * 8
}

/// Writes the table of `funcs` as one data object in `functab::SECTION`.
pub(super) fn emit_functab(ms: &mut ModuleState, funcs: &[FuncLines]) -> Result<(), String> {
    if funcs.is_empty() {
        return Ok(());
    }
    let mut desc = DataDescription::new();
    let mut bytes: Vec<u8> = Vec::new();
    let mut files: HashMap<&str, usize> = HashMap::new();
    for f in funcs {
        if files.contains_key(f.file.as_str()) {
            continue;
        }
        let at = bytes.len();
        let size = padded(ft::FILE_HEADER_SIZE + f.file.len());
        bytes.resize(at + size, 0);
        put32(&mut bytes[at..], ft::KIND, ft::KIND_FILE);
        put32(&mut bytes[at..], ft::SIZE, size as u32);
        put32(&mut bytes[at..], ft::FILE_LEN, f.file.len() as u32);
        let p = at + ft::FILE_HEADER_SIZE;
        bytes[p..p + f.file.len()].copy_from_slice(f.file.as_bytes());
        files.insert(&f.file, at);
    }
    for f in funcs {
        let at = bytes.len();
        let lines_at = ft::FUNC_HEADER_SIZE;
        let table = encode_lines(&f.lines);
        let name_at = lines_at + table.len();
        let size = padded(name_at + f.name.len());
        bytes.resize(at + size, 0);
        let rec = &mut bytes[at..];
        put32(rec, ft::KIND, ft::KIND_FUNC);
        put32(rec, ft::SIZE, size as u32);
        put32(rec, ft::CODE_SIZE, f.code_size);
        put32(rec, ft::NAME_LEN, f.name.len() as u32);
        let rel = files[f.file.as_str()] as i64 - at as i64;
        put32(rec, ft::FILE_REL, rel as i32 as u32);
        put32(rec, ft::LINES_LEN, table.len() as u32);
        put32(rec, ft::HAS_PARAMS, f.has_params as u32);
        rec[lines_at..name_at].copy_from_slice(&table);
        rec[name_at..name_at + f.name.len()].copy_from_slice(f.name.as_bytes());
        let fr = ms.module.declare_func_in_data(f.func, &mut desc);
        desc.write_function_addr((at + ft::FUNC) as u32, fr);
    }
    ms.define_table("goc.functab", ft::SECTION, desc, bytes)
}

#[cfg(test)]
mod tests {
    use super::go_name;

    #[test]
    fn line_tables_are_deltas() {
        use super::encode_lines;
        assert_eq!(
            encode_lines(&[(4, 0), (20, 7), (300, 5)]),
            vec![4, 0, 16, 14, 0x98, 0x02, 3]
        );
    }

    #[test]
    fn instance_names_elide_type_arguments() {
        assert_eq!(go_name("main.(*T).get"), "main.(*T).get");
        assert_eq!(
            go_name("main.Pair[int,string].String"),
            "main.Pair[...].String"
        );
        assert_eq!(go_name("main.F[map[int][]main.T[int]]"), "main.F[...]");
    }
}
