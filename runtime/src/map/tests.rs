//! Host tests of the map: descriptors built in memory, a std HashMap as the
//! model.

use super::*;
use crate::hash::tests::{any_desc, float64_desc, int64_desc, string_desc, Desc};
use crate::hash::{goc_memhash, goc_strhash};
use goc_abi::typedesc as td;
use std::collections::{HashMap, HashSet};

const RM: u8 = td::FLAG_COMPARABLE | td::FLAG_REGULAR_MEMORY;

/// A small deterministic generator for test data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A byte array type `[n]byte` (plain memory).
fn bytes_desc(n: u64) -> Box<Desc> {
    let mut d = Desc::new(n, td::KIND_ARRAY, 1, RM);
    d.put(td::KEY, n);
    d
}

fn map_desc(k: &Desc, v: &Desc) -> Box<Desc> {
    let mut d = Desc::new(8, td::KIND_MAP, 8, 0);
    d.put(td::KEY, k.0.as_ptr() as u64);
    d.put(td::ELEM, v.0.as_ptr() as u64);
    d
}

/// A map with byte-vector keys and values, for tests. Keys are passed as
/// their in-memory representation.
struct TMap {
    _k: Box<Desc>,
    v: Box<Desc>,
    t: Box<Desc>,
    m: *mut Map,
}

impl TMap {
    fn new(k: Box<Desc>, v: Box<Desc>, hint: i64) -> TMap {
        let t = map_desc(&k, &v);
        let m = unsafe { goc_makemap(t.0.as_ptr(), hint) };
        TMap { _k: k, v, t, m }
    }
    fn tp(&self) -> *const u8 {
        self.t.0.as_ptr()
    }
    fn vsize(&self) -> usize {
        self.v.t().size()
    }
    fn len(&self) -> usize {
        unsafe { ptr::read(self.m as *const u64) as usize }
    }
    fn get(&self, k: &[u8]) -> Option<Vec<u8>> {
        let p = unsafe { goc_mapaccess(self.tp(), self.m, k.as_ptr()) };
        if p.is_null() {
            None
        } else {
            Some(unsafe { std::slice::from_raw_parts(p, self.vsize()) }.to_vec())
        }
    }
    fn set(&self, k: &[u8], v: &[u8]) {
        assert_eq!(v.len(), self.vsize());
        let p = unsafe { goc_mapassign(self.tp(), self.m, k.as_ptr()) };
        unsafe { ptr::copy_nonoverlapping(v.as_ptr(), p, v.len()) };
    }
    fn del(&self, k: &[u8]) {
        unsafe { goc_mapdelete(self.tp(), self.m, k.as_ptr()) }
    }
    fn clear(&self) {
        unsafe { goc_mapclear(self.tp(), self.m) }
    }
    fn iter(&self) -> It<'_> {
        let mut it = Box::new([0u64; abi::iter::SIZE_OF / 8]);
        unsafe { goc_mapiterinit(self.tp(), self.m, it.as_mut_ptr() as *mut Iter) };
        It {
            m: self,
            it,
            first: true,
        }
    }
    fn key_size(&self) -> usize {
        self._k.t().size()
    }
    /// All entries, by iteration.
    fn entries(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        self.iter().collect()
    }
}

struct It<'a> {
    m: &'a TMap,
    it: Box<[u64; abi::iter::SIZE_OF / 8]>,
    first: bool,
}

impl Iterator for It<'_> {
    type Item = (Vec<u8>, Vec<u8>);
    fn next(&mut self) -> Option<Self::Item> {
        let it = self.it.as_mut_ptr() as *mut Iter;
        if !self.first {
            unsafe { goc_mapiternext(it) };
        }
        self.first = false;
        let (k, v) = unsafe { ((*it).key, (*it).elem) };
        if k.is_null() {
            return None;
        }
        unsafe {
            Some((
                std::slice::from_raw_parts(k, self.m.key_size()).to_vec(),
                std::slice::from_raw_parts(v, self.m.vsize()).to_vec(),
            ))
        }
    }
}

