/*
//go:build ignore
*/

package main

func init() { note("block.go: //go:build inside /* */ is no constraint") }
