package main

import "example.com/priv/p"

func main() {
	println(p.Exported())
	println(p.hidden())
}
