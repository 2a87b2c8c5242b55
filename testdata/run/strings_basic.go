// strings_basic: concatenation, comparison, indexing, len, slicing of strings.
package main

func main() {
	s := "hello"
	t := s + ", " + "world"
	println(t, len(t))
	println(t[0], t[len(t)-1], t[7:], t[:5], t[3:8], t[:])
	println(s == "hello", s != "hello", s < "help", s > "hell", "" < "a", "abc" <= "abc")
	println("Z" < "a", "aa" < "b", "a\x00" > "a")
	var empty string
	println(len(empty), empty == "", "["+empty+"]")
	u := "ü日本"
	println(len(u), u[0], u[1], u[2:5])
	// building by repeated concatenation
	acc := ""
	for i := 0; i < 10; i++ {
		acc += string(rune('0' + i))
	}
	println(acc, len(acc))
	// compare strings byte by byte
	words := []string{"banana", "apple", "cherry", "apple", "app", "applesauce"}
	for i := 0; i < len(words)-1; i++ {
		a, b := words[i], words[i+1]
		println(a, b, a < b, a == b, a > b)
	}
	// escapes
	println("tab\there", "quote\"", `raw\n`, "\u00e9\U0001F600", '\'')
	// count a byte
	n := 0
	text := "mississippi"
	for i := 0; i < len(text); i++ {
		if text[i] == 's' {
			n++
		}
	}
	println("s count", n)
	sub := text[2:6]
	sub2 := sub[1:3]
	println(sub, sub2, len(sub2))
}
