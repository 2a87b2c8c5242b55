//! The type checker: resolves names, computes the type (and constant value)
//! of every expression, checks Go's typing rules, and reports violations in
//! the words of Go's own checker.
//!
//! The checker never rewrites the AST. Its findings go into [`Info`], side
//! tables keyed by expression id and declaration position, which the
//! lowering to IR reads. Package-level declarations may appear in any order
//! and refer to each other, so they are resolved on demand (an object being
//! resolved is marked, which is how cycles are found); function bodies are
//! checked after every package-level object has a type.
//!
//! Errors are collected, sorted by position (as `go build` prints them) and
//! returned together; an expression that failed to check gets the invalid
//! type, and operations on invalid operands report nothing, so one mistake
//! gives one message.

mod builtins;
mod call;
pub mod constant;
mod conversions;
mod decl;
mod expr;
pub mod exprstr;
mod imports;
mod index;
mod infer;
mod instantiate;
mod literals;
mod lookup;
mod monomorph;
mod selector;
mod sizes;
mod stmt;
mod subst;
pub mod ty;
mod typeset;
mod unsafepkg;

use std::collections::HashMap;

use crate::diag::Diag;
use crate::syntax::ast::{self, ExprId, Pos};
pub use constant::Value;
pub(crate) use expr::contains_call;
pub(crate) use monomorph::instance_symbol;
use ty::*;
pub use ty::{Basic, Signature, StructField, TypeId, TypeKind, Types};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Imag,
    Len,
    Delete,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    // Package unsafe's functions.
    Sizeof,
    Alignof,
    Offsetof,
    Add,
    Slice,
    SliceData,
    String,
    StringData,
}

