//! goc: an ahead-of-time Go compiler. See docs/ARCHITECTURE.md.
//!
//! The pipeline: [`syntax`] parses each file, [`types`] checks the package,
//! [`lower`] turns the typed AST into [`ir`], [`codegen`] turns the IR into
//! an object file with Cranelift, and [`link`] links it with the embedded
//! runtime into a static executable. [`driver`] is the command line.

pub mod buildtags;
pub mod codegen;
pub mod diag;
pub mod driver;
pub mod ir;
pub mod link;
pub mod load;
pub mod lower;
pub mod stdlib;
pub mod syntax;
pub mod types;

/// One source file of the package being built.
pub struct Source {
    /// The path as it should appear in diagnostics.
    pub path: String,
    pub text: Vec<u8>,
}

/// Parses, type-checks and lowers the files of package main (importing only
/// standard packages, their files selected for the host, else amd64) to
/// verified IR. On failure returns the diagnostics rendered as
/// `file.go:LINE:COL: msg`, in source order.
pub fn compile_to_ir(sources: &[Source]) -> Result<ir::Program, Vec<String>> {
    let main = sources
        .iter()
        .map(|s| Source {
            path: s.path.clone(),
            text: s.text.clone(),
        })
        .collect();
    let target = link::Target::host().unwrap_or(link::Target::X86_64);
    let std = load::StdImporter(buildtags::Context::new(target, &[]));
    compile_program(main, "command-line-arguments", &std)
}

/// Loads package main (`main_path` is how Go names it in messages) and the
/// packages it imports, checks them and lowers them to verified IR.
pub fn compile_program(
    main: Vec<Source>,
    main_path: &str,
    importer: &dyn load::Importer,
) -> Result<ir::Program, Vec<String>> {
    let loaded = load::load(main, main_path, importer)?;
    let paths: Vec<String> = loaded.sources.iter().map(|s| s.path.clone()).collect();
    let render = |ds: Vec<diag::Diag>| ds.iter().map(|d| d.render(&paths)).collect::<Vec<_>>();
    let files = loaded.files;
    let info = types::check_program(&files, &loaded.packages).map_err(render)?;
    let program = lower::lower_program(&files, &info);
    ir::verify(&program).map_err(|errs| {
        errs.into_iter()
            .map(|e| format!("goc: internal error: invalid IR: {e}"))
            .collect::<Vec<_>>()
    })?;
    Ok(program)
}
