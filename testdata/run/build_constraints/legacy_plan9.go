// Copyright notice, then the constraint, then a blank line.
// +build plan9 solaris
// +build !linux

package main

func init() { note(plan9Only) }
