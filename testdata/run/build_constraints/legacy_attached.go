// +build windows
package main

// Without a blank line after it, a // +build line is part of the package
// comment, not a constraint.
func init() { note("legacy_attached.go: // +build with no blank line is no constraint") }
