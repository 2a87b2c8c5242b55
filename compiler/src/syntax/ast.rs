//! The abstract syntax tree of a Go source file.
//!
//! The tree is what the parser saw, nothing more: names are unresolved,
//! types are still expressions (Go's grammar cannot tell `T(x)` from `f(x)`
//! or `[]T{...}` from an index before names are resolved), and constant
//! literals keep their source spelling. The type checker gives meaning to
//! it and records its findings in side tables keyed by [`ExprId`], so the
//! tree itself is never rewritten.
//!
//! Invariants the parser guarantees:
//! - every `Expr` has a unique `id` within one parse session (ids keep
//!   counting across the files of a package), so side tables can key on it;
//! - a `const` spec that omitted its type and values in a group has them
//!   filled in from the previous spec (Go's implicit repetition), with its
//!   own `iota`;
//! - positions are 1-based line and column (column counted in bytes, as Go
//!   does) of the first character of the construct.

/// A source position: file index into the session's file list, 1-based line
/// and byte column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub file: u32,
    pub line: u32,
    pub col: u32,
}

pub type ExprId = u32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub pos: Pos,
}

/// One parsed file.
#[derive(Clone, Debug)]
pub struct File {
    pub path: String,
    pub package: Ident,
    pub imports: Vec<ImportSpec>,
    pub decls: Vec<Decl>,
    /// The file's `//go:linkname local target` directives.
    pub linknames: Vec<Linkname>,
}

/// `//go:linkname local importpath.name`: the function `local`, declared
/// without a body, is the function `name` of package `importpath` (for
/// goc, one its runtime provides: goc_abi::stdlib).
#[derive(Clone, Debug)]
pub struct Linkname {
    pub local: String,
    /// The import path and the name, split at the last dot.
    pub pkg: String,
    pub name: String,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct ImportSpec {
    /// `import name "path"`; `.` and `_` are kept as names.
    pub name: Option<Ident>,
    /// The decoded import path.
    pub path: String,
    pub pos: Pos,
    /// Where the path literal is.
    pub path_pos: Pos,
}

// Declarations are built once and matched many times; boxing the larger
// variant would only add an indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Decl {
    Func(FuncDecl),
    Gen(GenDecl),
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub pos: Pos,
    /// The receiver of a method.
    pub recv: Option<Param>,
    pub name: Ident,
    /// The type parameters of a generic function (`func F[T any]`).
    pub tparams: Vec<TypeParamDecl>,
    pub sig: FuncType,
    /// None for a declaration without body.
    pub body: Option<Block>,
}

/// `var`, `const` and `type` declarations, at package level or in a block.
#[derive(Clone, Debug)]
pub enum GenDecl {
    Var(Vec<ValueSpec>),
    Const(Vec<ValueSpec>),
    Type(Vec<TypeSpec>),
}

#[derive(Clone, Debug)]
pub struct ValueSpec {
    pub pos: Pos,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    /// The spec's index in its const group (Go's iota); 0 for var.
    pub iota: u32,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub pos: Pos,
    pub name: Ident,
    /// The type parameters of a generic type (`type List[T any] ...`).
    pub tparams: Vec<TypeParamDecl>,
    /// `type A = B`.
    pub alias: bool,
    pub ty: Expr,
}

