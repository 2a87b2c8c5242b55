//! Static linking: the compiled object + the embedded runtime archive + the
//! target's linker script → one static ELF executable.
//!
//! The runtime archive (`libgocrt.a`, built from ../runtime by build.rs)
//! and the linker script (../linker-scripts) are embedded in the goc binary,
//! so goc needs no files besides a linker at run time. The linker is LLVM's
//! lld in its GNU flavour, looked up in this order:
//!
//! 1. `$GOC_LINKER` (a path to `rust-lld` or `ld.lld`);
//! 2. `rust-lld` in the Rust sysroot recorded when goc was built
//!    (`<sysroot>/lib/rustlib/<host>/bin/rust-lld`);
//! 3. `rust-lld` in the sysroot of the `rustc` on PATH at run time;
//! 4. `ld.lld` on PATH.
//!
//! The link is `-static -nostdlib --no-pie --no-dynamic-linker
//! --gc-sections -T <script>`: no interpreter, no dynamic section, no libc;
//! unreferenced runtime code is dropped.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A target goc can produce executables for (Linux only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// x86_64 / amd64 Linux.
    X86_64,
    /// aarch64 / arm64 Linux.
    Aarch64,
}

impl Target {
    pub const ALL: [Target; 2] = [Target::X86_64, Target::Aarch64];

    /// The architecture name goc uses: "x86_64" or "aarch64".
    pub fn name(self) -> &'static str {
        match self {
            Target::X86_64 => "x86_64",
            Target::Aarch64 => "aarch64",
        }
    }

    /// Go's GOARCH: "amd64" or "arm64".
    pub fn goarch(self) -> &'static str {
        match self {
            Target::X86_64 => "amd64",
            Target::Aarch64 => "arm64",
        }
    }

    /// The Rust target triple the runtime is built for.
    pub fn triple(self) -> &'static str {
        match self {
            Target::X86_64 => "x86_64-unknown-linux-gnu",
            Target::Aarch64 => "aarch64-unknown-linux-gnu",
        }
    }

    /// Parse a GOARCH or architecture name ("amd64", "x86_64", "arm64",
    /// "aarch64").
    pub fn parse(s: &str) -> Option<Target> {
        match s {
            "amd64" | "x86_64" | "x86-64" => Some(Target::X86_64),
            "arm64" | "aarch64" => Some(Target::Aarch64),
            _ => None,
        }
    }

    /// The target of the machine goc runs on, if it is one goc supports.
    pub fn host() -> Option<Target> {
        Target::parse(std::env::consts::ARCH)
    }

    /// lld's emulation name for this target.
    fn emulation(self) -> &'static str {
        match self {
            Target::X86_64 => "elf_x86_64",
            Target::Aarch64 => "aarch64linux",
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A runtime archive and linker script embedded in goc at build time.
pub struct EmbeddedRuntime {
    /// `Target::name()` of the target.
    pub arch: &'static str,
    /// Rust triple it was built for.
    pub triple: &'static str,
    /// The bytes of `libgocrt.a`.
    pub archive: &'static [u8],
    /// The text of the linker script.
    pub linker_script: &'static str,
    /// Size of the archive when build.rs ran (for `goc env`).
    pub archive_len_at_build: u64,
}

// Defines EMBEDDED_RUNTIMES, BUILD_SYSROOT and BUILD_HOST.
include!(concat!(env!("OUT_DIR"), "/runtime_targets.rs"));

/// The embedded runtime for `target`, or an error saying it was not built
/// (its Rust standard library was missing when goc was compiled).
pub fn runtime_for(target: Target) -> Result<&'static EmbeddedRuntime, String> {
    EMBEDDED_RUNTIMES.iter().find(|r| r.arch == target.name()).ok_or_else(|| {
        format!(
            "goc was built without a runtime for {} (install it with `rustup target add {}` and rebuild goc)",
            target.name(),
            target.triple()
        )
    })
}

/// One line describing the runtime used for `target`, for `goc env`.
pub fn runtime_description(target: Target) -> String {
    match runtime_for(target) {
        Ok(r) => format!(
            "embedded libgocrt.a for {} ({} bytes) with linker script ({} bytes)",
            r.triple,
            r.archive.len(),
            r.linker_script.len()
        ),
        Err(e) => e,
    }
}

/// The targets this goc can link for.
pub fn available_targets() -> Vec<Target> {
    Target::ALL
        .iter()
        .copied()
        .filter(|t| runtime_for(*t).is_ok())
        .collect()
}

/// The Rust sysroot recorded when goc was built (may be empty).
pub fn build_sysroot() -> &'static str {
    BUILD_SYSROOT
}