fn k64(x: u64) -> Vec<u8> {
    x.to_le_bytes().to_vec()
}

fn val(size: usize, x: u64) -> Vec<u8> {
    (0..size)
        .map(|i| (x >> ((i % 8) * 8)) as u8 ^ i as u8)
        .collect()
}

/// A Go string value for `s` (the bytes leaked, as Go's would be heap
/// objects).
fn gostr(s: String) -> Vec<u8> {
    let b: &'static [u8] = Box::leak(s.into_bytes().into_boxed_slice());
    let mut v = (b.as_ptr() as u64).to_le_bytes().to_vec();
    v.extend_from_slice(&(b.len() as u64).to_le_bytes());
    v
}

fn str_of(k: &[u8]) -> String {
    let p = u64::from_le_bytes(k[..8].try_into().unwrap()) as *const u8;
    let n = u64::from_le_bytes(k[8..16].try_into().unwrap()) as usize;
    String::from_utf8(unsafe { std::slice::from_raw_parts(p, n) }.to_vec()).unwrap()
}

// A struct key `{a int32; _ [4]byte padding; b int64}` whose padding is
// not part of the value: custom equality and hash ignore it.
unsafe extern "C" fn pair_equal(a: *const u8, b: *const u8) -> bool {
    ptr::read_unaligned(a as *const i32) == ptr::read_unaligned(b as *const i32)
        && ptr::read_unaligned(a.add(8) as *const i64)
            == ptr::read_unaligned(b.add(8) as *const i64)
}
unsafe extern "C" fn pair_hash(p: *const u8, seed: u64) -> u64 {
    let h = goc_memhash(p, seed, 4);
    goc_memhash(p.add(8), h, 8)
}
fn pair_desc() -> Box<Desc> {
    Desc::new(16, td::KIND_STRUCT, 8, td::FLAG_COMPARABLE)
        .funcs(
            pair_equal as *const () as usize,
            pair_hash as *const () as usize,
        )
        .named("main.pair")
}
fn pair_key(a: i32, b: i64, pad: u32) -> Vec<u8> {
    let mut v = a.to_le_bytes().to_vec();
    v.extend_from_slice(&pad.to_le_bytes());
    v.extend_from_slice(&b.to_le_bytes());
    v
}

/// Random inserts, overwrites, lookups and deletes against a std HashMap.
fn model_test(m: &TMap, n_ops: usize, key_space: u64, mk: &dyn Fn(u64) -> Vec<u8>, seed: u64) {
    model_test_canon(m, n_ops, key_space, mk, &|k| k.to_vec(), seed)
}

/// The same, with `canon` mapping a key's bytes to its identity (string
/// contents, struct fields without padding).
fn model_test_canon(
    m: &TMap,
    n_ops: usize,
    key_space: u64,
    mk: &dyn Fn(u64) -> Vec<u8>,
    canon: &dyn Fn(&[u8]) -> Vec<u8>,
    seed: u64,
) {
    let mut rng = Rng(seed);
    let mut model: HashMap<u64, Vec<u8>> = HashMap::new();
    let vs = m.vsize();
    for op in 0..n_ops {
        let x = rng.below(key_space);
        let k = mk(x);
        match rng.below(10) {
            0..=4 => {
                let v = val(vs, op as u64 * 31 + x);
                m.set(&k, &v);
                model.insert(x, v);
            }
            5..=6 => {
                m.del(&k);
                model.remove(&x);
            }
            _ => assert_eq!(m.get(&k), model.get(&x).cloned(), "op {op} key {x}"),
        }
        assert_eq!(m.len(), model.len());
    }
    for x in 0..key_space {
        assert_eq!(m.get(&mk(x)), model.get(&x).cloned(), "key {x}");
    }
    // Iteration produces exactly the model.
    let mut by_key: HashMap<Vec<u8>, u64> = HashMap::new();
    for x in model.keys() {
        by_key.insert(canon(&mk(*x)), *x);
    }
    let mut seen = HashSet::new();
    for (k, v) in m.entries() {
        let x = *by_key
            .get(&canon(&k))
            .expect("iteration produced an unknown key");
        assert!(seen.insert(x), "key {x} produced twice");
        assert_eq!(&v, &model[&x]);
    }
    assert_eq!(seen.len(), model.len());
}

