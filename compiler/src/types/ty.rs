//! Go types, interned in a table so that type identity is id equality.
//!
//! Structural (unnamed) types are deduplicated: building `[]int` twice gives
//! the same [`TypeId`]. Named types are never deduplicated: each `type T ...`
//! declaration makes a new one, whose underlying type is filled in once the
//! declaration's right side has been checked (so recursive types work).
//! Predeclared types (`int`, `string`, ...) and the untyped constant kinds
//! have fixed ids, the `T_*` constants below.

pub use crate::syntax::ast::ChanDir;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basic {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
    /// `unsafe.Pointer`.
    UnsafePointer,
}

impl Basic {
    pub fn name(self) -> &'static str {
        use Basic::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            UnsafePointer => "unsafe.Pointer",
        }
    }

    pub fn is_untyped(self) -> bool {
        use Basic::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedComplex
                | UntypedString
                | UntypedNil
        )
    }

    pub fn is_integer(self) -> bool {
        use Basic::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        use Basic::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }

    pub fn is_float(self) -> bool {
        matches!(self, Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
    }

    pub fn is_complex(self) -> bool {
        matches!(
            self,
            Basic::Complex64 | Basic::Complex128 | Basic::UntypedComplex
        )
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    pub fn is_string(self) -> bool {
        matches!(self, Basic::String | Basic::UntypedString)
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, Basic::Bool | Basic::UntypedBool)
    }

    /// Size in bits of a sized integer or float type, or of each part of
    /// a complex type (int, uint, uintptr are 64-bit on every target goc
    /// supports).
    pub fn bits(self) -> u32 {
        use Basic::*;
        match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 | Float32 | Complex64 => 32,
            _ => 64,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructField {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    /// The tag's value ("" when there is none): part of the type's
    /// identity, ignored by conversions.
    pub tag: String,
}

/// A method of an interface type: its name and func type (no receiver).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IMethod {
    pub name: String,
    pub ty: TypeId,
}

/// A term of a type set: `T` (exactly T) or `~T` (every type whose
/// underlying type is T).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is `...T`, recorded as `[]T` in `params`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Basic(Basic),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Struct(Vec<StructField>),
    Func(Signature),
    /// The type of a multi-valued call.
    Tuple(Vec<TypeId>),
    /// `map[K]V`.
    Map(TypeId, TypeId),
    /// `chan T`, `chan<- T`, `<-chan T`.
    Chan(ChanDir, TypeId),
    /// An interface type: its methods (embedded interfaces flattened),
    /// sorted by name.
    Interface(Vec<IMethod>),
    /// A predeclared alias (`byte` for uint8, `rune` for int32): identical
    /// to its target, but spelled with its own name in messages.
    Alias {
        name: &'static str,
        of: TypeId,
    },
    /// A defined type; `underlying` is `T_INVALID` until its declaration has
    /// been checked. An instance of a generic type (`List[int]`) is a
    /// defined type of its own, made once per list of type arguments.
    Named {
        name: String,
        pkg: String,
        underlying: TypeId,
        /// Declaration order, to keep each named type distinct.
        serial: u32,
        /// Declared inside a function.
        local: bool,
        /// For an instance: the generic type it instantiates (`T_INVALID`
        /// otherwise) and its type arguments.
        origin: TypeId,
        targs: Vec<TypeId>,
    },
    /// A type parameter: a type of its own, whose type set is its
    /// constraint's (an interface, set once the constraint is checked).
    TypeParam {
        name: String,
        serial: u32,
        constraint: TypeId,
    },
    /// An interface with a type set narrower than its methods give (type
    /// terms or `comparable`): usable only as a constraint. `terms` is the
    /// union its elements leave (None: no restriction by terms; an empty
    /// list: the empty set).
    Constraint {
        methods: Vec<IMethod>,
        terms: Option<Vec<Term>>,
        comparable: bool,
    },
}

