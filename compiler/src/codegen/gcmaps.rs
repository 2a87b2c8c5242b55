//! The collector's tables: stack maps of every compiled function and the
//! list of Go globals with pointers (docs/CODEGEN.md, "Stack-map table";
//! layouts in goc-abi's `stackmap` and `gcglobals`).
//!
//! After Cranelift compiles a function, [`FuncMap::new`] reads the
//! compiled code: every call site's return address is a safepoint, the
//! stack maps Cranelift made for the pointer variables (func.rs,
//! `declare_vars`) give the live slots at each, and the frame layout gives
//! the distance from SP to FP and where the frame slots are. Offsets are
//! turned into word distances below the frame pointer, which is what the
//! runtime has when it walks a stack. [`emit_stackmaps`] writes all records
//! as one data object in `stackmap::SECTION`, with a relocation to each
//! function.

use std::collections::HashMap;

use cranelift_codegen::ir::DebugTag;
use cranelift_codegen::{Context, MachDebugTagPos};
use cranelift_module::{DataDescription, FuncId, Module};
use goc_abi::{gcglobals, stackmap};

use super::func::FrameGc;
use super::ModuleState;
use crate::ir::{self, layout};

/// The debug tag (`DebugTag::User`) of the prologue's stack-check call,
/// the one safepoint before the frame objects are zeroed.
pub(super) const ENTRY_CHECK_TAG: u32 = 0x6763_0001;

/// The stack-map record of one function, before encoding.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FuncMap {
    pub func: FuncId,
    pub code_size: u32,
    /// FP - SP in the body.
    pub frame: u32,
    /// Bytes of outgoing arguments at the bottom of the frame.
    pub outargs: u32,
    /// Return offset of the prologue's stack-check call (0: none), where
    /// the `always` words are not valid yet.
    pub entry_ret: u32,
    /// (return-address offset, live slots k (fp - 8k)), ascending offsets.
    pub safepoints: Vec<(u32, Vec<u32>)>,
    /// Runs (k, n) of pointer words live at every safepoint.
    pub always: Vec<(u32, u32)>,
    /// Runs (k, n) of words to scan conservatively.
    pub ranges: Vec<(u32, u32)>,
}

