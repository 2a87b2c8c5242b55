//! How IR values become machine words, and the signatures of calls.
//!
//! Every IR register type flattens to a fixed list of Cranelift types
//! ([`words`]): bool is one `i8` (0 or 1), integers are their width, floats
//! are `f32`/`f64`, a pointer is one `i64`, a string two `i64` (ptr, len), a
//! slice three `i64` (ptr, len, cap). Parameters and results are flattened
//! the same way, one machine word per Cranelift parameter, in the platform's
//! C calling convention (System V on x86_64, AAPCS64 on aarch64), so the
//! runtime's `extern "C"` functions and compiled Go functions share one ABI.
//!
//! Results: a function returning at most [`MAX_REG_RESULT_WORDS`] words
//! returns them in registers (a string comes back in `rax:rdx` / `x0:x1`,
//! exactly as a Rust `extern "C"` function returning a two-word struct).
//! A program function with more result words takes a hidden first parameter,
//! the address of a result area in its caller's frame, and stores word `i` at
//! offset `8*i` (see [`result_area_offset`]). The area is explicit rather
//! than Cranelift's implicit `sret` (`enable_multi_ret_implicit_sret`, which
//! is deprecated) so that the pointer is an ordinary value: when stacks are
//! copied, stack maps must be able to name every pointer into the stack.

use cranelift_codegen::ir::{types, AbiParam, Signature};
use cranelift_codegen::isa::CallConv;

use crate::ir::{layout, Func, FuncSig, Type};

/// The most result words returned in registers; more go through a result area.
pub const MAX_REG_RESULT_WORDS: usize = 2;

/// The Cranelift types of the machine words of a register type, in order.
/// Memory types (arrays, structs) have no register form: `None`.
pub fn words(t: &Type) -> Option<&'static [types::Type]> {
    Some(match t {
        Type::Bool | Type::I8 | Type::U8 => &[types::I8],
        Type::I16 | Type::U16 => &[types::I16],
        Type::I32 | Type::U32 => &[types::I32],
        Type::I64 | Type::U64 => &[types::I64],
        Type::F32 => &[types::F32],
        Type::F64 => &[types::F64],
        Type::C64 => &[types::F32, types::F32],
        Type::C128 => &[types::F64, types::F64],
        Type::Ptr(_) | Type::Func(_) => &[types::I64],
        Type::String | Type::Iface => &[types::I64, types::I64],
        Type::Slice(_) => &[types::I64, types::I64, types::I64],
        Type::Array(..) | Type::Struct(..) | Type::Named(_) => return None,
    })
}

/// Byte offset of word `i` of a register value of type `t` stored in
/// memory. Strings and slices are stored as consecutive 8-byte words,
/// complex64 as two 4-byte floats; scalars have one word.
pub fn word_offset(t: &Type, i: usize) -> i32 {
    let size = if *t == Type::C64 { 4 } else { 8 };
    (i as i32) * size
}

/// Byte offset of result word `i` in a result area.
pub fn result_area_offset(i: usize) -> i32 {
    (i as i32) * 8
}

/// One ABI parameter for a word of an IR type. Narrow integers are extended
/// by their signedness (bool and unsigned: zero, signed: sign) as the C ABI
/// expects of the caller, so Rust callees may rely on it.
pub fn abi_param(word: types::Type, of: &Type) -> AbiParam {
    let p = AbiParam::new(word);
    if word.is_int() && word.bits() < 32 {
        if of.is_signed() {
            p.sext()
        } else {
            p.uext()
        }
    } else {
        p
    }
}

fn push_words(out: &mut Vec<AbiParam>, t: &Type) -> Result<(), String> {
    let ws = words(t).ok_or_else(|| format!("memory type {t} at a call boundary"))?;
    out.extend(ws.iter().map(|&w| abi_param(w, t)));
    Ok(())
}

/// The flattened words of a list of types.
pub fn flatten<'a>(tys: impl IntoIterator<Item = &'a Type>) -> Result<Vec<AbiParam>, String> {
    let mut out = Vec::new();
    for t in tys {
        push_words(&mut out, t)?;
    }
    Ok(out)
}

/// The Cranelift signature of a program function, and whether it uses a
/// result area (hidden first parameter).
pub fn program_signature(f: &Func, cc: CallConv) -> Result<(Signature, bool), String> {
    let mut sig = Signature::new(cc);
    let results = flatten(&f.results)?;
    let ret_area = results.len() > MAX_REG_RESULT_WORDS;
    if ret_area {
        sig.params.push(AbiParam::new(types::I64));
    } else {
        sig.returns = results;
    }
    let param_tys: Vec<&Type> = f.params.iter().map(|&r| f.reg_type(r)).collect();
    sig.params.extend(flatten(param_tys)?);
    Ok((sig, ret_area))
}

/// The signature of a call through a function value: as for a program
/// function whose first parameter (after the result area) is the closure
/// object.
pub fn closure_signature(sig: &FuncSig, cc: CallConv) -> Result<(Signature, bool), String> {
    let mut s = Signature::new(cc);
    let results = flatten(&sig.results)?;
    let ret_area = results.len() > MAX_REG_RESULT_WORDS;
    if ret_area {
        s.params.push(AbiParam::new(types::I64));
    } else {
        s.returns = results;
    }
    s.params.push(AbiParam::new(types::I64));
    s.params.extend(flatten(&sig.params)?);
    Ok((s, ret_area))
}

/// The signature of a call into the runtime, derived from the IR types of
/// its operands and destinations (each machine word one C parameter).
pub fn runtime_signature(
    args: &[&Type],
    results: &[&Type],
    cc: CallConv,
) -> Result<Signature, String> {
    let mut sig = Signature::new(cc);
    sig.params = flatten(args.iter().copied())?;
    sig.returns = flatten(results.iter().copied())?;
    if sig.returns.len() > MAX_REG_RESULT_WORDS {
        return Err(format!(
            "runtime call returns {} machine words (at most {MAX_REG_RESULT_WORDS} allowed)",
            sig.returns.len()
        ));
    }
    Ok(sig)
}

/// A signature with plain word parameters and results, for the runtime
/// entry points the backend calls itself.
pub fn simple_signature(
    params: &[types::Type],
    returns: &[types::Type],
    cc: CallConv,
) -> Signature {
    let mut sig = Signature::new(cc);
    // Narrow parameters here are C bools (zero-extended).
    sig.params = params.iter().map(|&t| abi_param(t, &Type::Bool)).collect();
    sig.returns = returns.iter().map(|&t| abi_param(t, &Type::Bool)).collect();
    sig
}

/// Size and alignment of a type (layout.rs), as used for frame slots and
/// allocation.
pub fn size_align(t: &Type) -> (u64, u64) {
    (layout::size_of(t), layout::align_of(t))
}