pub const T_INVALID: TypeId = TypeId(0);
pub const T_BOOL: TypeId = TypeId(1);
pub const T_INT: TypeId = TypeId(2);
pub const T_INT8: TypeId = TypeId(3);
pub const T_INT16: TypeId = TypeId(4);
pub const T_INT32: TypeId = TypeId(5);
pub const T_INT64: TypeId = TypeId(6);
pub const T_UINT: TypeId = TypeId(7);
pub const T_UINT8: TypeId = TypeId(8);
pub const T_UINT16: TypeId = TypeId(9);
pub const T_UINT32: TypeId = TypeId(10);
pub const T_UINT64: TypeId = TypeId(11);
pub const T_UINTPTR: TypeId = TypeId(12);
pub const T_FLOAT32: TypeId = TypeId(13);
pub const T_FLOAT64: TypeId = TypeId(14);
pub const T_COMPLEX64: TypeId = TypeId(15);
pub const T_COMPLEX128: TypeId = TypeId(16);
pub const T_STRING: TypeId = TypeId(17);
pub const T_UNTYPED_BOOL: TypeId = TypeId(18);
pub const T_UNTYPED_INT: TypeId = TypeId(19);
pub const T_UNTYPED_RUNE: TypeId = TypeId(20);
pub const T_UNTYPED_FLOAT: TypeId = TypeId(21);
pub const T_UNTYPED_COMPLEX: TypeId = TypeId(22);
pub const T_UNTYPED_STRING: TypeId = TypeId(23);
pub const T_UNTYPED_NIL: TypeId = TypeId(24);
pub const T_UNSAFE_POINTER: TypeId = TypeId(25);
pub const T_BYTE: TypeId = TypeId(26);
pub const T_RUNE: TypeId = TypeId(27);
pub const T_EMPTY_IFACE: TypeId = TypeId(28);
pub const T_ANY: TypeId = TypeId(29);
pub const T_ERROR: TypeId = TypeId(30);

const BASICS: [Basic; 26] = [
    Basic::Invalid,
    Basic::Bool,
    Basic::Int,
    Basic::Int8,
    Basic::Int16,
    Basic::Int32,
    Basic::Int64,
    Basic::Uint,
    Basic::Uint8,
    Basic::Uint16,
    Basic::Uint32,
    Basic::Uint64,
    Basic::Uintptr,
    Basic::Float32,
    Basic::Float64,
    Basic::Complex64,
    Basic::Complex128,
    Basic::String,
    Basic::UntypedBool,
    Basic::UntypedInt,
    Basic::UntypedRune,
    Basic::UntypedFloat,
    Basic::UntypedComplex,
    Basic::UntypedString,
    Basic::UntypedNil,
    Basic::UnsafePointer,
];

pub struct Types {
    kinds: Vec<TypeKind>,
    /// For each type, the identical type spelled without aliases: two types
    /// are identical exactly when their canonical types are the same id.
    canon: Vec<TypeId>,
    interned: HashMap<TypeKind, TypeId>,
    next_serial: u32,
    /// The type parameters of each generic defined type.
    pub(super) tparams: HashMap<TypeId, Vec<TypeId>>,
    /// Instances of generic types by origin and canonical type arguments.
    pub(super) instances: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Instances made before their origin's underlying type was known.
    pub(super) pending: Vec<TypeId>,
    /// Defined types declared as another defined type whose underlying
    /// type is not known yet, by that type.
    awaiting_underlying: HashMap<TypeId, Vec<TypeId>>,
    /// The reverse: the defined type each awaiting type is declared as.
    declared_as: HashMap<TypeId, TypeId>,
}

impl Default for Types {
    fn default() -> Self {
        Self::new()
    }
}

