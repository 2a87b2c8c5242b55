//! goc's intermediate representation: a small, Go-like, typed IR between the
//! type-checked AST and Cranelift. docs/IR.md is its reference.
//!
//! A [`Program`] is a list of globals and functions. A [`Func`] is a list of
//! basic blocks over virtual registers. Registers are typed and mutable (the
//! IR is not SSA: lowering assigns a Go variable's register as often as the
//! program does, and the backend turns registers into Cranelift variables,
//! which builds SSA for us).
//!
//! Invariants (checked by [`verify`]):
//! - Registers only hold *register types*: bool, the integer and float types,
//!   pointers, strings and slices (a string is two machine words, a slice
//!   three). Structs and arrays (*memory types*) live in memory only: a
//!   struct-typed Go variable is lowered to a pointer to frame memory
//!   ([`Inst::Alloca`]) or heap memory ([`Inst::New`]) and is accessed
//!   through [`Inst::FieldAddr`], [`Inst::IndexAddr`], [`Inst::Load`],
//!   [`Inst::Store`] and [`Inst::MemCopy`].
//! - Function parameters and results have register types. A Go function that
//!   takes a struct receives a pointer to a copy its caller made; a Go
//!   function that returns a struct takes a pointer to result memory as an
//!   extra leading parameter. Lowering makes these explicit, so the backend
//!   never sees a memory type at a call boundary.
//! - Every register reads as the zero value of its type until written.
//! - Every block ends in exactly one terminator; block 0 is the entry.
//! - Operations have Go's semantics, including its run-time checks: integer
//!   division panics on a zero divisor, bounds are checked by the address
//!   and slicing instructions, shifts by an over-wide count give 0 (or the
//!   sign) and by a negative count panic. The backend implements the checks
//!   by calling the runtime's panic entry points.
//! - A call to a name that is not a function of the program is a call into
//!   the runtime (a C-ABI function whose parameters are the operands'
//!   machine words in order: a string is (ptr, len), a slice (ptr, len, cap));
//!   it may return at most two machine words.

pub mod layout;
pub mod parse;
pub mod print;
pub mod verify;

pub use parse::parse;
pub use verify::verify;

use std::fmt;
use std::sync::{Arc, OnceLock};

/// A virtual register: an index into [`Func::regs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reg(pub u32);

/// A basic block: an index into [`Func::blocks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlockId(pub u32);

/// The types of the IR: Go's types with `int`, `uint` and `uintptr`
/// resolved to their 64-bit widths, and names kept only for defined struct
/// and array types ([`Type::Named`]), which is what makes recursive types
/// such as `type Node struct { next *Node }` finite.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Bool,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    F32,
    F64,
    /// Complex numbers: two words, the real and the imaginary part, as
    /// `F32`s (stored at offsets 0 and 4) or `F64`s (0 and 8).
    C64,
    C128,
    /// A pointer to a value of the type.
    Ptr(Box<Type>),
    String,
    /// A slice with elements of the type.
    Slice(Box<Type>),
    /// A fixed-length array (memory type).
    Array(u64, Box<Type>),
    /// A struct (memory type); field names are kept for readable IR.
    Struct(Vec<Field>),
    /// A defined struct or array type (memory type), shared by reference.
    Named(Arc<NamedType>),
    /// A function value: one word, a pointer to a closure object whose first
    /// word is the code address (see [`Inst::CallIndirect`]); nil is 0.
    Func(Box<FuncSig>),
    /// An interface value: two words, the type word (an itab pointer for a
    /// non-empty interface, a type descriptor pointer for an empty one; 0 for
    /// nil) and the data word (a pointer to the value, or the value itself
    /// for pointer-shaped types).
    Iface,
}

/// The signature of a function value: register types only, as for
/// [`Func`]s (memory-typed results are explicit leading pointer parameters).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncSig {
    pub params: Vec<Type>,
    pub results: Vec<Type>,
}

/// A defined type: a unique name and its definition, a struct or array type
/// that may refer back to this type through pointers and slices. Two named
/// types are the same type exactly when their names are equal.
pub struct NamedType {
    pub name: String,
    def: OnceLock<Type>,
}