#[test]
fn int64_keys_against_model() {
    for (vs, hint) in [(8u64, 0i64), (0, 0), (1, 100), (24, 0), (100, 5000)] {
        let m = TMap::new(int64_desc(), bytes_desc(vs), hint);
        model_test(
            &m,
            100_000,
            20_000,
            &|x| k64(x.wrapping_mul(0x1234_5678_9abc_def1)),
            vs + 1,
        );
    }
}

#[test]
fn int32_and_odd_sized_keys_against_model() {
    let m = TMap::new(Desc::new(4, td::KIND_INT32, 4, RM), bytes_desc(8), 0);
    model_test(&m, 50_000, 5_000, &|x| (x as u32).to_le_bytes().to_vec(), 1);
    let m = TMap::new(bytes_desc(3), bytes_desc(5), 0);
    model_test(
        &m,
        50_000,
        5_000,
        &|x| (x as u32).to_le_bytes()[..3].to_vec(),
        2,
    );
    let m = TMap::new(bytes_desc(40), bytes_desc(2), 0);
    model_test(&m, 50_000, 5_000, &|x| val(40, x * 77), 3);
}

#[test]
fn string_keys_against_model() {
    // Keys are distinct string objects each time: equality is by content.
    let m = TMap::new(string_desc(), bytes_desc(24), 0);
    model_test_canon(
        &m,
        100_000,
        20_000,
        &|x| gostr(format!("key-{x}-{}", "x".repeat((x % 40) as usize))),
        &|k| str_of(k).into_bytes(),
        4,
    );
    let m = TMap::new(string_desc(), bytes_desc(8), 0);
    m.set(&gostr(String::new()), &val(8, 1));
    assert_eq!(m.get(&gostr(String::new())), Some(val(8, 1)));
    assert_eq!(m.len(), 1);
}

#[test]
fn string_key_update_on_overwrite() {
    // Go keeps the newest key object on overwrite.
    let m = TMap::new(string_desc(), bytes_desc(8), 0);
    let (k1, k2) = (gostr("same".into()), gostr("same".into()));
    m.set(&k1, &val(8, 1));
    m.set(&k2, &val(8, 2));
    let e = m.entries();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].0, k2);
    assert_eq!(str_of(&e[0].0), "same");
}

#[test]
fn struct_keys_with_custom_functions() {
    let m = TMap::new(pair_desc(), bytes_desc(8), 0);
    model_test_canon(
        &m,
        50_000,
        10_000,
        &|x| pair_key(x as i32 % 100, (x / 100) as i64, x as u32),
        &|k| [&k[..4], &k[8..]].concat(),
        5,
    );
    // Padding bytes do not matter.
    let m = TMap::new(pair_desc(), bytes_desc(8), 0);
    m.set(&pair_key(1, 2, 0xdead), &val(8, 7));
    assert_eq!(m.get(&pair_key(1, 2, 0xbeef)), Some(val(8, 7)));
    m.set(&pair_key(1, 2, 0), &val(8, 8));
    assert_eq!(m.len(), 1);
    m.del(&pair_key(1, 2, 5));
    assert_eq!(m.len(), 0);
}

