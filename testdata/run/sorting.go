// sorting: hand-written bubble, insertion, selection, merge, quick, heap and
// counting sort over the same pseudo-random data (a fixed LCG), checked
// against each other.
package main

var seed uint32 = 12345

func rnd() int {
	seed = seed*1103515245 + 12345
	return int(seed>>16) % 1000
}

func data(n int) []int {
	seed = 42
	s := make([]int, n)
	for i := range s {
		s[i] = rnd()
	}
	return s
}

func bubble(a []int) {
	for i := 0; i < len(a); i++ {
		swapped := false
		for j := 0; j < len(a)-1-i; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
				swapped = true
			}
		}
		if !swapped {
			break
		}
	}
}

func insertion(a []int) {
	for i := 1; i < len(a); i++ {
		v := a[i]
		j := i - 1
		for j >= 0 && a[j] > v {
			a[j+1] = a[j]
			j--
		}
		a[j+1] = v
	}
}

func selection(a []int) {
	for i := range a {
		m := i
		for j := i + 1; j < len(a); j++ {
			if a[j] < a[m] {
				m = j
			}
		}
		a[i], a[m] = a[m], a[i]
	}
}

func mergeSort(a []int) []int {
	if len(a) <= 1 {
		return a
	}
	mid := len(a) / 2
	l := mergeSort(a[:mid])
	r := mergeSort(a[mid:])
	out := make([]int, 0, len(a))
	i, j := 0, 0
	for i < len(l) && j < len(r) {
		if l[i] <= r[j] {
			out = append(out, l[i])
			i++
		} else {
			out = append(out, r[j])
			j++
		}
	}
	out = append(out, l[i:]...)
	out = append(out, r[j:]...)
	return out
}

func quick(a []int) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2]
	i, j := 0, len(a)-1
	for i <= j {
		for a[i] < p {
			i++
		}
		for a[j] > p {
			j--
		}
		if i <= j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
	}
	quick(a[:j+1])
	quick(a[i:])
}

func siftDown(a []int, root, end int) {
	for {
		child := 2*root + 1
		if child >= end {
			return
		}
		if child+1 < end && a[child] < a[child+1] {
			child++
		}
		if a[root] >= a[child] {
			return
		}
		a[root], a[child] = a[child], a[root]
		root = child
	}
}

func heapSort(a []int) {
	for i := len(a)/2 - 1; i >= 0; i-- {
		siftDown(a, i, len(a))
	}
	for end := len(a) - 1; end > 0; end-- {
		a[0], a[end] = a[end], a[0]
		siftDown(a, 0, end)
	}
}

func counting(a []int) {
	var counts [1000]int
	for _, v := range a {
		counts[v]++
	}
	k := 0
	for v, c := range counts {
		for ; c > 0; c-- {
			a[k] = v
			k++
		}
	}
}

func sorted(a []int) bool {
	for i := 1; i < len(a); i++ {
		if a[i-1] > a[i] {
			return false
		}
	}
	return true
}

func same(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func checksum(a []int) int {
	h := 0
	for i, v := range a {
		h = h*31 + v*(i+1)
		h %= 1000000007
	}
	return h
}

func main() {
	const n = 1500
	ref := data(n)
	for i := 0; i < 10; i++ {
		print(ref[i], " ")
	}
	println()
	counting(ref)
	println("reference sorted", sorted(ref), checksum(ref), ref[0], ref[n-1])

	a := data(n)
	bubble(a)
	println("bubble", sorted(a), same(a, ref))
	a = data(n)
	insertion(a)
	println("insertion", sorted(a), same(a, ref))
	a = data(n)
	selection(a)
	println("selection", sorted(a), same(a, ref))
	a = mergeSort(data(n))
	println("merge", sorted(a), same(a, ref))
	a = data(n)
	quick(a)
	println("quick", sorted(a), same(a, ref))
	a = data(n)
	heapSort(a)
	println("heap", sorted(a), same(a, ref))
	words := []string{"pear", "apple", "fig", "banana", "kiwi", "apricot", "date"}
	for i := 1; i < len(words); i++ {
		for j := i; j > 0 && words[j] < words[j-1]; j-- {
			words[j], words[j-1] = words[j-1], words[j]
		}
	}
	for _, w := range words {
		print(w, " ")
	}
	println()
}
