//! The backend: IR -> Cranelift -> ELF relocatable object.
//!
//! [`compile`] turns a verified [`ir::Program`] into the bytes of one object
//! file for x86_64 or aarch64 Linux. Every IR function becomes a global
//! function symbol under its IR name (`main.main`, `goc_program_init`, ...);
//! every IR global a zeroed, writable data object (bss); string constants
//! read-only data objects. Calls to names the program does not define are
//! undefined symbols the static link resolves against the runtime archive.
//!
//! docs/CODEGEN.md describes the mapping; the pieces are:
//! - [`abi`]: how register types flatten to machine words, and signatures;
//! - [`func`]: the translation of one function (registers to Cranelift
//!   variables, instructions, terminators, the prologue stack check);
//! - [`ops`]: constants, operators (Go's division and shift semantics),
//!   numeric and string conversions;
//! - [`slices`]: slicing, append's growth, make and copy;
//! - [`checks`]: Go's run-time checks (bounds, nil, divide, shift) as
//!   compare-and-branch to cold blocks that call the runtime's panics;
//! - [`mem`]: inline memory copy and zeroing, with calls for large sizes;
//! - [`gcmaps`]: the collector's tables (stack maps, Go globals).
//!
//! Errors are for impossible inputs only (the IR is verified first); a
//! Cranelift verifier error is a bug in the lowering and is reported as an
//! error naming the function, never as a panic.

mod abi;
mod checks;
mod complex;
mod func;
mod functab;
mod gcmaps;
mod mem;
mod ops;
mod slices;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::Arc;

use cranelift_codegen::ir::{self as clir, Signature, UserFuncName};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{CodegenError, Context};
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::{
    DataDescription, DataId, FuncId, Linkage, Module, ModuleError, ModuleReloc,
};
use cranelift_object::{ObjectBuilder, ObjectModule};
use target_lexicon::{Architecture, BinaryFormat, OperatingSystem, Triple};

use crate::ir;
use crate::ir::layout;

/// The targets [`compile`] accepts.
pub const SUPPORTED_TARGETS: &[&str] = &["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"];

/// Compiles a verified IR program to the bytes of an ELF relocatable object
/// for `triple` (x86_64 or aarch64 Linux).
pub fn compile(program: &ir::Program, triple: &Triple) -> Result<Vec<u8>, String> {
    let isa = make_isa(triple)?;
    let builder = ObjectBuilder::new(
        isa.clone(),
        "goc",
        cranelift_module::default_libcall_names(),
    )
    .map_err(|e| format!("codegen: {e}"))?;
    let mut ms = ModuleState {
        module: ObjectModule::new(builder),
        cc: isa.default_call_conv(),
        isa,
        funcs: HashMap::new(),
        imports: HashMap::new(),
        strings: HashMap::new(),
        globals: HashMap::new(),
        shapes: HashMap::new(),
        wb_flag: None,
    };

    for g in &program.globals {
        ms.define_global(g)?;
    }
    let mut sigs = Vec::with_capacity(program.funcs.len());
    for f in &program.funcs {
        let (sig, ret_area) =
            abi::program_signature(f, ms.cc).map_err(|e| format!("{}: {e}", f.name))?;
        let id = ms
            .module
            .declare_function(&f.name, Linkage::Export, &sig)
            .map_err(|e| format!("{}: {}", f.name, module_error(e)))?;
        let results = abi::flatten(&f.results)
            .map_err(|e| format!("{}: {e}", f.name))?
            .iter()
            .map(|p| p.value_type)
            .collect();
        ms.funcs.insert(
            f.name.clone(),
            ProgramFunc {
                id,
                ret_area,
                sig: sig.clone(),
                results,
            },
        );
        sigs.push((id, sig));
    }

    for d in &program.data {
        let id = ms
            .module
            .declare_data(&d.name, Linkage::Local, false, false)
            .map_err(|e| format!("codegen: data {}: {}", d.name, module_error(e)))?;
        ms.globals.insert(d.name.clone(), id);
    }
    for d in &program.data {
        ms.define_data(d)?;
    }

    let mut ctx = ms.module.make_context();
    let mut fctx = FunctionBuilderContext::new();
    let mut maps = Vec::with_capacity(program.funcs.len());
    let mut lines = Vec::with_capacity(program.funcs.len());
    for (f, (id, sig)) in program.funcs.iter().zip(sigs) {
        let (frame, gc) = lower_and_compile(&mut ms, f, &sig, id, 0, &mut ctx, &mut fctx)?;
        lines.extend(functab::FuncLines::new(id, f, &ctx));
        if frame <= goc_abi::g::SMALL_FRAME || f.nosplit {
            maps.push(define(&mut ms, id, &mut ctx, f, &gc)?);
            continue;
        }
        // A big frame: its prologue check would run with the frame already
        // allocated, possibly below the stack (docs/CODEGEN.md, "The stack
        // check"). The code moves to a local symbol; the function's own
        // symbol becomes a wrapper whose check covers the whole frame.
        let body = big_frame_body(&mut ms, f, &sig)?;
        if let Some(l) = lines.last_mut().filter(|_| !f.file.is_empty()) {
            l.func = body;
        }
        maps.push(define(&mut ms, body, &mut ctx, f, &gc)?);
        let w = big_frame_wrapper(f);
        let (_, gc) = lower_and_compile(&mut ms, &w, &sig, id, frame, &mut ctx, &mut fctx)?;
        maps.push(define(&mut ms, id, &mut ctx, f, &gc)?);
    }
    gcmaps::emit_stackmaps(&mut ms, &maps)?;
    functab::emit_functab(&mut ms, &lines)?;
    gcmaps::emit_gcglobals(&mut ms, &program.globals)?;
    let product = ms.module.finish();
    product
        .emit()
        .map_err(|e| format!("codegen: writing the object: {e}"))
}