impl Builtin {
    /// Whether a call of the builtin may stand as a statement (Go's
    /// "built-in functions ... not permitted in statement context" are the
    /// others); only these may be deferred.
    pub fn is_statement(self) -> bool {
        matches!(
            self,
            Builtin::Copy
                | Builtin::Panic
                | Builtin::Print
                | Builtin::Println
                | Builtin::Clear
                | Builtin::Close
                | Builtin::Delete
                | Builtin::Recover
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Append => "append",
            Builtin::Cap => "cap",
            Builtin::Clear => "clear",
            Builtin::Close => "close",
            Builtin::Complex => "complex",
            Builtin::Imag => "imag",
            Builtin::Real => "real",
            Builtin::Copy => "copy",
            Builtin::Delete => "delete",
            Builtin::Len => "len",
            Builtin::Make => "make",
            Builtin::Max => "max",
            Builtin::Min => "min",
            Builtin::New => "new",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Recover => "recover",
            Builtin::Sizeof => "unsafe.Sizeof",
            Builtin::Alignof => "unsafe.Alignof",
            Builtin::Offsetof => "unsafe.Offsetof",
            Builtin::Add => "unsafe.Add",
            Builtin::Slice => "unsafe.Slice",
            Builtin::SliceData => "unsafe.SliceData",
            Builtin::String => "unsafe.String",
            Builtin::StringData => "unsafe.StringData",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    /// A variable; `global` for package-level ones.
    Var {
        global: bool,
    },
    Const(Value),
    TypeName,
    /// A package-level function, with its symbol name.
    Func {
        symbol: String,
    },
    Builtin(Builtin),
    Nil,
    /// The predeclared `iota` (its value depends on the const spec).
    Iota,
    /// An imported package's name in a file scope: the index of the package
    /// in [`Info::packages`].
    PkgName(u32),
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub pos: Pos,
    pub ty: TypeId,
    pub kind: ObjKind,
    /// Read somewhere (for "declared and not used").
    pub used: bool,
    /// Its address is taken (`&x`, `&x.f`, `x[:]` of an array): the variable
    /// must live in memory, not in a register.
    pub addr_taken: bool,
    /// A local variable used by a function literal nested in the function
    /// that declares it: it lives in a heap cell the closure points to.
    pub captured: bool,
    /// Nesting depth of the function that declares it (0 for package-level
    /// objects, 1 in a declared function's body, 2 in a literal inside it...).
    pub depth: u32,
    /// The package that declares it (index into [`Info::packages`]).
    pub pkg: u32,
}

/// What an expression denotes.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// A call of a function without results.
    NoValue,
    /// A computed value.
    Value,
    /// An addressable variable (or a place that can be assigned to).
    Var,
    /// `m[k]`: assignable but not addressable.
    MapIndex,
    Const(Value),
    Type,
    Builtin(Builtin),
}

#[derive(Clone, Debug)]
pub struct ExprInfo {
    pub ty: TypeId,
    pub mode: Mode,
}

/// A selector `x.f`: the field indices from the operand's type down to the
/// field (or, for a method, to the embedded value whose method it is),
/// through embedded fields; `derefs[i]` says whether the value at step i is a
/// pointer that is dereferenced first.
#[derive(Clone, Debug)]
pub struct Selection {
    pub path: Vec<u32>,
    pub derefs: Vec<bool>,
    pub method: Option<MethodSel>,
    /// A method of an interface value: its index in the interface's sorted
    /// method list (the path leads to the interface value).
    pub iface_method: Option<u32>,
}

/// A selector that denotes a method.
#[derive(Clone, Debug)]
pub struct MethodSel {
    pub obj: ObjId,
    /// The defined type whose method it is: for a method of a generic type,
    /// the instance (`Stack[int]`), which says which copy to call.
    pub recv: TypeId,
    /// The method is declared with a pointer receiver.
    pub ptr_recv: bool,
    /// The value reached by the path is a pointer to the receiver type.
    pub recv_is_ptr: bool,
    /// A method expression `T.M` (the receiver becomes the first argument)
    /// rather than a method value or call `x.M`.
    pub expr: bool,
}

/// One package-level function to compile.
#[derive(Clone, Debug)]
pub struct FuncEntry {
    pub obj: ObjId,
    pub file: usize,
    pub decl: usize,
}

/// One step of package initialisation: assign the values of `expr` (or the
/// spec's values) to the variables, in Go's dependency order.
#[derive(Clone, Debug)]
pub struct InitStep {
    pub vars: Vec<ObjId>,
    /// Where the spec is: file index, declaration index, spec index.
    pub file: usize,
    pub decl: usize,
    pub spec: usize,
    /// Which value of the spec: `Some(i)` for `var a, b = x, y` (one step per
    /// variable), `None` when one multi-valued expression feeds all vars.
    pub value: Option<usize>,
}

/// One package of the program, as the checker is given it: packages come
/// in an order where every package follows the packages it imports, which
/// is also the order they are initialised in.
#[derive(Clone, Debug)]
pub struct PackageInput {
    /// The import path (`main` for the main package).
    pub path: String,
    /// Its files: indices into the files given to [`check_program`].
    pub files: Vec<usize>,
    /// A package of goc's embedded standard library, whose functions may be
    /// declared without a body (bound to the runtime, see [`runtime_symbol`]).
    pub std: bool,
}

/// What the checker knows of one package.
#[derive(Clone, Debug, Default)]
pub struct PackageInfo {
    /// The name in its package clauses (how types are qualified in messages).
    pub name: String,
    /// The import path (the prefix of its symbols, `unicode/utf8.RuneLen`).
    pub path: String,
    /// Package variable initialisation in Go's dependency order.
    pub init_order: Vec<InitStep>,
    /// Its `init` functions in source order (indices into [`Info::funcs`]).
    pub init_funcs: Vec<usize>,
}

/// The symbol a body-less function of a standard package binds to:
/// `goc_pkg_<import path>_<name>`, every byte of the path that is not a
/// letter or digit replaced by `_` (`unicode/utf8.x` → `goc_pkg_unicode_utf8_x`).
/// The runtime defines it as an `extern "C"` function taking and returning
/// the Go parameters and results word by word (runtime/src/stdlib/).
pub fn runtime_symbol(path: &str, name: &str) -> String {
    goc_abi::stdlib::symbol(path, name).collect()
}

/// Everything the checker found out.
pub struct Info {
    pub types: Types,
    pub objects: Vec<Object>,
    pub exprs: HashMap<ExprId, ExprInfo>,
    /// Identifier expressions to the object they denote.
    pub uses: HashMap<ExprId, ObjId>,
    /// Declaring identifiers (by position) to the object they declare.
    pub defs: HashMap<Pos, ObjId>,
    pub selections: HashMap<ExprId, Selection>,
    /// Methods of each named type, in declaration order.
    pub methods: HashMap<TypeId, Vec<ObjId>>,
    /// For each method: its receiver's named type and whether the receiver is
    /// a pointer.
    pub method_recv: HashMap<ObjId, (TypeId, bool)>,
    /// Type assertions (and later map reads and receives) used in the
    /// two-value `v, ok` form.
    pub comma_ok: std::collections::HashSet<ExprId>,
    /// The variable a type switch declares in each clause, by clause
    /// position.
    pub switch_vars: HashMap<Pos, ObjId>,
    /// For each function literal, the variables of enclosing functions it
    /// uses (directly or through literals nested in it), in order of first use.
    pub captures: HashMap<ExprId, Vec<ObjId>>,
    /// Declared functions and methods, package by package in source order;
    /// `init` functions included. Body-less ones (runtime-bound, in standard
    /// packages) are not compiled.
    pub funcs: Vec<FuncEntry>,
    /// The packages in initialisation order (the order they were given).
    pub packages: Vec<PackageInfo>,
    /// The type parameters of each generic function, and of each method of
    /// a generic type (its receiver's).
    pub tparams: HashMap<ObjId, Vec<TypeId>>,
    /// Where a generic function is instantiated (the identifier, selector
    /// or index expression naming it): its type arguments, which mention
    /// the type parameters of the enclosing function inside generic code.
    pub instances: HashMap<ExprId, (ObjId, Vec<TypeId>)>,
    /// What each generic function's body recorded, to be substituted per
    /// instance.
    pub generic_bodies: HashMap<ObjId, GenericBody>,
    /// Selectors of a constraint's method on a type-parameter value: the
    /// receiver expression and the method's name, resolved per instance.
    pub tparam_methods: HashMap<ExprId, (ExprId, String)>,
    /// Method expressions `I.m` of interface types (their selection names
    /// the method's index in `I`).
    pub iface_method_exprs: std::collections::HashSet<ExprId>,
    /// Every instance of a generic function or method the program needs,
    /// with what its body's check recorded, substituted (monomorph.rs).
    pub func_instances: Vec<FuncInstance>,
    /// Instance symbols to their index in `func_instances`.
    pub instance_index: HashMap<String, usize>,
}

/// One copy of a generic function or method for concrete type arguments:
/// the body's recorded facts with the type arguments substituted, which the
/// lowering reads in place of the generic ones.
#[derive(Clone, Debug)]
pub struct FuncInstance {
    pub obj: ObjId,
    pub targs: Vec<TypeId>,
    pub symbol: String,
    /// The instance's function type (without receiver).
    pub ty: TypeId,
    /// For a method: the receiver's base type (the instance of the generic
    /// type).
    pub recv: Option<TypeId>,
    pub exprs: HashMap<ExprId, ExprInfo>,
    pub obj_types: HashMap<ObjId, TypeId>,
    pub selections: HashMap<ExprId, Selection>,
    pub instances: HashMap<ExprId, (ObjId, Vec<TypeId>)>,
    /// `T.m` whose type argument is an interface: method expressions of
    /// interface types in this instance.
    pub iface_method_exprs: std::collections::HashSet<ExprId>,
}

/// The expressions and local objects a generic body's check recorded.
#[derive(Clone, Debug, Default)]
pub struct GenericBody {
    pub exprs: Vec<ExprId>,
    pub objs: Vec<ObjId>,
}

impl Info {
    pub fn expr(&self, id: ExprId) -> &ExprInfo {
        &self.exprs[&id]
    }
    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }
    pub fn ty(&self, id: ExprId) -> TypeId {
        self.exprs[&id].ty
    }
    pub fn constant(&self, id: ExprId) -> Option<&Value> {
        match &self.exprs.get(&id)?.mode {
            Mode::Const(v) => Some(v),
            _ => None,
        }
    }
}