/// A type parameter `P C`. Grouped names (`K, V any`) share a clone of the
/// constraint (with the same id). A constraint is a type, or a union of
/// terms (`~int | string`: `Binary` `Or` of `Unary` `Tilde` terms), which
/// stands for the implicit `interface{ ~int | string }`.
#[derive(Clone, Debug)]
pub struct TypeParamDecl {
    pub name: Ident,
    pub constraint: Expr,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: ExprId,
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Char,
    String,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// Also `_`.
    Ident(String),
    /// Integer, float and imaginary literals keep their spelling (with `_`
    /// separators still in); char literals are decoded into `bytes` as the
    /// code point in decimal; string literals (raw or interpreted) are decoded
    /// into `bytes`.
    BasicLit {
        kind: LitKind,
        raw: String,
        bytes: Vec<u8>,
    },
    /// `T{...}`; `ty` is None for an elided type inside another literal.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elts: Vec<Expr>,
        rbrace: Pos,
    },
    /// `key: value` inside a composite literal.
    KeyValue(Box<Expr>, Box<Expr>),
    FuncLit {
        sig: FuncType,
        body: Block,
    },
    Paren(Box<Expr>),
    /// `x.sel`
    Selector(Box<Expr>, Ident),
    /// `x[i]` (several indices only for generic instantiation).
    Index(Box<Expr>, Vec<Expr>),
    /// `x[lo:hi]` or `x[lo:hi:max]` (`three` set).
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        three: bool,
    },
    /// `x.(T)`; `ty` is None for `x.(type)` in a type switch.
    TypeAssert(Box<Expr>, Option<Box<Expr>>),
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        /// Position of `...` in `f(s...)`.
        ellipsis: Option<Pos>,
        rparen: Pos,
    },
    /// `*x`: a dereference or a pointer type.
    Star(Box<Expr>),
    /// `+x -x !x ^x &x <-x`
    Unary(UnOp, Box<Expr>),
    Binary {
        op: BinOp,
        op_pos: Pos,
        x: Box<Expr>,
        y: Box<Expr>,
    },
    /// `[N]T`, `[...]T` (len is `Ellipsis(None)`), or `[]T` (len None).
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    /// `...` in `[...]T`, or `...T` as the type of a variadic parameter.
    Ellipsis(Option<Box<Expr>>),
    StructType(Vec<FieldDecl>),
    FuncType(FuncType),
    InterfaceType(Vec<InterfaceElem>),
    MapType(Box<Expr>, Box<Expr>),
    ChanType(ChanDir, Box<Expr>),
    /// Placeholder after a syntax error; never reaches the checker.
    Bad,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Plus,
    Neg,
    Not,
    BitNot,
    Addr,
    Recv,
    /// `~T`: a term of a constraint's type set (never an expression).
    Tilde,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LAnd,
    LOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinOp {
    /// The operator as written in Go.
    pub fn as_str(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }

    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }
}

impl UnOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnOp::Plus => "+",
            UnOp::Neg => "-",
            UnOp::Not => "!",
            UnOp::BitNot => "^",
            UnOp::Addr => "&",
            UnOp::Recv => "<-",
            UnOp::Tilde => "~",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug)]
pub struct FieldDecl {
    pub pos: Pos,
    /// Empty for an embedded field.
    pub names: Vec<Ident>,
    pub ty: Expr,
    pub tag: Option<String>,
}

#[derive(Clone, Debug)]
pub enum InterfaceElem {
    Method { name: Ident, sig: FuncType },
    Embedded(Expr),
}

#[derive(Clone, Debug, Default)]
pub struct FuncType {
    pub pos: Pos,
    pub params: Vec<Param>,
    pub results: Vec<Param>,
}

/// One parameter or result. Grouped names (`a, b int`) are split into one
/// `Param` each, sharing a clone of the type expression (with the same id).
/// A variadic parameter's type is `Ellipsis(Some(elem))`.
#[derive(Clone, Debug)]
pub struct Param {
    pub name: Option<Ident>,
    pub ty: Expr,
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub lbrace: Pos,
    pub stmts: Vec<Stmt>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchKind {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Decl(GenDecl),
    Labeled(Ident, Box<Stmt>),
    Expr(Expr),
    Send(Expr, Expr),
    /// `x++` (true) or `x--`.
    IncDec(Expr, bool),
    /// `=` (op None, define false), `:=` (define true), `op=` (op Some).
    Assign {
        lhs: Vec<Expr>,
        rhs: Vec<Expr>,
        op: Option<BinOp>,
        define: bool,
        /// Position of the assignment operator.
        op_pos: Pos,
    },
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Branch(BranchKind, Option<Ident>),
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        /// Either an `If` statement or a `Block`.
        els: Option<Box<Stmt>>,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        clauses: Vec<CaseClause>,
        rbrace: Pos,
    },
    /// `switch [init;] [v :=] x.(type) { ... }`
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        x: Expr,
        clauses: Vec<CaseClause>,
        rbrace: Pos,
    },
    Select(Vec<CommClause>),
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for [k [, v] (=|:=)] range x { ... }`
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
        body: Block,
    },
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    pub pos: Pos,
    /// Empty with `default` set for the default clause. In a type switch the
    /// expressions are types (or the identifier `nil`).
    pub exprs: Vec<Expr>,
    pub default: bool,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    pub pos: Pos,
    /// A send, a receive expression statement, or an assignment/define whose
    /// right side is a receive; None for `default`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
}
