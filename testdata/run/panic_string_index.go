// panic_string_index: indexing a string past its end.
package main

func main() {
	s := "héllo"
	n := 0
	for i := 0; i <= len(s); i++ {
		n += int(s[i])
		println(i, n)
	}
}