fn rust_lld_in(sysroot: &Path) -> Option<PathBuf> {
    let mut hosts = vec![BUILD_HOST.to_string()];
    if let Some(t) = Target::host() {
        hosts.push(format!("{}-unknown-linux-gnu", t.name()));
    }
    hosts
        .into_iter()
        .map(|h| sysroot.join("lib/rustlib").join(h).join("bin/rust-lld"))
        .find(|p| p.is_file())
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The linker goc will run, and whether it needs `-flavor gnu` (rust-lld).
fn find_linker() -> Result<(PathBuf, bool), String> {
    if let Some(p) = std::env::var_os("GOC_LINKER") {
        let p = PathBuf::from(p);
        let is_rust_lld = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("rust-lld"));
        return Ok((p, is_rust_lld));
    }
    if !BUILD_SYSROOT.is_empty() {
        if let Some(p) = rust_lld_in(Path::new(BUILD_SYSROOT)) {
            return Ok((p, true));
        }
    }
    if let Ok(out) = Command::new("rustc").args(["--print", "sysroot"]).output() {
        if out.status.success() {
            let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if let Some(p) = rust_lld_in(Path::new(&s)) {
                return Ok((p, true));
            }
        }
    }
    if let Some(p) = on_path("ld.lld") {
        return Ok((p, false));
    }
    Err("no linker found: goc needs rust-lld (from a Rust toolchain: rustup component add llvm-tools or any \
         stable toolchain) or ld.lld on PATH; set GOC_LINKER to choose one"
        .to_string())
}

/// Path of the linker goc uses.
pub fn linker_path() -> Result<PathBuf, String> {
    find_linker().map(|(p, _)| p)
}