impl Types {
    pub fn new() -> Types {
        let mut t = Types {
            kinds: Vec::new(),
            canon: Vec::new(),
            interned: HashMap::new(),
            next_serial: 0,
            tparams: HashMap::new(),
            instances: HashMap::new(),
            pending: Vec::new(),
            awaiting_underlying: HashMap::new(),
            declared_as: HashMap::new(),
        };
        for b in BASICS {
            t.intern(TypeKind::Basic(b));
        }
        t.intern(TypeKind::Alias {
            name: "byte",
            of: T_UINT8,
        });
        t.intern(TypeKind::Alias {
            name: "rune",
            of: T_INT32,
        });
        let empty = t.interface(Vec::new());
        debug_assert_eq!(empty, T_EMPTY_IFACE);
        t.intern(TypeKind::Alias {
            name: "any",
            of: empty,
        });
        let error = t.new_named("error", "", false);
        debug_assert_eq!(error, T_ERROR);
        let f = t.func(Signature {
            params: Vec::new(),
            results: vec![T_STRING],
            variadic: false,
        });
        let ei = t.interface(vec![IMethod {
            name: "Error".into(),
            ty: f,
        }]);
        t.set_underlying(error, ei);
        t
    }

    pub(super) fn intern(&mut self, k: TypeKind) -> TypeId {
        if let Some(&id) = self.interned.get(&k) {
            return id;
        }
        let canon_kind = self.canonical_kind(&k);
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(k.clone());
        self.canon.push(id);
        self.interned.insert(k.clone(), id);
        if let Some(ck) = canon_kind {
            let c = self.intern(ck);
            self.canon[id.0 as usize] = c;
        } else if let TypeKind::Alias { of, .. } = k {
            self.canon[id.0 as usize] = self.canon[of.0 as usize];
        }
        id
    }

    /// The alias-free spelling of a composite type, if it differs.
    fn canonical_kind(&self, k: &TypeKind) -> Option<TypeKind> {
        let c = |t: &TypeId| self.canon[t.0 as usize];
        let ck = match k {
            TypeKind::Pointer(e) => TypeKind::Pointer(c(e)),
            TypeKind::Slice(e) => TypeKind::Slice(c(e)),
            TypeKind::Array(n, e) => TypeKind::Array(*n, c(e)),
            TypeKind::Struct(fs) => TypeKind::Struct(
                fs.iter()
                    .map(|f| StructField {
                        ty: c(&f.ty),
                        ..f.clone()
                    })
                    .collect(),
            ),
            TypeKind::Func(sig) => TypeKind::Func(Signature {
                params: sig.params.iter().map(c).collect(),
                results: sig.results.iter().map(c).collect(),
                variadic: sig.variadic,
            }),
            TypeKind::Tuple(ts) => TypeKind::Tuple(ts.iter().map(c).collect()),
            TypeKind::Map(k, v) => TypeKind::Map(c(k), c(v)),
            TypeKind::Chan(d, e) => TypeKind::Chan(*d, c(e)),
            TypeKind::Interface(ms) => TypeKind::Interface(
                ms.iter()
                    .map(|m| IMethod {
                        name: m.name.clone(),
                        ty: c(&m.ty),
                    })
                    .collect(),
            ),
            TypeKind::Constraint {
                methods,
                terms,
                comparable,
            } => TypeKind::Constraint {
                methods: methods
                    .iter()
                    .map(|m| IMethod {
                        name: m.name.clone(),
                        ty: c(&m.ty),
                    })
                    .collect(),
                terms: terms.as_ref().map(|ts| {
                    ts.iter()
                        .map(|t| Term {
                            tilde: t.tilde,
                            ty: c(&t.ty),
                        })
                        .collect()
                }),
                comparable: *comparable,
            },
            _ => return None,
        };
        (ck != *k).then_some(ck)
    }

    /// Go's type identity.
    pub fn identical(&self, a: TypeId, b: TypeId) -> bool {
        self.canon[a.0 as usize] == self.canon[b.0 as usize]
    }

    /// The type spelled without aliases (`[]byte` is `[]uint8`).
    pub fn canonical(&self, t: TypeId) -> TypeId {
        self.canon[t.0 as usize]
    }