/// Bytes of an activation above its frame proper: the frame record (saved
/// frame pointer and return address; on x86_64 the call pushed the latter).
const FRAME_RECORD: u64 = 24;

/// Translates `f` into `ctx` and compiles it. Returns the bytes its
/// activation takes below the caller's stack pointer (return address and
/// frame record included) and what the stack-map table needs of it.
/// `need` is for big-frame wrappers: the callee frame their check covers.
fn lower_and_compile(
    ms: &mut ModuleState,
    f: &ir::Func,
    sig: &Signature,
    id: FuncId,
    need: u64,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
) -> Result<(u64, func::FrameGc), String> {
    ctx.func.signature = sig.clone();
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    // A panic in the middle of a translation leaves the builder context
    // dirty; it is only reused after a successful one.
    let lowered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        func::translate(ms, f, &mut ctx.func, fctx, need)
    }));
    let gc = match lowered {
        Ok(Ok(gc)) => gc,
        Ok(Err(e)) => return Err(format!("codegen: {}: {e}", f.name)),
        Err(p) => {
            return Err(format!(
                "codegen: {}: internal error: {}",
                f.name,
                panic_text(&p)
            ))
        }
    };
    let isa = ms.isa.clone();
    let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        match ctx.compile(&*isa, &mut Default::default()) {
            Ok(code) => code
                .buffer
                .frame_layout()
                .map(|fl| u64::from(fl.frame_to_fp_offset) + FRAME_RECORD)
                .ok_or_else(|| "no frame layout".to_string()),
            Err(e) => Err(match e.inner {
                CodegenError::Verifier(errs) => format!(
                    "Cranelift verifier rejected the lowering (a backend bug):\n{}",
                    cranelift_codegen::print_errors::pretty_verifier_error(e.func, None, errs)
                ),
                other => other.to_string(),
            }),
        }
    }));
    match compiled {
        Ok(Ok(frame)) => Ok((frame, gc)),
        Ok(Err(e)) => Err(format!("codegen: {}: {e}", f.name)),
        Err(p) => Err(format!(
            "codegen: {}: Cranelift internal error: {}",
            f.name,
            panic_text(&p)
        )),
    }
}

