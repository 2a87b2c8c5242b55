// Release tags: go1.1 up to the current release.

//go:build go1.1 && go1.21 && !go1.999

package main

func init() { note("release.go: go1.1 && go1.21 && !go1.999") }