impl NamedType {
    /// A named type whose definition is given later with [`NamedType::define`].
    pub fn new(name: impl Into<String>) -> Arc<NamedType> {
        Arc::new(NamedType {
            name: name.into(),
            def: OnceLock::new(),
        })
    }

    /// Sets the definition (once).
    pub fn define(&self, t: Type) {
        let _ = self.def.set(t);
    }

    /// The definition; an undefined named type reads as an empty struct.
    pub fn def(&self) -> &Type {
        static EMPTY: Type = Type::Struct(Vec::new());
        self.def.get().unwrap_or(&EMPTY)
    }
}

impl PartialEq for NamedType {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for NamedType {}

impl std::hash::Hash for NamedType {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.name.hash(h)
    }
}

impl fmt::Debug for NamedType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Named({})", self.name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: Type,
}

impl Type {
    pub fn ptr(to: Type) -> Type {
        Type::Ptr(Box::new(to))
    }

    pub fn slice(of: Type) -> Type {
        Type::Slice(Box::new(of))
    }

    /// Bool, integer, float, pointer, string and slice types can be held in
    /// registers; arrays and structs cannot.
    pub fn is_register(&self) -> bool {
        !matches!(self, Type::Array(..) | Type::Struct(..) | Type::Named(_))
    }

    /// The type itself, or a named type's definition.
    /// The element of a pointer or slice type that refers back to the
    /// defined type being spelled (`type P *P`, `type S []S`): the empty
    /// struct, which the verifier takes for any element.
    pub fn opaque() -> Type {
        Type::Struct(Vec::new())
    }

    pub fn resolved(&self) -> &Type {
        match self {
            Type::Named(n) => n.def(),
            t => t,
        }
    }

    pub fn is_int(&self) -> bool {
        matches!(
            self,
            Type::I8
                | Type::I16
                | Type::I32
                | Type::I64
                | Type::U8
                | Type::U16
                | Type::U32
                | Type::U64
        )
    }

    pub fn is_signed(&self) -> bool {
        matches!(self, Type::I8 | Type::I16 | Type::I32 | Type::I64)
    }

    pub fn is_float(&self) -> bool {
        matches!(self, Type::F32 | Type::F64)
    }

    pub fn is_complex(&self) -> bool {
        matches!(self, Type::C64 | Type::C128)
    }

    /// The type of each part of a complex type.
    pub fn complex_part(&self) -> Option<Type> {
        match self {
            Type::C64 => Some(Type::F32),
            Type::C128 => Some(Type::F64),
            _ => None,
        }
    }

    /// Width in bits of an integer or float type.
    pub fn bits(&self) -> Option<u32> {
        Some(match self {
            Type::I8 | Type::U8 => 8,
            Type::I16 | Type::U16 => 16,
            Type::I32 | Type::U32 | Type::F32 => 32,
            Type::I64 | Type::U64 | Type::F64 => 64,
            _ => return None,
        })
    }