/// Runs (k, n) of consecutive words from a set of word distances k: a run
/// (k, n) covers fp-8k, fp-8k+8, ..., i.e. k, k-1, ..., k-n+1.
fn runs(mut ks: Vec<u32>) -> Vec<(u32, u32)> {
    ks.sort_unstable_by(|a, b| b.cmp(a));
    ks.dedup();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for k in ks {
        match out.last_mut() {
            Some((k0, n)) if *k0 - *n == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

impl FuncMap {
    /// The record of a function just compiled in `ctx`.
    pub fn new(func: FuncId, ctx: &Context, gc: &FrameGc) -> Result<FuncMap, String> {
        let code = ctx.compiled_code().ok_or("stack maps: no compiled code")?;
        let buf = &code.buffer;
        let fl = buf.frame_layout().ok_or("stack maps: no frame layout")?;
        let frame = fl.frame_to_fp_offset;
        let outargs = fl.stackslots[gc.anchor].offset;
        // Word distance below FP of an SP-relative byte offset.
        let k_of = |sp_off: u32| -> Result<u32, String> {
            if !sp_off.is_multiple_of(8) || sp_off >= frame {
                return Err(format!(
                    "stack maps: slot at sp+{sp_off} outside the frame of {frame} bytes"
                ));
            }
            Ok((frame - sp_off) / 8)
        };
        let mut live: HashMap<u32, Vec<u32>> = HashMap::new();
        for (ret, span, map) in buf.user_stack_maps() {
            if *span != frame {
                return Err(format!(
                    "stack maps: span {span} at +{ret} differs from the frame size {frame}"
                ));
            }
            let mut ks = Vec::new();
            for (_ty, off) in map.entries() {
                ks.push(k_of(off)?);
            }
            ks.sort_unstable();
            ks.dedup();
            live.insert(*ret, ks);
        }
        let mut entry_ret = 0;
        for t in buf.debug_tags() {
            if t.pos == MachDebugTagPos::Post && t.tags.contains(&DebugTag::User(ENTRY_CHECK_TAG)) {
                entry_ret = t.offset;
            }
        }
        let mut rets: Vec<u32> = buf.call_sites().map(|c| c.ret_addr).collect();
        rets.sort_unstable();
        rets.dedup();
        if entry_ret != 0 && rets.binary_search(&entry_ret).is_err() {
            return Err(format!(
                "stack maps: the stack check's call at +{entry_ret} is not a call site"
            ));
        }
        if let Some(r) = live.keys().find(|r| rets.binary_search(r).is_err()) {
            return Err(format!(
                "stack maps: a stack map at +{r} is not a call site"
            ));
        }
        let safepoints = rets
            .into_iter()
            .map(|r| (r, live.remove(&r).unwrap_or_default()))
            .collect();
        let slot_off = |s| fl.stackslots[s].offset;
        let mut always = Vec::new();
        for &(s, off) in &gc.always {
            always.push(k_of(slot_off(s) + off)?);
        }
        let mut ranges = Vec::new();
        for &(s, size) in &gc.conservative {
            let lo = slot_off(s);
            let n = size.div_ceil(8);
            ranges.push((k_of(lo)?, n));
        }
        Ok(FuncMap {
            func,
            code_size: buf.total_size(),
            frame,
            outargs,
            entry_ret,
            safepoints,
            always: runs(always),
            ranges,
        })
    }

    /// The record's bytes, the FUNC word left zero (a relocation fills it).
    pub fn encode(&self) -> Vec<u8> {
        let n = self.safepoints.len();
        let npool: usize = self.safepoints.iter().map(|(_, ks)| ks.len()).sum();
        let mut w: Vec<u32> = vec![
            self.code_size,
            self.frame,
            self.outargs,
            n as u32,
            self.always.len() as u32,
            self.ranges.len() as u32,
            npool as u32,
            self.entry_ret,
        ];
        w.extend(self.safepoints.iter().map(|(r, _)| *r));
        let mut start = 0u32;
        for (_, ks) in &self.safepoints {
            w.push(start);
            start += ks.len() as u32;
        }
        w.push(start);
        for &(k, n) in self.always.iter().chain(&self.ranges) {
            w.push(k);
            w.push(n);
        }
        for (_, ks) in &self.safepoints {
            w.extend(ks);
        }
        let mut bytes = vec![0u8; 8];
        for x in w {
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        bytes.resize(bytes.len().div_ceil(8) * 8, 0);
        debug_assert_eq!(
            bytes.len(),
            stackmap::record_size(n, self.always.len(), self.ranges.len(), npool)
        );
        bytes
    }
}

/// Emits the stack-map records of all functions as one data object.
pub(super) fn emit_stackmaps(ms: &mut ModuleState, maps: &[FuncMap]) -> Result<(), String> {
    if maps.is_empty() {
        return Ok(());
    }
    let mut desc = DataDescription::new();
    let mut bytes = Vec::new();
    for m in maps {
        let off = bytes.len() as u32;
        bytes.extend(m.encode());
        let fr = ms.module.declare_func_in_data(m.func, &mut desc);
        desc.write_function_addr(off + stackmap::FUNC as u32, fr);
    }
    ms.define_table("goc.stackmaps", stackmap::SECTION, desc, bytes)
}

/// Emits the table of Go globals whose types have pointers: (address,
/// shape) pairs.
pub(super) fn emit_gcglobals(ms: &mut ModuleState, globals: &[ir::Global]) -> Result<(), String> {
    let mut desc = DataDescription::new();
    let mut bytes = Vec::new();
    for g in globals {
        let shape = layout::gc_shape(&g.ty);
        if shape.ptrdata == 0 {
            continue;
        }
        let gid = ms.globals[&g.name];
        let sid = ms.shape_data(&shape)?;
        let off = bytes.len() as u32;
        bytes.extend_from_slice(&[0; gcglobals::ENTRY_SIZE]);
        let gv = ms.module.declare_data_in_data(gid, &mut desc);
        desc.write_data_addr(off, gv, 0);
        let sv = ms.module.declare_data_in_data(sid, &mut desc);
        desc.write_data_addr(off + 8, sv, 0);
    }
    if bytes.is_empty() {
        return Ok(());
    }
    ms.define_table("goc.gcglobals", gcglobals::SECTION, desc, bytes)
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn word_runs() {
        assert_eq!(runs(vec![]), vec![]);
        assert_eq!(runs(vec![3, 5, 4, 9, 1]), vec![(9, 1), (5, 3), (1, 1)]);
    }
}