    pub fn kind(&self, t: TypeId) -> &TypeKind {
        &self.kinds[t.0 as usize]
    }

    pub fn pointer(&mut self, to: TypeId) -> TypeId {
        self.intern(TypeKind::Pointer(to))
    }
    pub fn slice(&mut self, of: TypeId) -> TypeId {
        self.intern(TypeKind::Slice(of))
    }
    pub fn array(&mut self, n: u64, of: TypeId) -> TypeId {
        self.intern(TypeKind::Array(n, of))
    }
    /// The type with every struct tag in its unnamed structure removed:
    /// two types convert to each other when their underlying types are
    /// identical once tags are ignored, at every level.
    pub fn untagged(&mut self, t: TypeId) -> TypeId {
        let k = self.kind(t).clone();
        match k {
            TypeKind::Pointer(e) => {
                let e = self.untagged(e);
                self.pointer(e)
            }
            TypeKind::Slice(e) => {
                let e = self.untagged(e);
                self.slice(e)
            }
            TypeKind::Array(n, e) => {
                let e = self.untagged(e);
                self.array(n, e)
            }
            TypeKind::Map(key, v) => {
                let (key, v) = (self.untagged(key), self.untagged(v));
                self.map(key, v)
            }
            TypeKind::Chan(d, e) => {
                let e = self.untagged(e);
                self.chan(d, e)
            }
            TypeKind::Struct(fs) => {
                let fs = fs
                    .into_iter()
                    .map(|f| StructField {
                        ty: self.untagged(f.ty),
                        tag: String::new(),
                        ..f
                    })
                    .collect();
                self.structure(fs)
            }
            TypeKind::Func(sig) => {
                let sig = Signature {
                    params: sig.params.iter().map(|&p| self.untagged(p)).collect(),
                    results: sig.results.iter().map(|&r| self.untagged(r)).collect(),
                    variadic: sig.variadic,
                };
                self.func(sig)
            }
            _ => t,
        }
    }