/// Emits the code compiled in `ctx` as function `id`; returns its record
/// for the stack-map table.
fn define(
    ms: &mut ModuleState,
    id: FuncId,
    ctx: &mut Context,
    f: &ir::Func,
    gc: &func::FrameGc,
) -> Result<gcmaps::FuncMap, String> {
    let code = ctx.compiled_code().ok_or("codegen: no compiled code")?;
    let relocs: Vec<ModuleReloc> = code
        .buffer
        .relocs()
        .iter()
        .map(|r| ModuleReloc::from_mach_reloc(r, &ctx.func, id))
        .collect();
    ms.module
        .define_function_bytes(
            id,
            u64::from(code.buffer.alignment),
            code.buffer.data(),
            &relocs,
        )
        .map_err(|e| format!("codegen: {}: {}", f.name, module_error(e)))?;
    let map = gcmaps::FuncMap::new(id, ctx, gc).map_err(|e| format!("codegen: {}: {e}", f.name))?;
    ms.module.clear_context(ctx);
    Ok(map)
}

/// Suffix of the local symbol holding a big-frame function's code.
const BIG_FRAME_SUFFIX: &str = "\u{b7}frame";

/// Declares the local symbol that takes the code of big-frame function
/// `f`, whose own symbol becomes the wrapper.
fn big_frame_body(ms: &mut ModuleState, f: &ir::Func, sig: &Signature) -> Result<FuncId, String> {
    let name = format!("{}{BIG_FRAME_SUFFIX}", f.name);
    let id = ms
        .module
        .declare_function(&name, Linkage::Local, sig)
        .map_err(|e| format!("codegen: {}: {}", f.name, module_error(e)))?;
    let pf = ms
        .funcs
        .get(&f.name)
        .ok_or("codegen: undeclared function")?;
    let body = ProgramFunc {
        id,
        ret_area: pf.ret_area,
        sig: pf.sig.clone(),
        results: pf.results.clone(),
    };
    ms.funcs.insert(name, body);
    Ok(id)
}

/// The wrapper of big-frame function `f`: the same signature, a stack
/// check covering the body's frame (`lower_and_compile`'s `need`), then
/// the call. Transparent to `recover()` like the compiler's other wrappers.
fn big_frame_wrapper(f: &ir::Func) -> ir::Func {
    let mut regs: Vec<ir::Type> = f.params.iter().map(|&r| f.reg_type(r).clone()).collect();
    let params: Vec<ir::Reg> = (0..regs.len() as u32).map(ir::Reg).collect();
    let dsts: Vec<ir::Reg> = (0..f.results.len() as u32)
        .map(|k| ir::Reg(params.len() as u32 + k))
        .collect();
    regs.extend(f.results.iter().cloned());
    ir::Func {
        name: f.name.clone(),
        params: params.clone(),
        results: f.results.clone(),
        regs,
        blocks: vec![ir::Block {
            insts: vec![ir::Inst::Call {
                dsts: dsts.clone(),
                func: format!("{}{BIG_FRAME_SUFFIX}", f.name),
                args: params,
            }],
            term: ir::Term::Return(dsts),
        }],
        nosplit: false,
        wrapper: true,
        file: String::new(),
    }
}
fn module_error(e: ModuleError) -> String {
    match e {
        ModuleError::Compilation(c) => format!("Cranelift: {c}"),
        e => format!("{e}"),
    }
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic in the backend".to_string()
    }
}

