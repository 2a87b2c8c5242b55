//! Reading type descriptors.
//!
//! The compiler emits one read-only descriptor per Go type the runtime must
//! know (layout: `goc_abi::typedesc`). [`Type`] wraps a pointer to one and
//! reads its fields at the ABI's offsets, so no other runtime file needs to
//! know those offsets.
//!
//! Invariants: a `Type` is never built from a null pointer (callers check
//! for nil interfaces first); descriptors are immutable and live for the
//! whole run, so copies of a `Type` never dangle.

use goc_abi::typedesc as td;

/// A non-null pointer to a type descriptor.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Type(pub *const u8);

impl Type {
    /// # Safety
    /// `p` must point to a valid descriptor.
    #[inline(always)]
    pub unsafe fn from_ptr(p: *const u8) -> Type {
        Type(p)
    }

    #[inline(always)]
    fn read<T: Copy>(self, off: i32) -> T {
        unsafe { core::ptr::read_unaligned(self.0.add(off as usize) as *const T) }
    }

    /// Size of a value in bytes.
    #[inline(always)]
    pub fn size(self) -> usize {
        self.read::<u64>(td::SIZE) as usize
    }
    /// Length of the prefix that may hold pointers.
    #[inline(always)]
    pub fn ptrdata(self) -> usize {
        self.read::<u64>(td::PTRDATA) as usize
    }
    /// The type's GC shape (goc_abi::gcshape), null when it has no pointers.
    #[inline(always)]
    pub fn gcdata(self) -> *const u8 {
        self.read::<usize>(td::GCDATA) as *const u8
    }
    /// Hash of the type's identity.
    #[inline(always)]
    pub fn hash(self) -> u32 {
        self.read::<u32>(td::HASH)
    }
    #[inline(always)]
    pub fn kind(self) -> u8 {
        self.read::<u8>(td::KIND)
    }
    #[inline(always)]
    pub fn align(self) -> usize {
        (self.read::<u8>(td::ALIGN) as usize).max(1)
    }
    #[inline(always)]
    pub fn flags(self) -> u8 {
        self.read::<u8>(td::FLAGS)
    }
    #[inline(always)]
    pub fn comparable(self) -> bool {
        self.flags() & td::FLAG_COMPARABLE != 0
    }
    #[inline(always)]
    pub fn regular_memory(self) -> bool {
        self.flags() & td::FLAG_REGULAR_MEMORY != 0
    }
    /// Values are stored directly in an interface's data word.
    #[inline(always)]
    pub fn direct_iface(self) -> bool {
        self.flags() & td::FLAG_DIRECT_IFACE != 0
    }
    /// Address of the equality function, or 0.
    #[inline(always)]
    pub fn equal_fn(self) -> usize {
        self.read::<u64>(td::EQUAL) as usize
    }
    /// Address of the hash function, or 0.
    #[inline(always)]
    pub fn hash_fn(self) -> usize {
        self.read::<u64>(td::HASHFN) as usize
    }
    /// The type's name as Go's `%T` prints it.
    pub fn name(self) -> &'static [u8] {
        let p = self.read::<u64>(td::NAME) as *const u8;
        let n = self.read::<i64>(td::NAME + 8);
        if p.is_null() || n <= 0 {
            return b"";
        }
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    }
    /// Element type (pointer, slice, array, channel) or value type (map).
    #[inline(always)]
    pub fn elem(self) -> Type {
        Type(self.read::<u64>(td::ELEM) as *const u8)
    }
    /// Key type of a map.
    #[inline(always)]
    pub fn key(self) -> Type {
        Type(self.read::<u64>(td::KEY) as *const u8)
    }
    /// Length of an array type.
    #[inline(always)]
    pub fn array_len(self) -> usize {
        self.read::<u64>(td::KEY) as usize
    }
    /// Number of struct fields.
    #[inline(always)]
    pub fn nfields(self) -> usize {
        self.read::<u64>(td::NFIELDS) as usize
    }
    /// Struct field `i` (`i < nfields()`).
    pub fn field(self, i: usize) -> Field {
        let base = self.read::<u64>(td::FIELDS) as *const u8;
        Field(unsafe { base.add(i * td::field::SIZE_OF) })
    }
    /// Whether a non-empty interface type (has methods); only meaningful
    /// for kind interface.
    #[inline(always)]
    pub fn nmethods(self) -> usize {
        self.read::<u64>(td::NMETHODS) as usize
    }
}

/// A struct field entry of a descriptor.
#[derive(Clone, Copy)]
pub struct Field(*const u8);

impl Field {
    fn read<T: Copy>(self, off: i32) -> T {
        unsafe { core::ptr::read_unaligned(self.0.add(off as usize) as *const T) }
    }
    pub fn name(self) -> &'static [u8] {
        let p = self.read::<u64>(td::field::NAME) as *const u8;
        let n = self.read::<i64>(td::field::NAME + 8);
        if p.is_null() || n <= 0 {
            return b"";
        }
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    }
    pub fn typ(self) -> Type {
        Type(self.read::<u64>(td::field::TYP) as *const u8)
    }
    pub fn offset(self) -> usize {
        self.read::<u64>(td::field::OFFSET) as usize
    }
    /// An embedded field.
    pub fn embedded(self) -> bool {
        self.read::<u64>(td::field::EMBEDDED) != 0
    }
}

/// The dynamic type behind an interface's first word: for an empty
/// interface the word is the descriptor; for a non-empty one an itab whose
/// `TYPE` word is. None for a nil interface.
///
/// # Safety
/// `word0` must be an interface's first word of the stated kind.
#[inline(always)]
pub unsafe fn iface_dyn_type(word0: *const u8, empty: bool) -> Option<Type> {
    if word0.is_null() {
        return None;
    }
    if empty {
        Some(Type(word0))
    } else {
        let t = core::ptr::read(word0.add(goc_abi::itab::TYPE as usize) as *const *const u8);
        Some(Type(t))
    }
}