/// Checks package main made of `files`.
pub fn check_package(files: &[ast::File]) -> Result<Info, Vec<Diag>> {
    let pkg = PackageInput {
        path: "main".into(),
        files: (0..files.len()).collect(),
        std: false,
    };
    check_program(files, &[pkg])
}

/// Checks the packages of a program, each after the packages it imports;
/// stops after the first package with errors.
pub fn check_program(files: &[ast::File], packages: &[PackageInput]) -> Result<Info, Vec<Diag>> {
    let mut c = Checker::new(files, packages);
    c.check();
    if c.errors.is_empty() {
        c.monomorphize();
    }
    let mut errs = std::mem::take(&mut c.errors);
    if !errs.is_empty() {
        errs.sort_by_key(|d| d.pos);
        errs.dedup_by_key(|d| d.pos);
        return Err(errs);
    }
    Ok(c.info)
}

/// Resolution state of a package-level object.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DeclState {
    Unresolved,
    InProgress,
    Done,
}

/// Where a package-level object is declared.
#[derive(Clone, Copy)]
enum DeclRef {
    Func {
        file: usize,
        decl: usize,
    },
    /// A var or const name: its spec, and the name's index in it.
    Value {
        file: usize,
        decl: usize,
        spec: usize,
    },
    Type {
        file: usize,
        decl: usize,
        spec: usize,
    },
}