    /// The pointee of a pointer type.
    pub fn pointee(&self) -> Option<&Type> {
        match self {
            Type::Ptr(t) => Some(t),
            _ => None,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => f.write_str("bool"),
            Type::I8 => f.write_str("int8"),
            Type::I16 => f.write_str("int16"),
            Type::I32 => f.write_str("int32"),
            Type::I64 => f.write_str("int64"),
            Type::U8 => f.write_str("uint8"),
            Type::U16 => f.write_str("uint16"),
            Type::U32 => f.write_str("uint32"),
            Type::U64 => f.write_str("uint64"),
            Type::F32 => f.write_str("float32"),
            Type::F64 => f.write_str("float64"),
            Type::C64 => f.write_str("complex64"),
            Type::C128 => f.write_str("complex128"),
            Type::Ptr(t) => write!(f, "*{t}"),
            Type::String => f.write_str("string"),
            Type::Slice(t) => write!(f, "[]{t}"),
            Type::Array(n, t) => write!(f, "[{n}]{t}"),
            Type::Struct(fields) => {
                f.write_str("struct{")?;
                for (i, fl) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{} {}", fl.name, fl.ty)?;
                }
                f.write_str("}")
            }
            Type::Named(n) => f.write_str(&n.name),
            Type::Iface => f.write_str("iface"),
            Type::Func(sig) => {
                f.write_str("func(")?;
                for (i, t) in sig.params.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str(") (")?;
                for (i, t) in sig.results.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// A constant operand. Integers are stored as their 64-bit two's-complement
/// bit pattern and truncated to the destination register's width.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    /// A complex constant: the real and imaginary parts.
    Complex(f64, f64),
    Bool(bool),
    Str(Vec<u8>),
    /// The zero value of the destination register's type (nil for pointers
    /// and slices, "" for strings, 0, false).
    Zero,
}

/// A sequentially consistent atomic operation on the 32- or 64-bit integer
/// at a pointer (sync/atomic).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomicOp {
    /// `dst = *ptr`.
    Load,
    /// `*ptr += x`; dst is the new value.
    Add,
    /// `*ptr &= x`; dst is the old value.
    And,
    /// `*ptr |= x`; dst is the old value.
    Or,
    /// `*ptr = x`; dst is the old value.
    Swap,
    /// `if *ptr == old { *ptr = new }`; dst (bool) says whether it swapped.
    Cas,
}

impl AtomicOp {
    pub const ALL: [AtomicOp; 6] = [
        AtomicOp::Load,
        AtomicOp::Add,
        AtomicOp::And,
        AtomicOp::Or,
        AtomicOp::Swap,
        AtomicOp::Cas,
    ];

    /// The IR text name (`atomicadd`...).
    pub fn name(self) -> &'static str {
        match self {
            AtomicOp::Load => "atomicload",
            AtomicOp::Add => "atomicadd",
            AtomicOp::And => "atomicand",
            AtomicOp::Or => "atomicor",
            AtomicOp::Swap => "atomicswap",
            AtomicOp::Cas => "atomiccas",
        }
    }

    /// How many operands follow the pointer.
    pub fn nargs(self) -> usize {
        match self {
            AtomicOp::Load => 0,
            AtomicOp::Cas => 2,
            _ => 1,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// Integer (wrapping), float or complex negation.
    Neg,
    /// Boolean not.
    Not,
    /// Bitwise complement of an integer.
    BitNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    /// Integer (wrapping), float and complex addition; string
    /// concatenation.
    Add,
    Sub,
    /// Complex multiplication is the schoolbook formula, as Go's.
    Mul,
    /// Complex division follows Go's runtime (complex128div: infinities and
    /// NaNs as C99 Annex G); complex64 divides as complex128 and rounds.
    /// Integer division truncates toward zero and panics on a zero divisor;
    /// `MinInt / -1` is `MinInt`.
    Div,
    /// Integer remainder with the sign of the dividend; panics on zero;
    /// `MinInt % -1` is 0.
    Rem,
    And,
    Or,
    Xor,
    /// `x &^ y`.
    AndNot,
    /// Shifts: the result has the type of `x`; `y` may be any integer type.
    /// A count of at least the width gives 0 (or all sign bits for a signed
    /// right shift); a negative signed count panics.
    Shl,
    Shr,
    /// Comparisons give bool. Integers compare by their signedness, floats as
    /// IEEE (NaN unequal to everything), strings bytewise, pointers, bools
    /// and complex numbers (both parts as floats) for (in)equality only.
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        )
    }
}