static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A scratch directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "goc-link-{}-{}-{}",
            std::process::id(),
            nanos,
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Link `object` (an ELF relocatable file for `target` defining `main.main`
/// and `goc_program_init`) with the runtime into the executable `out`.
/// The file name of the compiled program's object at link time: the
/// linker scripts put its `.data*`/`.bss*` (the Go globals) in
/// `.goc_godata`/`.goc_gobss`, outside the runtime's `__goc_data_*` and
/// `__goc_bss_*` ranges.
pub const PROGRAM_OBJECT: &str = "goc_program.o";

pub fn link(object: &[u8], target: Target, out: &Path) -> Result<(), String> {
    let rt = runtime_for(target)?;
    let (linker, flavor) = find_linker()?;
    let tmp = TempDir::new()?;
    // The linker scripts place this object's writable data (the Go
    // globals) by this file name, apart from the runtime's own statics.
    let obj_path = tmp.0.join(PROGRAM_OBJECT);
    let lib_path = tmp.0.join("libgocrt.a");
    let script_path = tmp.0.join("goc.ld");
    let write = |p: &Path, b: &[u8]| {
        std::fs::write(p, b).map_err(|e| format!("writing {}: {e}", p.display()))
    };
    write(&obj_path, object)?;
    write(&lib_path, rt.archive)?;
    write(&script_path, rt.linker_script.as_bytes())?;

    let mut cmd = Command::new(&linker);
    if flavor {
        cmd.args(["-flavor", "gnu"]);
    }
    cmd.args(["-m", target.emulation()])
        .args(["-static", "-nostdlib", "--no-pie", "--no-dynamic-linker"])
        .args([
            "--gc-sections",
            "--build-id=none",
            "--strip-debug",
            "-z",
            "noexecstack",
        ])
        .args(["-u", "_start"])
        .arg("-T")
        .arg(&script_path)
        .arg("-o")
        .arg(out)
        .arg(&obj_path)
        .arg(&lib_path);
    let res = cmd
        .output()
        .map_err(|e| format!("running linker {}: {e}", linker.display()))?;
    if !res.status.success() {
        return Err(format!(
            "linking {} failed ({}):\n{}{}",
            out.display(),
            linker.display(),
            String::from_utf8_lossy(&res.stdout),
            String::from_utf8_lossy(&res.stderr)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! End-to-end checks of the runtime: tiny hand-assembled x86_64 and
    //! aarch64 objects defining `main.main` and `goc_program_init`, linked
    //! with `link()` and run (aarch64 ones under qemu-aarch64, skipped
    //! with a note when it or the aarch64 runtime is missing, except in CI).
    use super::*;
    use object::write::{Object, Relocation, StandardSection, Symbol, SymbolSection};
    use object::{
        Architecture, BinaryFormat, Endianness, RelocationFlags, SymbolFlags, SymbolKind,
        SymbolScope,
    };

    /// x86_64 code for main.main with references to runtime functions
    /// (`call` sites) and to a string in .rodata (`lea rdi`).
    struct Asm {
        code: Vec<u8>,
        calls: Vec<(usize, &'static str)>,
        lea_msg: Vec<usize>,
    }

    impl Asm {
        fn new() -> Asm {
            // push rbp; mov rbp, rsp
            Asm {
                code: vec![0x55, 0x48, 0x89, 0xe5],
                calls: vec![],
                lea_msg: vec![],
            }
        }
        fn bytes(&mut self, b: &[u8]) -> &mut Self {
            self.code.extend_from_slice(b);
            self
        }
        /// lea rdi, [rip + msg]
        fn lea_rdi_msg(&mut self) -> &mut Self {
            self.code.extend_from_slice(&[0x48, 0x8d, 0x3d]);
            self.lea_msg.push(self.code.len());
            self.code.extend_from_slice(&[0; 4]);
            self
        }
        /// movsd xmm0, [rip + msg]
        fn movsd_xmm0_msg(&mut self) -> &mut Self {
            self.code.extend_from_slice(&[0xf2, 0x0f, 0x10, 0x05]);
            self.lea_msg.push(self.code.len());
            self.code.extend_from_slice(&[0; 4]);
            self
        }
        fn mov_esi(&mut self, v: u32) -> &mut Self {
            self.code.push(0xbe);
            self.code.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn mov_edi(&mut self, v: u32) -> &mut Self {
            self.code.push(0xbf);
            self.code.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn mov_edx(&mut self, v: u32) -> &mut Self {
            self.code.push(0xba);
            self.code.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn mov_ecx(&mut self, v: u32) -> &mut Self {
            self.code.push(0xb9);
            self.code.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn call(&mut self, f: &'static str) -> &mut Self {
            self.code.push(0xe8);
            self.calls.push((self.code.len(), f));
            self.code.extend_from_slice(&[0; 4]);
            self
        }
        fn ret(&mut self) -> &mut Self {
            self.bytes(&[0x5d, 0xc3]) // pop rbp; ret
        }
    }

    /// What a relocation in main.main refers to.
    enum RelTo {
        /// A runtime function (undefined here).
        Func(&'static str),
        /// The test's data blob (`main.msg`, in .rodata).
        Msg,
    }

    struct Reloc {
        at: usize,
        to: RelTo,
        r_type: u32,
        addend: i64,
    }

    /// An object with `goc_program_init` (the bytes `init`, a bare return),
    /// `main.main` (`code`) and `main.msg` (`msg`, read-only).
    fn object_for(
        arch: Architecture,
        init: &[u8],
        code: &[u8],
        relocs: &[Reloc],
        msg: &[u8],
    ) -> Vec<u8> {
        let mut obj = Object::new(BinaryFormat::Elf, arch, Endianness::Little);
        let text = obj.section_id(StandardSection::Text);
        let init_off = obj.append_section_data(text, init, 16);
        let main_off = obj.append_section_data(text, code, 16);
        let rodata = obj.section_id(StandardSection::ReadOnlyData);
        let msg_off = obj.append_section_data(rodata, msg, 16);
        let def = |obj: &mut Object, name: &str, section, value, size, kind| {
            obj.add_symbol(Symbol {
                name: name.as_bytes().to_vec(),
                value,
                size,
                kind,
                scope: SymbolScope::Linkage,
                weak: false,
                section: SymbolSection::Section(section),
                flags: SymbolFlags::None,
            })
        };
        def(
            &mut obj,
            "goc_program_init",
            text,
            init_off,
            init.len() as u64,
            SymbolKind::Text,
        );
        def(
            &mut obj,
            "main.main",
            text,
            main_off,
            code.len() as u64,
            SymbolKind::Text,
        );
        let msg_sym = def(
            &mut obj,
            "main.msg",
            rodata,
            msg_off,
            msg.len() as u64,
            SymbolKind::Data,
        );
        for r in relocs {
            let symbol = match r.to {
                RelTo::Msg => msg_sym,
                RelTo::Func(f) => obj.add_symbol(Symbol {
                    name: f.as_bytes().to_vec(),
                    value: 0,
                    size: 0,
                    kind: SymbolKind::Text,
                    scope: SymbolScope::Unknown,
                    weak: false,
                    section: SymbolSection::Undefined,
                    flags: SymbolFlags::None,
                }),
            };
            obj.add_relocation(
                text,
                Relocation {
                    offset: main_off + r.at as u64,
                    symbol,
                    addend: r.addend,
                    flags: RelocationFlags::Elf { r_type: r.r_type },
                },
            )
            .unwrap();
        }
        obj.write().unwrap()
    }

    fn object_with_main(asm: &Asm, msg: &[u8]) -> Vec<u8> {
        let mut relocs = Vec::new();
        for &(at, f) in &asm.calls {
            relocs.push(Reloc {
                at,
                to: RelTo::Func(f),
                r_type: object::elf::R_X86_64_PLT32,
                addend: -4,
            });
        }
        for &at in &asm.lea_msg {
            relocs.push(Reloc {
                at,
                to: RelTo::Msg,
                r_type: object::elf::R_X86_64_PC32,
                addend: -4,
            });
        }
        // goc_program_init: ret
        object_for(Architecture::X86_64, &[0xc3], &asm.code, &relocs, msg)
    }

    struct Run {
        status: Option<i32>,
        stdout: String,
        stderr: String,
        size: u64,
    }

    fn build_and_run(name: &str, asm: &Asm, msg: &[u8]) -> Run {
        let obj = object_with_main(asm, msg);
        let dir = TempDir::new().unwrap();
        let exe = dir.0.join(name);
        link(&obj, Target::X86_64, &exe).unwrap();
        let size = std::fs::metadata(&exe).unwrap().len();
        if std::env::var_os("GOC_LINK_TEST_KEEP").is_some() {
            let _ = std::fs::copy(
                &exe,
                std::env::temp_dir().join(format!("goc-link-test-{name}")),
            );
        }
        let out = Command::new(&exe).output().unwrap();
        Run {
            status: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            size,
        }
    }

    /// Replace every 0x-hex number by 0x? (as the conformance harness does).
    fn mask(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("0x") {
            out.push_str(&rest[..i + 2]);
            rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
            out.push('?');
        }
        out.push_str(rest);
        out
    }

    fn up_to_goroutine_line(s: &str) -> String {
        match s.find("goroutine 1 [running]:\n") {
            Some(i) => s[..i + "goroutine 1 [running]:\n".len()].to_string(),
            None => s.to_string(),
        }
    }

    fn host_is_x86_64_linux() -> bool {
        cfg!(all(target_arch = "x86_64", target_os = "linux"))
    }

    #[test]
    fn hello_exit_0_static_and_small() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        a.lea_rdi_msg()
            .mov_esi(5)
            .call("goc_printstring")
            .call("goc_printsp");
        a.mov_edi(42).call("goc_printint").call("goc_printnl").ret();
        let r = build_and_run("hello", &a, b"hello");
        assert_eq!(r.stderr, "hello 42\n");
        assert_eq!(r.stdout, "");
        assert_eq!(r.status, Some(0));
        // The whole runtime (scheduler, concurrent collector, growable
        // stacks, signal queue, netpoller) is in it; Go's own hello is over
        // 1.5 MB.
        assert!(r.size < 192 * 1024, "hello is {} bytes", r.size);
    }

    #[test]
    fn executable_is_static_without_interpreter() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        a.ret();
        let obj = object_with_main(&a, b"");
        let dir = TempDir::new().unwrap();
        let exe = dir.0.join("empty");
        link(&obj, Target::X86_64, &exe).unwrap();
        let data = std::fs::read(&exe).unwrap();
        use object::read::elf::{ElfFile64, ProgramHeader};
        let elf = ElfFile64::<Endianness>::parse(&*data).unwrap();
        assert_eq!(
            elf.elf_header().e_type.get(Endianness::Little),
            object::elf::ET_EXEC
        );
        for ph in elf.elf_program_headers() {
            let t = ph.p_type(Endianness::Little);
            assert_ne!(t, object::elf::PT_INTERP);
            assert_ne!(t, object::elf::PT_DYNAMIC);
        }
        assert_eq!(Command::new(&exe).status().unwrap().code(), Some(0));
    }

    #[test]
    fn nil_dereference_panics_like_go() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        // xor eax, eax; mov rax, [rax + 8]
        a.bytes(&[0x31, 0xc0, 0x48, 0x8b, 0x40, 0x08]).ret();
        let r = build_and_run("nil", &a, b"");
        assert_eq!(r.status, Some(2));
        assert_eq!(
            mask(&up_to_goroutine_line(&r.stderr)),
            "panic: runtime error: invalid memory address or nil pointer dereference\n\
             [signal SIGSEGV: segmentation violation code=0x? addr=0x? pc=0x?]\n\n\
             goroutine 1 [running]:\n"
        );
        assert!(r.stderr.contains("addr=0x8 "), "{}", r.stderr);
    }

    #[test]
    fn bounds_panic_message() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        a.mov_edi(goc_abi::bounds::INDEX as u32)
            .mov_esi(5)
            .mov_edx(3)
            .mov_ecx(1);
        a.call("goc_panicbounds").ret();
        let r = build_and_run("bounds", &a, b"");
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\n"
        );
    }

    #[test]
    fn printed_values_then_panic_string() {
        if !host_is_x86_64_linux() {
            return;
        }
        // println(true, 0x1p-1 as float via printfloat would need xmm setup; use
        // ints and a string panic with a newline.
        let mut a = Asm::new();
        a.mov_edi(1).call("goc_printbool").call("goc_printnl");
        a.lea_rdi_msg()
            .mov_esi(5)
            .call("goc_panic_runtime_error")
            .ret();
        let r = build_and_run("panicstr", &a, b"a\nboo");
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "true\npanic: runtime error: a\n\tboo\n\ngoroutine 1 [running]:\n"
        );
    }

    #[test]
    fn stack_overflow_is_fatal_like_go() {
        if !host_is_x86_64_linux() {
            return;
        }
        // main.main asks goc_morestack for 2 GiB (as a big-frame wrapper
        // would), past the 1 GB limit
        let mut a = Asm::new();
        a.mov_edi(0x7fff_ffff).call("goc_morestack");
        a.bytes(&[0x48, 0x89, 0xec]).ret(); // mov rsp, rbp
        let r = build_and_run("overflow", &a, b"");
        assert_eq!(r.status, Some(2));
        let m = mask(&r.stderr);
        assert!(
            m.starts_with(
                "runtime: goroutine stack exceeds 1000000000-byte limit\n\
                 runtime: sp=0x? stack=[0x?, 0x?]\n\
                 fatal error: stack overflow\n\n\
                 runtime stack:\n"
            ),
            "{}",
            r.stderr
        );
        assert!(
            m.contains("\ngoroutine 1 gp=0x? m=0 mp=0x? [running]:\n"),
            "{}",
            r.stderr
        );
    }

    #[test]
    fn floats_print_like_go() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        a.call("goc_printlock");
        a.movsd_xmm0_msg()
            .call("goc_printfloat")
            .call("goc_printsp");
        a.movsd_xmm0_msg().bytes(&[0xf2, 0x0f, 0x5a, 0xc0]); // cvtsd2ss xmm0, xmm0
        a.call("goc_printfloat32")
            .call("goc_printnl")
            .call("goc_printunlock");
        a.call("goc_panicdivide").ret();
        let r = build_and_run("floats", &a, &(0.1f64 + 0.2f64).to_le_bytes());
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "0.30000000000000004 0.3\npanic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"
        );
    }

    #[test]
    fn makeslice_len_out_of_range() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        a.bytes(&[0x48, 0x83, 0xec, 0x30]); // sub rsp, 48
                                            // The element shape {size 8, ptrdata 0} at rsp+24.
        a.bytes(&[0x48, 0xc7, 0x44, 0x24, 0x18, 0x08, 0, 0, 0]) // mov qword [rsp+24], 8
            .bytes(&[0x48, 0xc7, 0x44, 0x24, 0x20, 0, 0, 0, 0]) // mov qword [rsp+32], 0
            .bytes(&[0x48, 0x8d, 0x7c, 0x24, 0x18]) // lea rdi, [rsp+24]
            .bytes(&[0x48, 0xc7, 0xc6, 0xff, 0xff, 0xff, 0xff]); // mov rsi, -1
        a.mov_edx(4).bytes(&[0x48, 0x89, 0xe1]); // mov rcx, rsp
        a.call("goc_makeslice").bytes(&[0x48, 0x89, 0xec]).ret();
        let r = build_and_run("mkslice", &a, b"");
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "panic: runtime error: makeslice: len out of range\n\ngoroutine 1 [running]:\n"
        );
    }

    #[test]
    fn unexpected_fault_address_is_fatal() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        a.bytes(&[0xb8, 0x00, 0x00, 0xad, 0xde]); // mov eax, 0xdead0000
        a.bytes(&[0x48, 0x8b, 0x00]).ret(); // mov rax, [rax]
        let r = build_and_run("fault", &a, b"");
        assert_eq!(r.status, Some(2));
        let m = mask(&r.stderr);
        assert!(
            m.starts_with(
                "unexpected fault address 0x?\nfatal error: fault\n\
                 [signal SIGSEGV: segmentation violation code=0x? addr=0x? pc=0x?]\n\n\
                 goroutine 1 gp=0x? m=0 mp=0x? [running]:\n"
            ),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("addr=0xdead0000 "));
    }

    #[test]
    fn hardware_divide_by_zero_panics() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        // mov eax, 7; xor ecx, ecx; cqo; idiv rcx
        a.bytes(&[
            0xb8, 0x07, 0, 0, 0, 0x31, 0xc9, 0x48, 0x99, 0x48, 0xf7, 0xf9,
        ])
        .ret();
        let r = build_and_run("divzero", &a, b"");
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"
        );
    }

    #[test]
    fn g_register_points_at_main_g() {
        if !host_is_x86_64_linux() {
            return;
        }
        let mut a = Asm::new();
        // if rsp < [r15] (stack_lo) or rsp >= [r15+8] (stack_hi): call
        // goc_panicdivide. (Not stackguard0: sysmon may have poisoned it to
        // preempt a main goroutine that ran 10 ms on a loaded machine.)
        a.bytes(&[0x49, 0x3b, 0x27, 0x90, 0x72, 0x06]); // cmp rsp,[r15]; nop; jb fail
        a.bytes(&[0x49, 0x3b, 0x67, 0x08, 0x72, 0x05]); // cmp rsp,[r15+8]; jb ok
        a.call("goc_panicdivide"); // fail:
        a.mov_edi(1).call("goc_printint").call("goc_printnl").ret(); // ok:
        let r = build_and_run("gcheck", &a, b"");
        assert_eq!((r.status, r.stderr.as_str()), (Some(0), "1\n"));
    }

    /// Deep recursion through a Go-style prologue check reaches the 1 GB
    /// limit and dies like Go. Touches 1 GB of stack: run with --ignored.
    #[test]
    #[ignore]
    fn deep_recursion_hits_the_limit() {
        let mut a = Asm::new();
        a.bytes(&[0x49, 0x3b, 0x67, 0x10, 0x73, 0x05]); // cmp rsp,[r15+16]; jae +5
        a.call("goc_morestack");
        a.bytes(&[0x48, 0x83, 0xec, 0x40]); // sub rsp, 64
        let here = a.code.len() as i32 + 5;
        a.code.push(0xe8); // call main.main (itself)
        a.code.extend_from_slice(&(-here).to_le_bytes());
        a.bytes(&[0x48, 0x89, 0xec]).ret(); // mov rsp, rbp
        let r = build_and_run("deep", &a, b"");
        assert_eq!(r.status, Some(2));
        assert!(
            r.stderr
                .starts_with("runtime: goroutine stack exceeds 1000000000-byte limit\n"),
            "{}",
            r.stderr
        );
    }

    // ---- aarch64, run under qemu-aarch64 ----

    /// The qemu-aarch64 for aarch64 test executables: `$QEMU_AARCH64` if
    /// set (None if it is not a file), else `qemu-aarch64` on PATH.
    fn qemu_aarch64() -> Option<PathBuf> {
        match std::env::var_os("QEMU_AARCH64").filter(|q| !q.is_empty()) {
            Some(q) => Some(PathBuf::from(q)).filter(|q| q.is_file()),
            None => on_path("qemu-aarch64"),
        }
    }

    /// Whether aarch64 executables can be linked and run here: goc's
    /// aarch64 runtime is embedded, and the host is aarch64 or has
    /// qemu-aarch64. In CI (`CI` set) both are required: a missing one fails
    /// the test instead of skipping it.
    fn aarch64_runnable() -> bool {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
        if let Err(e) = runtime_for(Target::Aarch64) {
            assert!(!ci, "CI: {e}");
            eprintln!("skipped: {e}");
            return false;
        }
        if cfg!(target_arch = "aarch64") || qemu_aarch64().is_some() {
            return true;
        }
        assert!(
            !ci,
            "CI: qemu-aarch64 not found (apt-get install qemu-user)"
        );
        eprintln!("skipped: qemu-aarch64 not found");
        false
    }

    /// The command that runs the aarch64 executable `exe`.
    fn aarch64_command(exe: &Path) -> Command {
        match qemu_aarch64() {
            Some(q) if !cfg!(target_arch = "aarch64") => {
                let mut cmd = Command::new(q);
                cmd.arg(exe);
                cmd
            }
            _ => Command::new(exe),
        }
    }

    /// A64 code for main.main: a frame record is pushed on entry and popped
    /// by `ret`, so traces and `goc_panicmem` see the usual frame.
    struct A64 {
        code: Vec<u8>,
        relocs: Vec<Reloc>,
    }

    impl A64 {
        fn new() -> A64 {
            let mut a = A64 {
                code: vec![],
                relocs: vec![],
            };
            a.op(0xa9bf7bfd) // stp x29, x30, [sp, #-16]!
                .op(0x910003fd); // mov x29, sp
            a
        }
        fn op(&mut self, insn: u32) -> &mut Self {
            self.code.extend_from_slice(&insn.to_le_bytes());
            self
        }
        /// movz xd, #imm (lsl 16*shift)
        fn movz(&mut self, rd: u32, imm: u16, shift: u32) -> &mut Self {
            self.op(0xd280_0000 | (shift << 21) | ((imm as u32) << 5) | rd)
        }
        /// xd = address of main.msg (adrp + add)
        fn adr_msg(&mut self, rd: u32) -> &mut Self {
            self.relocs.push(Reloc {
                at: self.code.len(),
                to: RelTo::Msg,
                r_type: object::elf::R_AARCH64_ADR_PREL_PG_HI21,
                addend: 0,
            });
            self.op(0x9000_0000 | rd);
            self.relocs.push(Reloc {
                at: self.code.len(),
                to: RelTo::Msg,
                r_type: object::elf::R_AARCH64_ADD_ABS_LO12_NC,
                addend: 0,
            });
            self.op(0x9100_0000 | (rd << 5) | rd)
        }
        /// ldr xt, [xn, #off]
        fn ldr(&mut self, rt: u32, rn: u32, off: u32) -> &mut Self {
            self.op(0xf940_0000 | ((off / 8) << 10) | (rn << 5) | rt)
        }
        fn bl(&mut self, f: &'static str) -> &mut Self {
            self.relocs.push(Reloc {
                at: self.code.len(),
                to: RelTo::Func(f),
                r_type: object::elf::R_AARCH64_CALL26,
                addend: 0,
            });
            self.op(0x9400_0000)
        }
        /// ldp x29, x30, [sp], #16; ret
        fn ret(&mut self) -> &mut Self {
            self.op(0xa8c1_7bfd).op(0xd65f_03c0)
        }
    }

    /// Build, link for aarch64 and run under qemu; None when that is not
    /// possible here (see `aarch64_command`).
    fn a64_run(name: &str, a: &A64, msg: &[u8]) -> Option<Run> {
        if !aarch64_runnable() {
            return None;
        }
        let ret = 0xd65f_03c0u32.to_le_bytes();
        let obj = object_for(Architecture::Aarch64, &ret, &a.code, &a.relocs, msg);
        let dir = TempDir::new().unwrap();
        let exe = dir.0.join(name);
        link(&obj, Target::Aarch64, &exe).unwrap();
        let data = std::fs::read(&exe).unwrap();
        assert_eq!(&data[..4], b"\x7fELF");
        assert_eq!(
            u16::from_le_bytes([data[18], data[19]]),
            object::elf::EM_AARCH64
        );
        if std::env::var_os("GOC_LINK_TEST_KEEP").is_some() {
            let _ = std::fs::copy(
                &exe,
                std::env::temp_dir().join(format!("goc-link-test-a64-{name}")),
            );
        }
        let out = aarch64_command(&exe).output().unwrap();
        Some(Run {
            status: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            size: data.len() as u64,
        })
    }

    #[test]
    fn a64_hello_exit_0_static_and_small() {
        let mut a = A64::new();
        a.adr_msg(0)
            .movz(1, 5, 0)
            .bl("goc_printstring")
            .bl("goc_printsp");
        a.movz(0, 42, 0).bl("goc_printint").bl("goc_printnl").ret();
        let Some(r) = a64_run("hello", &a, b"hello") else {
            return;
        };
        assert_eq!(
            (r.status, r.stderr.as_str(), r.stdout.as_str()),
            (Some(0), "hello 42\n", "")
        );
        // The whole runtime (scheduler, concurrent collector, growable
        // stacks, signal queue, netpoller) is in it; Go's own hello is over
        // 1.5 MB.
        assert!(r.size < 192 * 1024, "hello is {} bytes", r.size);
    }

    #[test]
    fn a64_nil_dereference_panics_like_go() {
        let mut a = A64::new();
        a.movz(0, 0, 0).ldr(0, 0, 8).ret(); // ldr x0, [x0, #8] with x0 = 0
        let Some(r) = a64_run("nil", &a, b"") else {
            return;
        };
        assert_eq!(r.status, Some(2), "{}", r.stderr);
        assert_eq!(
            mask(&up_to_goroutine_line(&r.stderr)),
            "panic: runtime error: invalid memory address or nil pointer dereference\n\
             [signal SIGSEGV: segmentation violation code=0x? addr=0x? pc=0x?]\n\n\
             goroutine 1 [running]:\n"
        );
        assert!(r.stderr.contains("code=0x1 addr=0x8 "), "{}", r.stderr);
    }

    #[test]
    fn a64_explicit_nil_check_panics_like_go() {
        let mut a = A64::new();
        a.bl("goc_panicmem").ret();
        let Some(r) = a64_run("panicmem", &a, b"") else {
            return;
        };
        assert_eq!(r.status, Some(2), "{}", r.stderr);
        assert!(
            r.stderr.starts_with(
                "panic: runtime error: invalid memory address or nil pointer dereference\n\
                 [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4"
            ),
            "{}",
            r.stderr
        );
    }

    #[test]
    fn a64_unexpected_fault_address_is_fatal() {
        let mut a = A64::new();
        a.movz(0, 0xdead, 1).ldr(0, 0, 0).ret(); // ldr x0, [0xdead0000]
        let Some(r) = a64_run("fault", &a, b"") else {
            return;
        };
        assert_eq!(r.status, Some(2));
        assert!(
            mask(&r.stderr).starts_with(
                "unexpected fault address 0x?\nfatal error: fault\n\
                 [signal SIGSEGV: segmentation violation code=0x? addr=0x? pc=0x?]\n\n\
                 goroutine 1 gp=0x? m=0 mp=0x? [running]:\n"
            ),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("addr=0xdead0000 "), "{}", r.stderr);
    }

    #[test]
    fn a64_bounds_and_string_panics() {
        let mut a = A64::new();
        a.movz(0, 1, 0).bl("goc_printbool").bl("goc_printnl");
        a.movz(0, goc_abi::bounds::INDEX as u16, 0)
            .movz(1, 5, 0)
            .movz(2, 3, 0)
            .movz(3, 1, 0);
        a.bl("goc_panicbounds").ret();
        let Some(r) = a64_run("bounds", &a, b"") else {
            return;
        };
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "true\npanic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\n"
        );
        let mut a = A64::new();
        a.adr_msg(0)
            .movz(1, 5, 0)
            .bl("goc_panic_runtime_error")
            .ret();
        let Some(r) = a64_run("panicstr", &a, b"a\nboo") else {
            return;
        };
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "panic: runtime error: a\n\tboo\n\ngoroutine 1 [running]:\n"
        );
    }

    #[test]
    fn a64_floats_print_like_go() {
        let mut a = A64::new();
        a.bl("goc_printlock");
        a.adr_msg(0)
            .op(0xfd40_0000)
            .bl("goc_printfloat")
            .bl("goc_printsp"); // ldr d0, [x0]
        a.adr_msg(0).op(0xfd40_0000).op(0x1e62_4000); // fcvt s0, d0
        a.bl("goc_printfloat32")
            .bl("goc_printnl")
            .bl("goc_printunlock");
        a.bl("goc_panicdivide").ret();
        let Some(r) = a64_run("floats", &a, &(0.1f64 + 0.2f64).to_le_bytes()) else {
            return;
        };
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "0.30000000000000004 0.3\npanic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"
        );
    }

    #[test]
    fn a64_stack_overflow_is_fatal_like_go() {
        let mut a = A64::new();
        // ask goc_morestack for 2 GiB, past the 1 GB limit
        a.op(0x12b0_0000).bl("goc_morestack"); // mov w0, #0x7fffffff
        a.op(0x9100_03bf).ret(); // mov sp, x29
        let Some(r) = a64_run("overflow", &a, b"") else {
            return;
        };
        assert_eq!(r.status, Some(2));
        let m = mask(&r.stderr);
        assert!(
            m.starts_with(
                "runtime: goroutine stack exceeds 1000000000-byte limit\n\
                 runtime: sp=0x? stack=[0x?, 0x?]\n\
                 fatal error: stack overflow\n\n\
                 runtime stack:\n"
            ),
            "{}",
            r.stderr
        );
        assert!(
            m.contains("\ngoroutine 1 gp=0x? m=0 mp=0x? [running]:\n"),
            "{}",
            r.stderr
        );
    }

    #[test]
    fn a64_makeslice_len_out_of_range() {
        let mut a = A64::new();
        a.op(0xd100_c3ff); // sub sp, sp, #48
                           // The element shape {size 8, ptrdata 0} at sp+24.
        a.movz(0, 8, 0).op(0xf900_0fe0); // str x0, [sp, #24]
        a.op(0xf900_13ff).op(0x9100_63e0); // str xzr, [sp, #32]; add x0, sp, #24
        a.op(0x9280_0001).movz(2, 4, 0); // mov x1, #-1
        a.op(0x9100_03e3).bl("goc_makeslice"); // mov x3, sp
        a.op(0x9100_03bf).ret();
        let Some(r) = a64_run("mkslice", &a, b"") else {
            return;
        };
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "panic: runtime error: makeslice: len out of range\n\ngoroutine 1 [running]:\n"
        );
    }

    /// arm64's sdiv yields 0 for a zero divisor instead of trapping, which
    /// is why the compiler checks divisors and calls goc_panicdivide.
    #[test]
    fn a64_divide_does_not_trap_and_panicdivide_reports() {
        let mut a = A64::new();
        a.movz(1, 7, 0).movz(2, 0, 0).op(0x9ac2_0c20); // sdiv x0, x1, x2
        a.bl("goc_printint")
            .bl("goc_printnl")
            .bl("goc_panicdivide")
            .ret();
        let Some(r) = a64_run("divzero", &a, b"") else {
            return;
        };
        assert_eq!(r.status, Some(2));
        assert_eq!(
            up_to_goroutine_line(&r.stderr),
            "0\npanic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"
        );
    }

    /// x21 holds the main G: goid 1 and stack_lo <= sp < stack_hi (not
    /// stackguard0, which sysmon may poison to preempt a slow start-up).
    #[test]
    fn a64_g_register_points_at_main_g() {
        let mut a = A64::new();
        a.op(0x9100_03ea); // mov x10, sp
        a.ldr(9, 21, 0).op(0xeb09_015f); // ldr x9, [x21]; cmp x10, x9
        a.op(0x5400_0083); // b.lo fail (+4 insns)
        a.ldr(9, 21, 8).op(0xeb09_015f); // ldr x9, [x21, #8]; cmp x10, x9
        a.op(0x5400_0043); // b.lo ok (+2 insns)
        a.bl("goc_panicdivide"); // fail:
        a.ldr(0, 21, 24).bl("goc_printint").bl("goc_printnl").ret(); // ok: goid
        let Some(r) = a64_run("gcheck", &a, b"") else {
            return;
        };
        assert_eq!((r.status, r.stderr.as_str()), (Some(0), "1\n"));
    }

    #[test]
    fn target_names() {
        assert_eq!(Target::parse("amd64"), Some(Target::X86_64));
        assert_eq!(Target::parse("arm64"), Some(Target::Aarch64));
        assert_eq!(Target::X86_64.triple(), "x86_64-unknown-linux-gnu");
        assert!(runtime_for(Target::X86_64).is_ok());
    }
}