/// A function being checked.
struct FuncCtx {
    sig: Signature,
    /// Named result objects (empty for unnamed results).
    named_results: Vec<ObjId>,
}

pub(crate) struct Checker<'a> {
    files: &'a [ast::File],
    inputs: &'a [PackageInput],
    /// The package being checked (index into `inputs` and `info.packages`).
    cur: usize,
    /// The file whose declarations are being checked (for its imports).
    cur_file: usize,
    /// Import path to package index.
    pkg_index: HashMap<String, usize>,
    /// The package scopes of the packages checked so far.
    pkg_scopes: Vec<HashMap<String, ObjId>>,
    /// Each file's imported package names.
    file_scopes: HashMap<usize, HashMap<String, ObjId>>,
    /// The imports of the current package, for "imported and not used".
    imports: Vec<(ObjId, ast::ImportSpec)>,
    /// Each file's dot-imports: package index and the import's object.
    dot_imports: HashMap<usize, Vec<(usize, ObjId)>>,
    /// The dot-imports some name was found through.
    dot_used: std::cell::RefCell<std::collections::HashSet<ObjId>>,
    info: Info,
    errors: Vec<Diag>,
    /// Errors Go's compiler reports in a later phase, only when the package
    /// type-checked (print of a struct, say).
    late_errors: Vec<Diag>,
    universe: HashMap<String, ObjId>,
    package_scope: HashMap<String, ObjId>,
    /// Block scopes of the function being checked, innermost last.
    scopes: Vec<HashMap<String, ObjId>>,
    decl_of: HashMap<ObjId, DeclRef>,
    state: HashMap<ObjId, DeclState>,
    /// The package-level object whose declaration is being checked, and the
    /// package-level variables and functions each declaration refers to.
    current_decl: Option<ObjId>,
    /// The package-level variables of a `var a, b = x, y` spec being
    /// checked: the references in each value are recorded as that
    /// variable's dependencies (taken by the spec's assign_values_to).
    value_owners: Vec<ObjId>,
    deps: HashMap<ObjId, Vec<ObjId>>,
    /// Value of `iota` in the const spec being checked.
    iota: Option<i64>,
    func: Option<FuncCtx>,
    /// Variables declared in the current function, for "declared and not used".
    func_vars: Vec<ObjId>,
    /// Function nesting depth of the code being checked.
    depth: u32,
    /// The function literals being checked, innermost last, with the depth
    /// of their bodies.
    lits: Vec<(ExprId, u32)>,
    /// A generic type's name is being checked as the `G` of `G[...]`.
    instantiating: bool,
    /// The scope of each generic function's type parameters, for its body.
    tparam_scopes: HashMap<ObjId, HashMap<String, ObjId>>,
    /// While a generic body is checked: what it records.
    generic_body: Option<GenericBody>,
    /// While type parameters are declared: map key types to check once
    /// every constraint is set.
    pending_keys: Option<Vec<(Pos, TypeId)>>,
    /// How many range-over-function bodies enclose the code being checked
    /// (within the current function).
    range_func_depth: u32,
    /// The type parameters of each generic alias (`type A[T any] = ...`).
    alias_tparams: HashMap<ObjId, Vec<TypeId>>,
}