#[test]
fn interface_keys() {
    // map[any]int with int64, string and float64 dynamic values.
    let (int, st, flt) = (int64_desc(), string_desc(), float64_desc());
    let m = TMap::new(any_desc(), bytes_desc(8), 0);
    let boxed = |t: &Desc, v: Vec<u8>| {
        let data: &'static [u8] = Box::leak(v.into_boxed_slice());
        let mut k = (t.0.as_ptr() as u64).to_le_bytes().to_vec();
        k.extend_from_slice(&(data.as_ptr() as u64).to_le_bytes());
        k
    };
    for i in 0..1000u64 {
        m.set(&boxed(&int, k64(i)), &val(8, i));
        m.set(&boxed(&st, gostr(format!("{i}"))), &val(8, i + 5000));
        m.set(
            &boxed(&flt, (i as f64).to_le_bytes().to_vec()),
            &val(8, i + 9000),
        );
    }
    assert_eq!(m.len(), 3000);
    for i in 0..1000u64 {
        assert_eq!(m.get(&boxed(&int, k64(i))), Some(val(8, i)));
        assert_eq!(
            m.get(&boxed(&st, gostr(format!("{i}")))),
            Some(val(8, i + 5000))
        );
        assert_eq!(
            m.get(&boxed(&flt, (i as f64).to_le_bytes().to_vec())),
            Some(val(8, i + 9000))
        );
    }
    // -0.0 finds 0.0; a nil interface is a key too.
    assert_eq!(
        m.get(&boxed(&flt, (-0.0f64).to_le_bytes().to_vec())),
        Some(val(8, 9000))
    );
    assert_eq!(m.get(&[0u8; 16]), None);
    m.set(&[0u8; 16], &val(8, 1));
    assert_eq!(m.get(&[0u8; 16]), Some(val(8, 1)));
    assert_eq!(m.len(), 3001);
}

#[test]
fn nil_map_reads() {
    let k = int64_desc();
    let v = bytes_desc(8);
    let t = map_desc(&k, &v);
    let key = k64(1);
    unsafe {
        assert!(goc_mapaccess(t.0.as_ptr(), ptr::null(), key.as_ptr()).is_null());
        goc_mapdelete(t.0.as_ptr(), ptr::null_mut(), key.as_ptr());
        goc_mapclear(t.0.as_ptr(), ptr::null_mut());
        let mut it = [0u64; abi::iter::SIZE_OF / 8];
        goc_mapiterinit(t.0.as_ptr(), ptr::null_mut(), it.as_mut_ptr() as *mut Iter);
        assert_eq!(it[0], 0);
        goc_mapiternext(it.as_mut_ptr() as *mut Iter);
        assert_eq!(it[0], 0);
    }
    // Empty (non-nil) maps too.
    let m = TMap::new(int64_desc(), bytes_desc(8), 0);
    assert_eq!(m.get(&key), None);
    m.del(&key);
    assert_eq!(m.entries().len(), 0);
}

#[test]
fn hints() {
    for hint in [-1i64, i64::MIN, i64::MAX, 1 << 60] {
        let m = TMap::new(int64_desc(), bytes_desc(8), hint);
        m.set(&k64(1), &val(8, 1));
        assert_eq!(m.get(&k64(1)), Some(val(8, 1)));
    }
    // A hint is room enough: no resize until that many entries.
    for hint in [1i64, 7, 8, 100, 1000, 4097] {
        let m = TMap::new(int64_desc(), bytes_desc(8), hint);
        let table = unsafe { (*m.m).groups };
        for i in 0..hint as u64 {
            m.set(&k64(i), &val(8, i));
        }
        assert_eq!(unsafe { (*m.m).groups }, table, "hint {hint}");
    }
}

#[test]
fn growth_and_tombstone_cleanup() {
    let m = TMap::new(int64_desc(), bytes_desc(8), 0);
    for i in 0..100_000u64 {
        m.set(&k64(i), &val(8, i));
    }
    let ngroups = unsafe { (*m.m).mask + 1 };
    assert!(
        ngroups * 7 >= 100_000 && ngroups * 7 / 2 < 100_000,
        "{ngroups} groups"
    );
    // Churn at a constant size: the table may double once (it was 87%
    // full), then tombstones are cleaned up by same-size rehashes and the
    // table does not keep growing.
    let churn = |from: u64, to: u64| {
        for i in from..to {
            m.del(&k64(i - 100_000));
            m.set(&k64(i), &val(8, i));
        }
    };
    churn(100_000, 600_000);
    let ngroups2 = unsafe { (*m.m).mask + 1 };
    assert!(ngroups2 <= 2 * ngroups);
    churn(600_000, 1_500_000);
    assert_eq!(m.len(), 100_000);
    assert_eq!(unsafe { (*m.m).mask + 1 }, ngroups2);
    for i in 1_400_000..1_500_000u64 {
        assert_eq!(m.get(&k64(i)), Some(val(8, i)));
    }
    assert_eq!(m.get(&k64(1_399_999)), None);
}