/// The Cranelift target for a triple, with goc's settings: optimise for
/// speed, keep frame pointers (the runtime walks frames by them), reserve
/// the pinned register for g, static (non-PIC) code.
fn make_isa(triple: &Triple) -> Result<OwnedTargetIsa, String> {
    let arch_ok = matches!(
        triple.architecture,
        Architecture::X86_64 | Architecture::Aarch64(_)
    );
    if !arch_ok
        || triple.operating_system != OperatingSystem::Linux
        || triple.binary_format != BinaryFormat::Elf
    {
        return Err(format!(
            "codegen: unsupported target {triple}; supported targets: {}",
            SUPPORTED_TARGETS.join(", ")
        ));
    }
    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, k: &str, v: &str| {
        flags
            .set(k, v)
            .map_err(|e| format!("codegen: setting {k}={v}: {e}"))
    };
    set(&mut flags, "opt_level", "speed")?;
    set(&mut flags, "preserve_frame_pointers", "true")?;
    set(&mut flags, "enable_pinned_reg", "true")?;
    set(&mut flags, "is_pic", "false")?;
    set(
        &mut flags,
        "enable_verifier",
        if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        },
    )?;
    let isa_builder = cranelift_codegen::isa::lookup(triple.clone())
        .map_err(|e| format!("codegen: target {triple}: {e}"))?;
    let isa = isa_builder
        .finish(settings::Flags::new(flags))
        .map_err(|e| format!("codegen: target {triple}: {e}"))?;
    Ok(isa)
}

/// A function of the program: its symbol, whether it returns through a
/// result area (see abi.rs), and its signature.
struct ProgramFunc {
    id: FuncId,
    ret_area: bool,
    sig: Signature,
    /// The Cranelift types of its result words.
    results: Vec<clir::Type>,
}

/// Module-wide state shared by the translation of all functions.
pub(crate) struct ModuleState {
    module: ObjectModule,
    isa: OwnedTargetIsa,
    cc: CallConv,
    funcs: HashMap<String, ProgramFunc>,
    /// Runtime entry points, declared (as imports) on first use.
    imports: HashMap<String, FuncId>,
    /// Read-only string data, deduplicated by contents.
    strings: HashMap<Vec<u8>, DataId>,
    globals: HashMap<String, DataId>,
    /// GC shapes (goc_abi::gcshape), deduplicated by (size, ptrdata, mask).
    shapes: HashMap<layout::GcShape, DataId>,
    /// The runtime's write-barrier flag, imported on first use.
    wb_flag: Option<DataId>,
}

impl ModuleState {
    fn define_global(&mut self, g: &ir::Global) -> Result<(), String> {
        let (size, align) = abi::size_align(&g.ty);
        let id = self
            .module
            .declare_data(&g.name, Linkage::Export, true, false)
            .map_err(|e| format!("codegen: global {}: {}", g.name, module_error(e)))?;
        let mut d = DataDescription::new();
        // Zero-sized globals still get a byte: distinct symbols, valid address.
        d.define_zeroinit(size.max(1) as usize);
        d.set_align(align.max(1));
        self.module
            .define_data(id, &d)
            .map_err(|e| format!("codegen: global {}: {}", g.name, module_error(e)))?;
        self.globals.insert(g.name.clone(), id);
        Ok(())
    }

    /// Fills in a declared read-only data object: its words, with a
    /// relocation for every address (of a program function, global, data
    /// object, string, or runtime function).
    fn define_data(&mut self, d: &ir::Data) -> Result<(), String> {
        let id = self.globals[&d.name];
        let mut desc = DataDescription::new();
        let mut bytes = Vec::new();
        for item in &d.items {
            match item {
                ir::DataItem::Word(w) => bytes.extend_from_slice(&w.to_le_bytes()),
                ir::DataItem::Addr(sym) => {
                    let off = bytes.len() as u32;
                    bytes.extend_from_slice(&[0; 8]);
                    if let Some(&gid) = self.globals.get(sym) {
                        let gv = self.module.declare_data_in_data(gid, &mut desc);
                        desc.write_data_addr(off, gv, 0);
                    } else {
                        let fid = match self.funcs.get(sym) {
                            Some(pf) => pf.id,
                            None => self.callee(sym, &Signature::new(self.cc))?,
                        };
                        let fr = self.module.declare_func_in_data(fid, &mut desc);
                        desc.write_function_addr(off, fr);
                    }
                }
                ir::DataItem::Str(s) => {
                    let off = bytes.len() as u32;
                    bytes.extend_from_slice(&[0; 8]);
                    if !s.is_empty() {
                        let sid = self.string_data(s)?;
                        let gv = self.module.declare_data_in_data(sid, &mut desc);
                        desc.write_data_addr(off, gv, 0);
                    }
                    bytes.extend_from_slice(&(s.len() as u64).to_le_bytes());
                }
                ir::DataItem::Shape(t) => {
                    let off = bytes.len() as u32;
                    bytes.extend_from_slice(&[0; 8]);
                    let sid = self.shape_data(&layout::gc_shape(t))?;
                    let gv = self.module.declare_data_in_data(sid, &mut desc);
                    desc.write_data_addr(off, gv, 0);
                }
            }
        }
        if bytes.is_empty() {
            bytes.push(0);
        }
        desc.define(bytes.into_boxed_slice());
        desc.set_align(8);
        self.module
            .define_data(id, &desc)
            .map_err(|e| format!("codegen: data {}: {}", d.name, module_error(e)))
    }