impl<'a> Checker<'a> {
    fn new(files: &'a [ast::File], inputs: &'a [PackageInput]) -> Checker<'a> {
        let mut c = Checker {
            files,
            inputs,
            cur: 0,
            cur_file: 0,
            pkg_index: inputs
                .iter()
                .enumerate()
                .map(|(i, p)| (p.path.clone(), i))
                .collect(),
            pkg_scopes: Vec::new(),
            file_scopes: HashMap::new(),
            imports: Vec::new(),
            dot_imports: HashMap::new(),
            dot_used: Default::default(),
            info: Info {
                types: Types::new(),
                objects: Vec::new(),
                exprs: HashMap::new(),
                uses: HashMap::new(),
                defs: HashMap::new(),
                selections: HashMap::new(),
                captures: HashMap::new(),
                comma_ok: Default::default(),
                switch_vars: HashMap::new(),
                methods: HashMap::new(),
                method_recv: HashMap::new(),
                funcs: Vec::new(),
                tparams: HashMap::new(),
                instances: HashMap::new(),
                generic_bodies: HashMap::new(),
                tparam_methods: HashMap::new(),
                iface_method_exprs: Default::default(),
                func_instances: Vec::new(),
                instance_index: HashMap::new(),
                packages: inputs
                    .iter()
                    .map(|p| PackageInfo {
                        path: p.path.clone(),
                        ..Default::default()
                    })
                    .collect(),
            },
            errors: Vec::new(),
            late_errors: Vec::new(),
            universe: HashMap::new(),
            package_scope: HashMap::new(),
            scopes: Vec::new(),
            decl_of: HashMap::new(),
            state: HashMap::new(),
            current_decl: None,
            value_owners: Vec::new(),
            deps: HashMap::new(),
            iota: None,
            func: None,
            func_vars: Vec::new(),
            depth: 0,
            lits: Vec::new(),
            instantiating: false,
            tparam_scopes: HashMap::new(),
            generic_body: None,
            pending_keys: None,
            range_func_depth: 0,
            alias_tparams: HashMap::new(),
        };
        c.init_universe();
        c
    }

    fn init_universe(&mut self) {
        let types: [(&str, TypeId); 19] = [
            ("bool", T_BOOL),
            ("int", T_INT),
            ("int8", T_INT8),
            ("int16", T_INT16),
            ("int32", T_INT32),
            ("int64", T_INT64),
            ("uint", T_UINT),
            ("uint8", T_UINT8),
            ("uint16", T_UINT16),
            ("uint32", T_UINT32),
            ("uint64", T_UINT64),
            ("uintptr", T_UINTPTR),
            ("float32", T_FLOAT32),
            ("float64", T_FLOAT64),
            ("string", T_STRING),
            ("byte", T_BYTE),
            ("rune", T_RUNE),
            ("complex64", T_COMPLEX64),
            ("complex128", T_COMPLEX128),
        ];
        for (name, t) in types {
            self.universe_obj(name, t, ObjKind::TypeName);
        }
        self.universe_obj("true", T_UNTYPED_BOOL, ObjKind::Const(Value::Bool(true)));
        self.universe_obj("false", T_UNTYPED_BOOL, ObjKind::Const(Value::Bool(false)));
        self.universe_obj("nil", T_UNTYPED_NIL, ObjKind::Nil);
        self.universe_obj("iota", T_UNTYPED_INT, ObjKind::Iota);
        self.universe_obj("any", T_ANY, ObjKind::TypeName);
        let comparable = self.tys().new_named("comparable", "", false);
        let c = self.tys().intern(TypeKind::Constraint {
            methods: Vec::new(),
            terms: None,
            comparable: true,
        });
        self.tys().set_underlying(comparable, c);
        self.universe_obj("comparable", comparable, ObjKind::TypeName);
        self.universe_obj("error", T_ERROR, ObjKind::TypeName);
        for b in [
            Builtin::Append,
            Builtin::Cap,
            Builtin::Clear,
            Builtin::Close,
            Builtin::Complex,
            Builtin::Copy,
            Builtin::Delete,
            Builtin::Imag,
            Builtin::Len,
            Builtin::Make,
            Builtin::Max,
            Builtin::Min,
            Builtin::New,
            Builtin::Panic,
            Builtin::Print,
            Builtin::Println,
            Builtin::Real,
            Builtin::Recover,
        ] {
            self.universe_obj(b.name(), T_INVALID, ObjKind::Builtin(b));
        }
    }

    fn universe_obj(&mut self, name: &str, ty: TypeId, kind: ObjKind) {
        let id = self.new_obj(name, Pos::default(), ty, kind);
        self.info.objects[id.0 as usize].used = true;
        self.universe.insert(name.to_string(), id);
    }

    fn new_obj(&mut self, name: &str, pos: Pos, ty: TypeId, kind: ObjKind) -> ObjId {
        let id = ObjId(self.info.objects.len() as u32);
        self.info.objects.push(Object {
            name: name.to_string(),
            pos,
            ty,
            kind,
            used: false,
            addr_taken: false,
            captured: false,
            depth: self.depth,
            pkg: self.cur as u32,
        });
        if let Some(b) = &mut self.generic_body {
            b.objs.push(id);
        }
        id
    }

    pub(crate) fn obj(&self, id: ObjId) -> &Object {
        &self.info.objects[id.0 as usize]
    }

    pub(crate) fn obj_mut(&mut self, id: ObjId) -> &mut Object {
        &mut self.info.objects[id.0 as usize]
    }

    pub(crate) fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errors.push(Diag::new(pos, msg));
    }

    pub(crate) fn tys(&mut self) -> &mut Types {
        &mut self.info.types
    }

    /// A type's name as Go's checker writes it in messages about this package.
    pub(crate) fn tname(&self, t: TypeId) -> String {
        self.info.types.name_in(t, self.pkg_name())
    }

    /// The name of the package being checked.
    pub(crate) fn pkg_name(&self) -> &str {
        &self.info.packages[self.cur].name
    }

    /// The import path of the package being checked (its symbols' prefix).
    pub(crate) fn pkg_path(&self) -> &str {
        &self.info.packages[self.cur].path
    }

    /// Looks a name up through the block scopes, the package and the universe.
    pub(crate) fn lookup(&self, name: &str) -> Option<ObjId> {
        for s in self.scopes.iter().rev() {
            if let Some(&id) = s.get(name) {
                return Some(id);
            }
        }
        self.package_scope
            .get(name)
            .or_else(|| self.file_scopes.get(&self.cur_file)?.get(name))
            .copied()
            .or_else(|| self.dot_lookup(name))
            .or_else(|| self.universe.get(name).copied())
    }

    /// Declares a local object in the innermost block scope.
    pub(crate) fn declare_local(&mut self, ident: &ast::Ident, ty: TypeId, kind: ObjKind) -> ObjId {
        let id = self.new_obj(&ident.name, ident.pos, ty, kind.clone());
        self.info.defs.insert(ident.pos, id);
        if ident.name == "_" {
            return id;
        }
        let scope = self.scopes.last_mut().expect("a block scope");
        if let Some(&prev) = scope.get(&ident.name) {
            let prev_pos = self.obj(prev).pos;
            let msg = format!(
                "{} redeclared in this block\n\t{}: other declaration of {}",
                ident.name,
                self.pos_string(prev_pos),
                ident.name
            );
            self.error(ident.pos, msg);
            return id;
        }
        scope.insert(ident.name.clone(), id);
        if matches!(kind, ObjKind::Var { global: false }) {
            self.func_vars.push(id);
        }
        id
    }

    fn pos_string(&self, pos: Pos) -> String {
        let path = self
            .files
            .get(pos.file as usize)
            .map(|f| f.path.as_str())
            .unwrap_or("?");
        format!("{}:{}:{}", path, pos.line, pos.col)
    }

    pub(crate) fn record(&mut self, e: &ast::Expr, ty: TypeId, mode: Mode) {
        self.info.exprs.insert(e.id, ExprInfo { ty, mode });
        if let Some(b) = &mut self.generic_body {
            b.exprs.push(e.id);
        }
    }

    fn check(&mut self) {
        for i in 0..self.inputs.len() {
            self.cur = i;
            self.check_one();
            if !self.errors.is_empty() {
                return;
            }
            let scope = std::mem::take(&mut self.package_scope);
            self.pkg_scopes.push(scope);
            self.decl_of.clear();
            self.deps.clear();
        }
    }

    /// Checks the package `self.cur`, whose imports are checked already.
    fn check_one(&mut self) {
        if self.inputs[self.cur].path == "unsafe" {
            self.declare_unsafe();
            return;
        }
        let funcs_start = self.info.funcs.len();
        self.collect();
        self.import_conflicts();
        if !self.errors.is_empty() {
            return;
        }
        self.resolve_all();
        self.check_bodies(funcs_start);
        self.unused_imports();
        self.compute_init_order();
        // Go's compiler finds these only after type checking succeeded.
        if self.errors.is_empty() {
            self.errors = std::mem::take(&mut self.late_errors);
        }
    }
}