/// Average number of extra groups probed to find each key.
fn probe_stats(m: &TMap, keys: &[Vec<u8>]) -> f64 {
    let mr = unsafe { &*m.m };
    let mut total = 0usize;
    for k in keys {
        let h = unsafe { K64::hash(m._k.t(), k.as_ptr(), mr.seed) };
        let mut g = h1(h) & mr.mask;
        let mut step = 0;
        loop {
            let grp = mr.group(g);
            let ctrl = unsafe { load_ctrl(grp) };
            let mut bits = match_byte(ctrl, h2(h));
            let mut found = false;
            while bits != 0 {
                if unsafe { K64::eq(m._k.t(), mr.slot(grp, first(bits)), k.as_ptr()) } {
                    found = true;
                }
                bits &= bits - 1;
            }
            if found {
                break;
            }
            step += 1;
            g = (g + step) & mr.mask;
        }
        total += step;
    }
    total as f64 / keys.len() as f64
}

#[test]
fn hash_quality_on_structured_keys() {
    // Sequential, strided and high-bit-only integer keys all spread well.
    for shift in [0u32, 3, 7, 12, 32, 48, 56] {
        let m = TMap::new(int64_desc(), bytes_desc(8), 0);
        let keys: Vec<Vec<u8>> = (0..50_000u64).map(|i| k64(i.rotate_left(shift))).collect();
        for k in &keys {
            m.set(k, &val(8, 0));
        }
        assert_eq!(m.len(), keys.len());
        let avg = probe_stats(&m, &keys);
        assert!(avg < 0.5, "shift {shift}: average extra probes {avg}");
    }
}

#[test]
fn iteration_produces_each_entry_once() {
    for n in [0u64, 1, 5, 7, 8, 9, 63, 64, 1000, 30_000] {
        let m = TMap::new(int64_desc(), bytes_desc(16), 0);
        for i in 0..n {
            m.set(&k64(i), &val(16, i));
        }
        let mut seen = HashSet::new();
        for (k, v) in m.entries() {
            let x = u64::from_le_bytes(k.try_into().unwrap());
            assert!(x < n);
            assert_eq!(v, val(16, x));
            assert!(seen.insert(x), "{x} twice");
        }
        assert_eq!(seen.len() as u64, n);
    }
}

#[test]
fn iteration_order_is_random() {
    let m = TMap::new(int64_desc(), bytes_desc(8), 0);
    for i in 0..100u64 {
        m.set(&k64(i), &val(8, i));
    }
    let orders: Vec<Vec<Vec<u8>>> = (0..20)
        .map(|_| m.entries().into_iter().map(|(k, _)| k).collect())
        .collect();
    let distinct: HashSet<_> = orders.iter().collect();
    assert!(
        distinct.len() >= 15,
        "only {} distinct orders of 20",
        distinct.len()
    );
    // Even a map of 3 entries starts at different keys.
    let m = TMap::new(int64_desc(), bytes_desc(8), 0);
    for i in 0..3u64 {
        m.set(&k64(i), &val(8, i));
    }
    let firsts: HashSet<Vec<u8>> = (0..100).map(|_| m.entries()[0].0.clone()).collect();
    assert_eq!(firsts.len(), 3);
}

