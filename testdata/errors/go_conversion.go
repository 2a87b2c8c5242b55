package main

func main() {
	go int(3)
}
