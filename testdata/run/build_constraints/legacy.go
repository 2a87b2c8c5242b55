// +build linux,!windows darwin

package main

func init() { note("legacy.go: // +build linux,!windows darwin") }