#[test]
fn delete_during_iteration() {
    for grow in [false, true] {
        let n = 5000u64;
        let m = TMap::new(int64_desc(), bytes_desc(8), 0);
        for i in 0..n {
            m.set(&k64(i), &val(8, i));
        }
        let mut rng = Rng(grow as u64);
        let mut produced = HashSet::new();
        let mut deleted = HashSet::new();
        let mut steps = 0;
        for (k, _) in m.iter() {
            let x = u64::from_le_bytes(k.try_into().unwrap());
            assert!(!deleted.contains(&x), "deleted key {x} produced");
            assert!(produced.insert(x), "{x} twice");
            steps += 1;
            if steps == 10 && grow {
                // Force the map to a new table mid-iteration.
                for i in n..n * 4 {
                    m.set(&k64(i), &val(8, i));
                }
            }
            // Delete a random key (maybe already produced).
            let d = rng.below(n);
            m.del(&k64(d));
            deleted.insert(d);
            if grow && steps % 7 == 0 {
                for i in n..n * 4 {
                    m.del(&k64(i));
                    m.set(&k64(i), &val(8, i));
                }
            }
        }
        for i in 0..n {
            if !deleted.contains(&i) {
                assert!(
                    produced.contains(&i),
                    "live key {i} not produced (grow={grow})"
                );
            }
        }
    }
}

#[test]
fn insert_during_iteration() {
    for n in [3u64, 100, 5000] {
        let m = TMap::new(int64_desc(), bytes_desc(8), 0);
        for i in 0..n {
            m.set(&k64(i), &val(8, i));
        }
        let mut produced = HashSet::new();
        let mut next = n;
        let table0 = unsafe { (*m.m).groups };
        for (k, v) in m.iter() {
            let x = u64::from_le_bytes(k.try_into().unwrap());
            assert!(produced.insert(x), "{x} twice");
            assert!(x < next);
            // Values are current: old keys are updated below before they
            // are reached.
            if x < n && produced.len() > 1 {
                assert_eq!(v, val(8, x + 1_000_000), "key {x}");
            }
            if produced.len() == 1 {
                for i in 0..n {
                    m.set(&k64(i), &val(8, i + 1_000_000));
                }
            }
            for _ in 0..10 {
                m.set(&k64(next), &val(8, next));
                next += 1;
            }
        }
        assert_ne!(unsafe { (*m.m).groups }, table0, "the map grew");
        for i in 0..n {
            assert!(produced.contains(&i), "old key {i} not produced");
        }
        assert_eq!(m.len() as u64, next);
    }
}

#[test]
fn update_after_growth_is_seen() {
    let m = TMap::new(int64_desc(), bytes_desc(8), 0);
    for i in 0..1000u64 {
        m.set(&k64(i), &val(8, i));
    }
    let mut first = true;
    let mut count = 0;
    for (k, v) in m.iter() {
        let x = u64::from_le_bytes(k.try_into().unwrap());
        if first {
            first = false;
            for i in 1000..10_000u64 {
                m.set(&k64(i), &val(8, i));
            }
            for i in 0..1000u64 {
                m.set(&k64(i), &val(8, i + 7));
            }
            continue;
        }
        if x < 1000 {
            count += 1;
            assert_eq!(v, val(8, x + 7));
        }
    }
    assert_eq!(count, 999);
}

fn f64k(f: f64) -> Vec<u8> {
    f.to_le_bytes().to_vec()
}

