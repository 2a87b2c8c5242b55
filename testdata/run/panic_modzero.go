// panic_modzero: remainder by zero on a narrow unsigned type.
package main

func main() {
	var a uint8 = 200
	var b uint8 = 3
	for b <= 3 {
		println(a % b)
		b--
	}
}
