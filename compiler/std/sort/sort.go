// Package sort: sorting slices and user-defined collections, and binary
// search. goc's implementation, written from the package documentation.
//
// Sort is a heapsort (insertion sort for short runs): O(n log n), in
// place, deterministic. Stable is insertion sort on blocks followed by
// in-place merges (binary search and rotation), O(n log² n) Swap calls.
// Where elements compare equal, Sort (and Slice) may leave them in a
// different order than Go's pattern-defeating quicksort does; Go does not
// specify that order.
package sort

// An Interface is a collection sortable by its integer indices.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// Sort sorts data in ascending order of Less; not stable.
func Sort(data Interface) { heapSort(data, 0, data.Len()) }

// Stable sorts data in ascending order of Less, keeping equal elements in
// their original order.
func Stable(data Interface) { stable(data, data.Len()) }

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	for i := data.Len() - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// reverse forwards to the collection it reverses. (Go embeds Interface;
// goc does not yet build itabs for methods promoted from an embedded
// interface, so the methods are spelled out.)
type reverse struct{ data Interface }

func (r *reverse) Len() int           { return r.data.Len() }
func (r *reverse) Less(i, j int) bool { return r.data.Less(j, i) }
func (r *reverse) Swap(i, j int)      { r.data.Swap(i, j) }

// Reverse returns data with the order of Less reversed.
func Reverse(data Interface) Interface { return &reverse{data} }

func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// siftDown restores the max-heap property below root in the heap of
// size n whose element k is data[first+k].
func siftDown(data Interface, root, n, first int) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		if child+1 < n && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

func heapSort(data Interface, a, b int) {
	n := b - a
	if n <= 12 {
		insertionSort(data, a, b)
		return
	}
	for i := (n - 1) / 2; i >= 0; i-- {
		siftDown(data, i, n, a)
	}
	for i := n - 1; i > 0; i-- {
		data.Swap(a, a+i)
		siftDown(data, 0, i, a)
	}
}

func stable(data Interface, n int) {
	const block = 20
	for a := 0; a < n; a += block {
		insertionSort(data, a, min(a+block, n))
	}
	for size := block; size < n; size *= 2 {
		for a := 0; a+size < n; a += 2 * size {
			merge(data, a, a+size, min(a+2*size, n))
		}
	}
}

// merge merges the sorted runs [lo, mid) and [mid, hi) in place, stably:
// split the longer run in half, find where its middle element goes in the
// other run, rotate the two middle parts, and merge each side.
func merge(data Interface, lo, mid, hi int) {
	if lo >= mid || mid >= hi {
		return
	}
	if hi-lo == 2 {
		if data.Less(mid, lo) {
			data.Swap(lo, mid)
		}
		return
	}
	var cut1, cut2 int
	if mid-lo >= hi-mid {
		cut1 = lo + (mid-lo)/2
		// The first element of the right run not less than data[cut1].
		cut2 = mid + Search(hi-mid, func(k int) bool { return !data.Less(mid+k, cut1) })
	} else {
		cut2 = mid + (hi-mid)/2
		// The first element of the left run greater than data[cut2].
		cut1 = lo + Search(mid-lo, func(k int) bool { return data.Less(cut2, lo+k) })
	}
	rotate(data, cut1, mid, cut2)
	newMid := cut1 + (cut2 - mid)
	merge(data, lo, cut1, newMid)
	merge(data, newMid, cut2, hi)
}

// rotate turns [a, m) [m, b) into [m, b) [a, m) by three reversals.
func rotate(data Interface, a, m, b int) {
	reverseRange(data, a, m)
	reverseRange(data, m, b)
	reverseRange(data, a, b)
}

func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}

// Search returns the smallest i in [0, n) for which f(i) is true, or n,
// assuming f is false then true over the range (binary search).
func Search(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Find returns the smallest i in [0, n) for which cmp(i) <= 0, and whether
// cmp(i) == 0 there, assuming cmp is positive then non-positive.
func Find(n int, cmp func(int) int) (i int, found bool) {
	i = Search(n, func(k int) bool { return cmp(k) <= 0 })
	return i, i < n && cmp(i) == 0
}