#[test]
fn float_keys_nan_and_zero() {
    let m = TMap::new(float64_desc(), bytes_desc(8), 0);
    m.set(&f64k(0.0), &val(8, 1));
    m.set(&f64k(-0.0), &val(8, 2));
    assert_eq!(m.len(), 1);
    let e = m.entries();
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].0,
        f64k(-0.0),
        "the key is updated to the newest, as Go"
    );
    assert_eq!(e[0].1, val(8, 2));
    assert_eq!(m.get(&f64k(0.0)), Some(val(8, 2)));
    for i in 0..3 {
        m.set(&f64k(f64::NAN), &val(8, 10 + i));
    }
    assert_eq!(m.len(), 4);
    assert_eq!(m.get(&f64k(f64::NAN)), None);
    m.del(&f64k(f64::NAN));
    assert_eq!(m.len(), 4);
    let nans: Vec<_> = m
        .entries()
        .into_iter()
        .filter(|(k, _)| f64::from_le_bytes(k[..].try_into().unwrap()).is_nan())
        .collect();
    assert_eq!(nans.len(), 3);
    let vals: HashSet<_> = nans.into_iter().map(|(_, v)| v).collect();
    assert_eq!(vals.len(), 3);
    m.del(&f64k(0.0));
    assert_eq!(m.len(), 3);
    m.clear();
    assert_eq!(m.len(), 0);
    assert_eq!(m.entries().len(), 0);
    // Many NaNs: each is its own entry and they spread over the table.
    for i in 0..10_000 {
        m.set(&f64k(f64::NAN), &val(8, i));
    }
    assert_eq!(m.len(), 10_000);
    assert_eq!(m.entries().len(), 10_000);
    // Ordinary float keys against the model.
    let m = TMap::new(float64_desc(), bytes_desc(8), 0);
    model_test(&m, 50_000, 5_000, &|x| f64k(x as f64 * 0.25 - 100.0), 9);
}

#[test]
fn nan_keys_during_growing_iteration() {
    for clear in [false, true] {
        let m = TMap::new(float64_desc(), bytes_desc(8), 0);
        for i in 0..50u64 {
            m.set(&f64k(f64::NAN), &val(8, i));
            m.set(&f64k(i as f64), &val(8, i));
        }
        let mut nans = 0;
        let mut old = 0;
        let mut first = true;
        for (k, _) in m.iter() {
            if first {
                first = false;
                if clear {
                    m.clear();
                }
                for i in 1000..5000u64 {
                    m.set(&f64k(i as f64), &val(8, i));
                }
                continue;
            }
            let f = f64::from_le_bytes(k[..].try_into().unwrap());
            if f.is_nan() {
                nans += 1;
            }
            if f.is_nan() || f < 1000.0 {
                old += 1;
            }
        }
        if clear {
            assert_eq!(old, 0);
        } else {
            // Every entry but the first, NaNs included, once.
            assert!(nans >= 49, "{nans} NaN keys produced");
            assert_eq!(old, 99);
        }
    }
}

#[test]
fn clear_then_reuse_and_clear_during_iteration() {
    let m = TMap::new(string_desc(), bytes_desc(8), 0);
    for i in 0..1000u64 {
        m.set(&gostr(format!("{i}")), &val(8, i));
    }
    m.clear();
    assert_eq!(m.len(), 0);
    assert_eq!(m.get(&gostr("5".into())), None);
    for i in 0..10u64 {
        m.set(&gostr(format!("{i}")), &val(8, i));
    }
    assert_eq!(m.len(), 10);
    assert_eq!(m.get(&gostr("5".into())), Some(val(8, 5)));
    let mut n = 0;
    for _ in m.iter() {
        n += 1;
        m.clear();
    }
    assert_eq!(n, 1);
}

#[test]
fn zero_sized_keys_and_values() {
    // map[int64]struct{}
    let m = TMap::new(int64_desc(), bytes_desc(0), 0);
    model_test(&m, 20_000, 3_000, &k64, 11);
    // map[struct{}]int64
    let m = TMap::new(bytes_desc(0), bytes_desc(8), 0);
    m.set(&[], &val(8, 1));
    m.set(&[], &val(8, 2));
    assert_eq!(m.len(), 1);
    assert_eq!(m.get(&[]), Some(val(8, 2)));
    assert_eq!(m.entries(), vec![(vec![], val(8, 2))]);
    m.del(&[]);
    assert_eq!(m.len(), 0);
}

#[test]
fn strhash_matches_string_class() {
    // The string fast path and the descriptor's function agree on equality
    // (hash values may differ, but both are deterministic per seed).
    let s = gostr("abcdefghijklmnopqrstuvwxyz".into());
    unsafe {
        assert_eq!(
            KStr::hash(string_desc().t(), s.as_ptr(), 3),
            goc_strhash(s.as_ptr(), 3)
        );
    }
}
