//go:build !linux || (386 && !amd64)

package main

func init() { note(notLinux) }
