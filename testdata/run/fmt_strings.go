// String and byte-slice verbs %s %q %x %X %v with width, precision and
// flags; invalid UTF-8; []byte with %s %x %q %v %d and byte arrays.
package main

import "fmt"

func main() {
	for _, s := range []string{"", "hello", "héllo, 世界", "tab\there", "quote\"back`slash\\", "\xff\xfe", "\x00\x7f"} {
		fmt.Printf("[%s][%q][%+q][%#q][%x][% x][%#x][% #X][%v][%#v]\n", s, s, s, s, s, s, s, s, s, s)
		fmt.Printf("[%8s][%-8s][%.3s][%8.2s][%-8.1q][%.2x][%10x][%-10X]\n", s, s, s, s, s, s, s, s)
	}
	b := []byte("bytes\x01")
	fmt.Printf("%s|%q|%x|%X|% x|%v|%d|%#v|%5s|%.2s\n", b, b, b, b, b, b, b, b, b, b)
	var nb []byte
	fmt.Printf("%s|%v|%#v|%x|%q|\n", nb, nb, nb, nb, nb)
	arr := [3]byte{'a', 'b', 'c'}
	fmt.Printf("%s %x %v %q %#v\n", arr, arr, arr, arr, arr)
	type MyBytes []byte
	fmt.Printf("%s %v %#v\n", MyBytes("hi"), MyBytes("hi"), MyBytes("hi"))
	fmt.Printf("%5t|%-6t|%v|%q\n", true, false, true, true)
	fmt.Printf("%s %d\n", "x", "y")
	fmt.Printf("%05s|%-05s|%5.1s|\n", "ab", "ab", "xyz")
}