    /// The data object holding a string constant's bytes.
    /// Defines one of the tables the runtime reads (stack maps, Go
    /// globals, the function table): a local, 8-aligned data object `name`
    /// of `bytes`, with `desc`'s relocations, in output section `section`
    /// (whose contents the linker scripts bracket with start and end
    /// symbols).
    fn define_table(
        &mut self,
        name: &str,
        section: &str,
        mut desc: DataDescription,
        bytes: Vec<u8>,
    ) -> Result<(), String> {
        let id = self
            .module
            .declare_data(name, Linkage::Local, false, false)
            .map_err(module_error)?;
        desc.define(bytes.into_boxed_slice());
        desc.set_align(8);
        desc.set_custom_section(section);
        self.module.define_data(id, &desc).map_err(module_error)
    }

    fn string_data(&mut self, bytes: &[u8]) -> Result<DataId, String> {
        if let Some(&id) = self.strings.get(bytes) {
            return Ok(id);
        }
        let name = format!("goc.str.{}", self.strings.len());
        let id = self
            .module
            .declare_data(&name, Linkage::Local, false, false)
            .map_err(module_error)?;
        let mut d = DataDescription::new();
        d.define(bytes.to_vec().into_boxed_slice());
        d.set_align(1);
        self.module.define_data(id, &d).map_err(module_error)?;
        self.strings.insert(bytes.to_vec(), id);
        Ok(id)
    }

    /// The read-only data object of a GC shape, one per distinct shape.
    pub(crate) fn shape_data(&mut self, shape: &layout::GcShape) -> Result<DataId, String> {
        if let Some(&id) = self.shapes.get(shape) {
            return Ok(id);
        }
        let name = format!("goc.gcshape.{}", self.shapes.len());
        let id = self
            .module
            .declare_data(&name, Linkage::Local, false, false)
            .map_err(module_error)?;
        let mut d = DataDescription::new();
        d.define(shape.bytes().into_boxed_slice());
        d.set_align(8);
        self.module.define_data(id, &d).map_err(module_error)?;
        self.shapes.insert(shape.clone(), id);
        Ok(id)
    }

    /// The runtime's write-barrier flag (`sym::WB_ENABLED`).
    pub(crate) fn wb_flag(&mut self) -> Result<DataId, String> {
        if let Some(id) = self.wb_flag {
            return Ok(id);
        }
        let id = self
            .module
            .declare_data(goc_abi::sym::WB_ENABLED, Linkage::Import, true, false)
            .map_err(module_error)?;
        self.wb_flag = Some(id);
        Ok(id)
    }

    /// The symbol for a call target: a program function, or else a runtime
    /// entry point (declared as an import with the signature of its first
    /// use; each call site imports it with its own signature).
    fn callee(&mut self, name: &str, sig: &Signature) -> Result<FuncId, String> {
        if let Some(pf) = self.funcs.get(name) {
            return Ok(pf.id);
        }
        if let Some(&id) = self.imports.get(name) {
            return Ok(id);
        }
        let id = self
            .module
            .declare_function(name, Linkage::Import, sig)
            .map_err(|e| format!("runtime function {name}: {}", module_error(e)))?;
        self.imports.insert(name.to_string(), id);
        Ok(id)
    }

    fn isa(&self) -> &Arc<dyn cranelift_codegen::isa::TargetIsa> {
        &self.isa
    }
}