/// Conversions between strings and byte or rune slices, and from integers
/// to strings, as Go's conversion expressions define them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrConv {
    /// `[]byte(s)`: dst `[]uint8`, x string.
    StringToBytes,
    /// `[]rune(s)`: dst `[]int32`, x string.
    StringToRunes,
    /// `string(b)`: dst string, x `[]uint8`.
    BytesToString,
    /// `string(r)`: dst string, x `[]int32`.
    RunesToString,
    /// `string(rune(i))`: dst string, x any integer (invalid code points give
    /// "\uFFFD").
    RuneToString,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Inst {
    /// `dst = value`.
    Const { dst: Reg, value: Const },
    /// `dst = src` (same type).
    Copy { dst: Reg, src: Reg },
    /// `dst = op x` (same type; `Not` on bool).
    Unary { dst: Reg, op: UnaryOp, x: Reg },
    /// `dst = x op y`. `x` and `y` have the same type, except for shifts; the
    /// result has that type, or bool for comparisons.
    Binary {
        dst: Reg,
        op: BinaryOp,
        x: Reg,
        y: Reg,
    },
    /// Numeric conversion to the type of `dst`: integer to integer truncates
    /// or extends by the source's signedness, integer to float rounds, float
    /// to integer truncates toward zero (saturating when out of range), float
    /// to float rounds, complex to complex rounds each part.
    Convert { dst: Reg, x: Reg },
    /// A string/slice conversion.
    StrConv { dst: Reg, op: StrConv, x: Reg },
    /// `dst = &slot` for a zeroed frame slot of type `ty`; dst has type `*ty`.
    /// Each Alloca owns one slot for the whole activation; executing the
    /// instruction again zeroes the slot again. The address must not outlive
    /// the function.
    Alloca { dst: Reg, ty: Type },
    /// `dst = new(ty)`: zeroed heap memory; dst has type `*ty`.
    New { dst: Reg, ty: Type },
    /// `dst = address of global`; dst has type `*T` for the global's type.
    GlobalAddr { dst: Reg, name: String },
    /// `dst = *ptr`; the pointee is a register type. A nil `ptr` panics with
    /// Go's nil-dereference message.
    Load { dst: Reg, ptr: Reg },
    /// `*ptr = src`; nil panics as for Load.
    Store { ptr: Reg, src: Reg },
    /// An atomic read-modify-write or load of the integer at `ptr` (see
    /// [`AtomicOp`]); `args` are the operands after the pointer. A nil `ptr`
    /// panics as for Load.
    Atomic {
        dst: Reg,
        op: AtomicOp,
        ptr: Reg,
        args: Vec<Reg>,
    },
    /// An atomic `*ptr = src` of a 32- or 64-bit integer.
    AtomicStore { ptr: Reg, src: Reg },
    /// `*dst = *src` for any pointee type (both pointers have the same type).
    MemCopy { dst: Reg, src: Reg },
    /// `*ptr = zero value of the pointee`.
    MemZero { ptr: Reg },
    /// Panics with Go's nil-dereference message if `ptr` is nil.
    NilCheck { ptr: Reg },
    /// `dst = &ptr.field`; ptr has type `*struct{...}`. A nil `ptr` panics.
    FieldAddr { dst: Reg, ptr: Reg, field: u32 },
    /// `dst = &ptr[index]`; ptr has type `*[N]T`; index is any integer type and
    /// is bounds-checked against N. A nil `ptr` panics.
    IndexAddr { dst: Reg, ptr: Reg, index: Reg },
    /// `dst = &slice[index]`, bounds-checked against len(slice).
    ElemAddr { dst: Reg, slice: Reg, index: Reg },
    /// `dst = s[index]` (uint8), bounds-checked against len(s).
    StringByte { dst: Reg, s: Reg, index: Reg },
    /// `dst = len(x)` (int64) for a string or slice.
    Len { dst: Reg, x: Reg },
    /// `dst = cap(x)` (int64) for a slice.
    Cap { dst: Reg, x: Reg },
    /// The data pointer of a slice (`*T`) or string (`*uint8`).
    DataPtr { dst: Reg, x: Reg },
    /// `dst = x[lo:hi]` or `x[lo:hi:max]` with Go's bounds checks and panics.
    /// `x` is a string (no max; dst string), a slice (dst the same slice
    /// type), or a pointer to an array `*[N]T` (dst `[]T`; a nil pointer
    /// panics). Missing bounds default to 0, len, cap.
    SliceOf {
        dst: Reg,
        x: Reg,
        lo: Option<Reg>,
        hi: Option<Reg>,
        max: Option<Reg>,
    },
    /// `dst = make([]T, len, cap)` for dst of type `[]T`; len and cap are
    /// integers; Go's panics for negative or too-large sizes.
    MakeSlice { dst: Reg, len: Reg, cap: Reg },
    /// `dst = slice` extended by `n` (int64) elements, reallocating with Go's
    /// growth policy when the capacity is too small. The new elements keep
    /// whatever the spare capacity held (zero after a reallocation): append
    /// is lowered to GrowSlice followed by a store to every new element, and
    /// `append(s[:i], s[i+1:]...)` reads that memory before overwriting it.
    GrowSlice { dst: Reg, slice: Reg, n: Reg },
    /// `dst = copy(to, from)` (int64): `to` a slice, `from` a slice of the
    /// same element type or, for `[]byte`, a string. Overlap is allowed.
    CopySlice { dst: Reg, to: Reg, from: Reg },
    /// `dst = the code address of the program function` (`*uint8`), to store
    /// as the first word of a closure object.
    FuncAddr { dst: Reg, func: String },
    /// `dsts = callee(args)` for a function value `callee` (type `func`):
    /// calls the code address in the closure object's first word, passing
    /// the closure object itself as a hidden first argument (the callee's
    /// context: a function that is the code of a closure takes it as its
    /// first parameter, of pointer type). A nil `callee` panics with Go's
    /// nil-dereference message.
    CallIndirect {
        dsts: Vec<Reg>,
        callee: Reg,
        args: Vec<Reg>,
    },
    /// `dsts = code(args)`: a call of a raw code address (an interface
    /// method from an itab), with the program's calling convention and no
    /// hidden argument.
    CallPtr {
        dsts: Vec<Reg>,
        code: Reg,
        args: Vec<Reg>,
    },
    /// `dst = complex(re, im)`: re and im are floats of dst's part type.
    ComplexMake { dst: Reg, re: Reg, im: Reg },
    /// `dst = real(x)` or `imag(x)` (`imag` true) of a complex register.
    ComplexPart { dst: Reg, x: Reg, imag: bool },
    /// `dst = iface(tab, data)` from two pointer registers.
    MakeIface { dst: Reg, tab: Reg, data: Reg },
    /// `dst = word 0 (type) or 1 (data) of an interface value` (a pointer).
    IfaceWord { dst: Reg, x: Reg, word: u32 },
    /// `dsts = func(args)`: a direct call, to a function of the program or,
    /// if the program has no function of that name, to the runtime.
    Call {
        dsts: Vec<Reg>,
        func: String,
        args: Vec<Reg>,
    },
    /// `defer`: push the function value `func` (of type `func()`) on the
    /// goroutine's deferred calls for this activation. Only in a function
    /// whose block 0 ends in [`Term::DeferFrame`], after that terminator.
    DeferProc { func: Reg },
    /// Run (and pop) the deferred calls this activation pushed, newest
    /// first: every return path of a function with `defer` does this before
    /// reading its results. Same placement rule as `DeferProc`.
    DeferReturn,
    /// The instructions that follow in this block come from source line
    /// `line` of the function's file (for the runtime's function table:
    /// tracebacks and runtime.Caller). No effect on execution.
    Line { line: u32 },
}

