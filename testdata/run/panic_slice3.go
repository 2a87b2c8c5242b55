// panic_slice3: a three-index slice whose max exceeds the capacity.
package main

func main() {
	arr := [5]int{1, 2, 3, 4, 5}
	s := arr[:]
	for m := 3; m < 8; m++ {
		t := s[1:2:m]
		println(len(t), cap(t))
	}
}