    pub fn structure(&mut self, fields: Vec<StructField>) -> TypeId {
        self.intern(TypeKind::Struct(fields))
    }
    pub fn func(&mut self, sig: Signature) -> TypeId {
        self.intern(TypeKind::Func(sig))
    }
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Tuple(elems))
    }
    pub fn map(&mut self, k: TypeId, v: TypeId) -> TypeId {
        self.intern(TypeKind::Map(k, v))
    }
    pub fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        self.intern(TypeKind::Chan(dir, elem))
    }
    pub fn interface(&mut self, mut methods: Vec<IMethod>) -> TypeId {
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        self.intern(TypeKind::Interface(methods))
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(
            self.under(t),
            TypeKind::Interface(_) | TypeKind::Constraint { .. }
        )
    }

    /// The methods of an interface type (empty for other types).
    pub fn iface_methods(&self, t: TypeId) -> &[IMethod] {
        match self.under(t) {
            TypeKind::Interface(ms) | TypeKind::Constraint { methods: ms, .. } => ms,
            _ => &[],
        }
    }

    /// A new defined type whose underlying type is set later.
    pub fn new_named(&mut self, name: &str, pkg: &str, local: bool) -> TypeId {
        self.next_serial += 1;
        self.intern(TypeKind::Named {
            name: name.to_string(),
            pkg: pkg.to_string(),
            underlying: T_INVALID,
            serial: self.next_serial,
            local,
            origin: T_INVALID,
            targs: Vec::new(),
        })
    }

    /// A new type parameter whose constraint is set later.
    pub fn new_type_param(&mut self, name: &str) -> TypeId {
        self.next_serial += 1;
        self.intern(TypeKind::TypeParam {
            name: name.to_string(),
            serial: self.next_serial,
            constraint: T_EMPTY_IFACE,
        })
    }

    pub fn set_constraint(&mut self, tparam: TypeId, c: TypeId) {
        let mut k = self.kind(tparam).clone();
        if let TypeKind::TypeParam { constraint, .. } = &mut k {
            *constraint = c;
        }
        self.replace_kind(tparam, k);
    }

    /// Changes what a type that is never deduplicated (a defined type or a
    /// type parameter) is, keeping its id.
    pub(super) fn replace_kind(&mut self, t: TypeId, k: TypeKind) {
        let old = std::mem::replace(&mut self.kinds[t.0 as usize], k.clone());
        self.interned.remove(&old);
        self.interned.insert(k, t);
    }

    /// Sets a defined type's underlying type to that of `under`. Returns
    /// the cycle, if `under` is a defined type that (through others) is
    /// declared as `named` itself (`type A B; type B A`): the types from
    /// `named` on, each declared as the next.
    pub fn set_underlying(&mut self, named: TypeId, under: TypeId) -> Option<Vec<TypeId>> {
        // `type T2 T1` while T1 is still being declared (`type T1 struct {
        // next *T2 }`): T2 gets T1's underlying type once T1 has it.
        if matches!(self.kind(under), TypeKind::Named { .. })
            && self.underlying(under) == T_INVALID
            && under != named
        {
            let mut cycle = vec![named, under];
            let mut cur = under;
            while let Some(&next) = self.declared_as.get(&cur) {
                if next == named {
                    return Some(cycle);
                }
                cycle.push(next);
                cur = next;
            }
            self.declared_as.insert(named, under);
            self.awaiting_underlying
                .entry(under)
                .or_default()
                .push(named);
            return None;
        }
        let under = self.underlying(under);
        self.set_underlying_only(named, under);
        if self.tparams.contains_key(&named) {
            self.complete_instances(named);
        }
        for waiting in self.awaiting_underlying.remove(&named).unwrap_or_default() {
            self.declared_as.remove(&waiting);
            self.set_underlying(waiting, named);
        }
        None
    }

    pub(super) fn set_underlying_only(&mut self, named: TypeId, under: TypeId) {
        let mut k = self.kind(named).clone();
        if let TypeKind::Named { underlying, .. } = &mut k {
            *underlying = under;
        }
        self.replace_kind(named, k);
    }

    /// The underlying type: itself for every type but a named one. For a
    /// type parameter, its core type when it has one (the single underlying
    /// type of its type set, which is what indexing, ranging, composite
    /// literals and the like see), else itself.
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match self.kind(t) {
            TypeKind::Named { underlying, .. } => *underlying,
            TypeKind::Alias { of, .. } => *of,
            TypeKind::TypeParam { constraint, .. } => self.core_of(*constraint).unwrap_or(t),
            _ => t,
        }
    }

    pub fn under(&self, t: TypeId) -> &TypeKind {
        self.kind(self.underlying(t))
    }

    pub fn basic(&self, t: TypeId) -> Option<Basic> {
        match self.under(t) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }

    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(
            self.kind(t),
            TypeKind::Named { .. } | TypeKind::Alias { .. } | TypeKind::TypeParam { .. }
        ) || (t.0 as usize) < BASICS.len()
    }

    pub fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::Basic(b) if b.is_untyped())
    }
    pub fn is_integer(&self, t: TypeId) -> bool {
        self.all_basic(t, Basic::is_integer)
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        self.all_basic(t, Basic::is_unsigned)
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        self.all_basic(t, Basic::is_float)
    }
    pub fn is_complex(&self, t: TypeId) -> bool {
        self.all_basic(t, Basic::is_complex)
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        self.all_basic(t, Basic::is_numeric)
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.all_basic(t, Basic::is_string)
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        self.all_basic(t, Basic::is_boolean)
    }
    pub fn is_pointer(&self, t: TypeId) -> bool {
        matches!(self.under(t), TypeKind::Pointer(_))
    }

    /// Types whose values may be compared with `==`.
    pub fn comparable(&self, t: TypeId) -> bool {
        if let TypeKind::TypeParam { constraint, .. } = self.kind(t) {
            return self.typeset_comparable(*constraint);
        }
        match self.under(t) {
            TypeKind::Basic(b) => *b != Basic::UntypedNil,
            TypeKind::Pointer(_) | TypeKind::Chan(..) => true,
            TypeKind::Array(_, e) => self.comparable(*e),
            TypeKind::Interface(_) => true,
            TypeKind::Struct(fs) => fs.iter().all(|f| self.comparable(f.ty)),
            _ => false,
        }
    }

    /// Types whose values may be ordered with `<`.
    pub fn ordered(&self, t: TypeId) -> bool {
        self.all_basic(t, |b| b.is_integer() || b.is_float() || b.is_string())
    }

    /// Types that may be compared with the untyped nil.
    pub fn nillable(&self, t: TypeId) -> bool {
        if let Some(terms) = self.tparam_terms(t) {
            return !terms.is_empty() && terms.iter().all(|tm| self.nillable(tm.ty));
        }
        matches!(
            self.under(t),
            TypeKind::Pointer(_)
                | TypeKind::Slice(_)
                | TypeKind::Func(_)
                | TypeKind::Interface(_)
                | TypeKind::Map(..)
                | TypeKind::Chan(..)
        ) || matches!(
            self.basic(t),
            Some(Basic::UntypedNil | Basic::UnsafePointer)
        )
    }

    /// The default type of an untyped constant kind.
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.kind(t) {
            TypeKind::Basic(Basic::UntypedBool) => T_BOOL,
            TypeKind::Basic(Basic::UntypedInt) => T_INT,
            TypeKind::Basic(Basic::UntypedRune) => T_RUNE,
            TypeKind::Basic(Basic::UntypedFloat) => T_FLOAT64,
            TypeKind::Basic(Basic::UntypedComplex) => T_COMPLEX128,
            TypeKind::Basic(Basic::UntypedString) => T_STRING,
            _ => t,
        }
    }

    /// Go's spelling of a type with every defined type qualified by its
    /// package (`[]main.T`), as the runtime prints types.
    pub fn name(&self, t: TypeId) -> String {
        self.name_in(t, "")
    }

    /// Go's spelling of a type as the type checker writes it in messages
    /// about package `cur`: defined types of `cur` are not qualified.
    pub fn name_in(&self, t: TypeId, cur: &str) -> String {
        let mut s = String::new();
        self.write_name(t, cur, &mut s);
        s
    }

    fn write_name(&self, t: TypeId, cur: &str, s: &mut String) {
        match self.kind(t) {
            TypeKind::Basic(b) => {
                // byte and rune are aliases; Go prints their real names.
                s.push_str(b.name())
            }
            TypeKind::Pointer(e) => {
                s.push('*');
                self.write_name(*e, cur, s)
            }
            TypeKind::Slice(e) => {
                s.push_str("[]");
                self.write_name(*e, cur, s)
            }
            TypeKind::Array(n, e) => {
                s.push_str(&format!("[{n}]"));
                self.write_name(*e, cur, s)
            }
            TypeKind::Struct(fs) => {
                // The runtime's (reflect's) spelling is `struct { A int;
                // B string "tag" }`, the checker's `struct{A int; B string
                // "tag"}`.
                let runtime = cur.is_empty();
                s.push_str(match (runtime, fs.is_empty()) {
                    (true, true) => "struct {}",
                    (true, false) => "struct { ",
                    (false, _) => "struct{",
                });
                for (i, f) in fs.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_name(f.ty, cur, s);
                    if !f.tag.is_empty() {
                        s.push(' ');
                        s.push_str(&super::constant::quote(f.tag.as_bytes()));
                    }
                }
                s.push_str(match (runtime, fs.is_empty()) {
                    (true, true) => "",
                    (true, false) => " }",
                    (false, _) => "}",
                });
            }
            TypeKind::Func(sig) => {
                s.push_str("func");
                self.write_sig(sig, cur, s);
            }
            TypeKind::Map(k, v) => {
                s.push_str("map[");
                self.write_name(*k, cur, s);
                s.push(']');
                self.write_name(*v, cur, s);
            }
            TypeKind::Chan(dir, e) => {
                s.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                // `chan (<-chan T)`: otherwise it would read as `chan<- chan T`.
                let paren = *dir == ChanDir::Both
                    && matches!(self.kind(*e), TypeKind::Chan(ChanDir::Recv, _));
                if paren {
                    s.push('(');
                }
                self.write_name(*e, cur, s);
                if paren {
                    s.push(')');
                }
            }
            TypeKind::Interface(ms) => {
                // Go's checker writes `interface{M()}`; the runtime (`%T`)
                // writes `interface { M() }`.
                let rt = cur.is_empty();
                if ms.is_empty() {
                    s.push_str(if rt { "interface {}" } else { "interface{}" });
                    return;
                }
                s.push_str(if rt { "interface { " } else { "interface{" });
                for (i, m) in ms.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    s.push_str(&m.name);
                    if let TypeKind::Func(sig) = self.kind(m.ty) {
                        self.write_sig(sig, cur, s);
                    }
                }
                s.push_str(if rt { " }" } else { "}" });
            }
            TypeKind::Tuple(ts) => {
                s.push('(');
                for (i, e) in ts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_name(*e, cur, s);
                }
                s.push(')');
            }
            // The runtime (unqualified spelling) knows no aliases.
            TypeKind::Alias { name, of } => {
                if cur.is_empty() {
                    self.write_name(*of, cur, s)
                } else {
                    s.push_str(name)
                }
            }
            TypeKind::Named {
                name, pkg, targs, ..
            } => {
                if !pkg.is_empty() && pkg != cur {
                    s.push_str(pkg);
                    s.push('.');
                }
                s.push_str(name);
                if !targs.is_empty() {
                    // The checker writes `Pair[string, int]`, the runtime
                    // `main.Pair[string,int]`.
                    s.push('[');
                    for (i, &a) in targs.iter().enumerate() {
                        if i > 0 {
                            s.push_str(if cur.is_empty() { "," } else { ", " });
                        }
                        self.write_name(a, cur, s);
                    }
                    s.push(']');
                }
            }
            TypeKind::TypeParam { name, .. } => s.push_str(name),
            TypeKind::Constraint {
                methods,
                terms,
                comparable,
            } => {
                let mut elems: Vec<String> = Vec::new();
                if *comparable {
                    elems.push("comparable".into());
                }
                for m in methods {
                    let mut e = m.name.clone();
                    if let TypeKind::Func(sig) = self.kind(m.ty) {
                        self.write_sig(sig, cur, &mut e);
                    }
                    elems.push(e);
                }
                if let Some(ts) = terms {
                    elems.push(self.terms_string(ts, cur));
                }
                if elems.len() == 1 && methods.is_empty() && !*comparable {
                    s.push_str(&elems[0]);
                } else {
                    s.push_str("interface{");
                    s.push_str(&elems.join("; "));
                    s.push('}');
                }
            }
        }
    }

    /// A union as Go writes it: `~int | ~float64`.
    pub fn terms_string(&self, terms: &[Term], cur: &str) -> String {
        let mut s = String::new();
        for (i, t) in terms.iter().enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            if t.tilde {
                s.push('~');
            }
            self.write_name(t.ty, cur, &mut s);
        }
        s
    }

    pub fn write_sig(&self, sig: &Signature, cur: &str, s: &mut String) {
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                if let TypeKind::Slice(e) = self.kind(*p) {
                    self.write_name(*e, cur, s);
                    continue;
                }
            }
            self.write_name(*p, cur, s);
        }
        s.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                s.push(' ');
                self.write_name(sig.results[0], cur, s);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_name(*r, cur, s);
                }
                s.push(')');
            }
        }
    }
}
