package main

import "no/such/pkg"

func main() {
	pkg.F()
}
