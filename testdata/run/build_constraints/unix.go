//go:build unix

package main

func init() { note("unix.go: unix") }
