package main

func main() {
	x := 1
	defer int64(x)
}
