// wordfreq: word frequencies with a map, sorted by a hand-written sort over
// a slice of structs, with a closure comparator and methods on a named
// slice type.
package main

type entry struct {
	word  string
	count int
}

type byCount []entry

func (b byCount) Len() int { return len(b) }
func (b byCount) Less(i, j int) bool {
	if b[i].count != b[j].count {
		return b[i].count > b[j].count
	}
	return b[i].word < b[j].word
}
func (b byCount) Swap(i, j int) { b[i], b[j] = b[j], b[i] }

type sorter interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

func insertionSort(s sorter) {
	for i := 1; i < s.Len(); i++ {
		for j := i; j > 0 && s.Less(j, j-1); j-- {
			s.Swap(j, j-1)
		}
	}
}

func split(text string) []string {
	var words []string
	start := -1
	for i := 0; i <= len(text); i++ {
		letter := i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z')
		if letter && start < 0 {
			start = i
		} else if !letter && start >= 0 {
			words = append(words, lower(text[start:i]))
			start = -1
		}
	}
	return words
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func main() {
	text := `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness`
	freq := map[string]int{}
	for _, w := range split(text) {
		freq[w]++
	}
	var entries byCount
	for w, c := range freq {
		entries = append(entries, entry{w, c})
	}
	insertionSort(entries)
	for i, e := range entries {
		if i >= 8 {
			break
		}
		println(e.word, e.count)
	}
	total := 0
	apply := func(f func(entry)) {
		for _, e := range entries {
			f(e)
		}
	}
	apply(func(e entry) { total += e.count })
	println("total", total, "distinct", len(freq))
	groups := map[int][]string{}
	for w, c := range freq {
		groups[c] = append(groups[c], w)
	}
	for c := 10; c >= 1; c-- {
		if ws, ok := groups[c]; ok {
			println(c, len(ws))
		}
	}
}
