package main

func main() {
	s := "str"
	_ = <-s
}
