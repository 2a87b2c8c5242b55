package sort

// IntSlice attaches Interface's methods to []int, ascending.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { Sort(x) }
func (x IntSlice) Search(v int) int   { return SearchInts(x, v) }

// Float64Slice attaches Interface's methods to []float64, ascending, NaNs
// first.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || x[i] != x[i] && x[j] == x[j]
}
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()                { Sort(x) }
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

// StringSlice attaches Interface's methods to []string, ascending.
type StringSlice []string

func (x StringSlice) Len() int            { return len(x) }
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()               { Sort(x) }
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Ints sorts x ascending.
func Ints(x []int) { Sort(IntSlice(x)) }

// Float64s sorts x ascending, NaNs first.
func Float64s(x []float64) { Sort(Float64Slice(x)) }

// Strings sorts x ascending.
func Strings(x []string) { Sort(StringSlice(x)) }

// IntsAreSorted reports whether x is sorted ascending.
func IntsAreSorted(x []int) bool { return IsSorted(IntSlice(x)) }

// Float64sAreSorted reports whether x is sorted ascending, NaNs first.
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

// StringsAreSorted reports whether x is sorted ascending.
func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }

// SearchInts returns the index of the first element of sorted x that is
// >= v (len(x) if none).
func SearchInts(x []int, v int) int {
	return Search(len(x), func(i int) bool { return x[i] >= v })
}

// SearchFloat64s is SearchInts for float64s.
func SearchFloat64s(x []float64, v float64) int {
	return Search(len(x), func(i int) bool { return x[i] >= v })
}

// SearchStrings is SearchInts for strings.
func SearchStrings(x []string, v string) int {
	return Search(len(x), func(i int) bool { return x[i] >= v })
}

// The runtime half of Slice (runtime/src/stdlib/sort.rs): the length of
// the slice in x (-1 if it is not a slice), and swapping two of its
// elements whatever their type.
func runtime_slicelen(x any) int
func runtime_sliceswap(x any, i, j int)

// funcSlice sorts a slice given as any with a less function on indices.
type funcSlice struct {
	x    any
	n    int
	less func(i, j int) bool
}

func (s *funcSlice) Len() int           { return s.n }
func (s *funcSlice) Less(i, j int) bool { return s.less(i, j) }
func (s *funcSlice) Swap(i, j int)      { runtime_sliceswap(s.x, i, j) }

// sliceLen is the length of the slice in x; it panics if x is not a
// slice (with a shorter message than reflect's, which names the kind).
func sliceLen(x any) int {
	n := runtime_slicelen(x)
	if n < 0 {
		panic("reflect: call of Swapper on non-slice Value")
	}
	return n
}

// Slice sorts the slice x by less; not stable.
func Slice(x any, less func(i, j int) bool) {
	Sort(&funcSlice{x, sliceLen(x), less})
}

// SliceStable sorts the slice x by less, keeping equal elements in order.
func SliceStable(x any, less func(i, j int) bool) {
	Stable(&funcSlice{x, sliceLen(x), less})
}

// SliceIsSorted reports whether the slice x is sorted by less.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	for i := sliceLen(x) - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