impl Inst {
    /// The registers the instruction writes.
    pub fn dsts(&self) -> Vec<Reg> {
        match self {
            Inst::Const { dst, .. }
            | Inst::Copy { dst, .. }
            | Inst::Unary { dst, .. }
            | Inst::Binary { dst, .. }
            | Inst::Convert { dst, .. }
            | Inst::StrConv { dst, .. }
            | Inst::Alloca { dst, .. }
            | Inst::New { dst, .. }
            | Inst::GlobalAddr { dst, .. }
            | Inst::Load { dst, .. }
            | Inst::Atomic { dst, .. }
            | Inst::FieldAddr { dst, .. }
            | Inst::IndexAddr { dst, .. }
            | Inst::ElemAddr { dst, .. }
            | Inst::StringByte { dst, .. }
            | Inst::Len { dst, .. }
            | Inst::Cap { dst, .. }
            | Inst::DataPtr { dst, .. }
            | Inst::SliceOf { dst, .. }
            | Inst::MakeSlice { dst, .. }
            | Inst::GrowSlice { dst, .. }
            | Inst::CopySlice { dst, .. }
            | Inst::FuncAddr { dst, .. }
            | Inst::MakeIface { dst, .. }
            | Inst::IfaceWord { dst, .. }
            | Inst::ComplexMake { dst, .. }
            | Inst::ComplexPart { dst, .. } => vec![*dst],
            Inst::CallIndirect { dsts, .. }
            | Inst::CallPtr { dsts, .. }
            | Inst::Call { dsts, .. } => dsts.clone(),
            Inst::Store { .. }
            | Inst::Line { .. }
            | Inst::AtomicStore { .. }
            | Inst::MemCopy { .. }
            | Inst::MemZero { .. }
            | Inst::NilCheck { .. }
            | Inst::DeferProc { .. }
            | Inst::DeferReturn => vec![],
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Jump(BlockId),
    /// Branch on a bool register.
    If {
        cond: Reg,
        then: BlockId,
        els: BlockId,
    },
    /// Return the registers, one per result of the function.
    Return(Vec<Reg>),
    /// Control never gets here (after a call to a runtime function that
    /// does not return, such as a panic).
    Unreachable,
    /// Sets up the function's defer frame and continues at `normal`. Only
    /// as block 0's terminator. When a deferred call of this activation
    /// recovers a panic, execution continues at `recover` instead, with
    /// memory as it is then and every register holding the value it had
    /// when this terminator ran (registers written later are reset).
    DeferFrame {
        normal: BlockId,
        recover: BlockId,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub insts: Vec<Inst>,
    pub term: Term,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    /// The symbol name: `pkg.Name`, `pkg.Type.Method`, `pkg.init.0`, or
    /// `goc_program_init` for the program's initialiser.
    pub name: String,
    /// Parameter registers, in order.
    pub params: Vec<Reg>,
    pub results: Vec<Type>,
    /// The type of every register.
    pub regs: Vec<Type>,
    pub blocks: Vec<Block>,
    /// No prologue stack check (nor, later, safepoint polls): for functions
    /// the runtime calls from its own code, where the g register does not
    /// hold a goroutine (the equality and hash functions of types).
    pub nosplit: bool,
    /// A wrapper: code that only forwards a call (method values, declared
    /// functions as values, the closures binding a deferred call's
    /// arguments). Go treats wrappers as transparent for `recover()`, so
    /// the prologue lets a running panic move its permission to recover to
    /// the function the wrapper calls (goc_abi::defers).
    pub wrapper: bool,
    /// The source file its [`Inst::Line`]s refer to ("" for generated
    /// code, which has none).
    pub file: String,
}

impl Func {
    pub fn reg_type(&self, r: Reg) -> &Type {
        &self.regs[r.0 as usize]
    }

    /// Whether the function has a defer frame (block 0 ends in
    /// [`Term::DeferFrame`]).
    pub fn has_defer_frame(&self) -> bool {
        matches!(
            self.blocks.first().map(|b| &b.term),
            Some(Term::DeferFrame { .. })
        )
    }
}

/// A package-level variable: zero-initialised memory of its type (the
/// program's initialiser stores the initial values).
#[derive(Clone, Debug, PartialEq)]
pub struct Global {
    pub name: String,
    pub ty: Type,
}

/// A read-only data object (type descriptors, itabs, method tables): a
/// sequence of 8-byte words, 8-aligned. `GlobalAddr` gives its address.
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub name: String,
    pub items: Vec<DataItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DataItem {
    /// One word.
    Word(u64),
    /// One word: the address of a function, global or data object.
    Addr(String),
    /// Two words: the address of read-only bytes and their length (a Go
    /// string).
    Str(Vec<u8>),
    /// One word: the address of the GC shape (goc_abi::gcshape) of a type,
    /// emitted by the backend once per distinct shape.
    Shape(Type),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Program {
    pub globals: Vec<Global>,
    pub data: Vec<Data>,
    pub funcs: Vec<Func>,
}

/// The name of the function the runtime calls before `main.main`.
pub const PROGRAM_INIT: &str = "goc_program_init";
