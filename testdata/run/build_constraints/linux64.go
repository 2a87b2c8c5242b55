//go:build linux && (amd64 || arm64)

package main

func init() { note("linux64.go: linux && (amd64 || arm64)") }
