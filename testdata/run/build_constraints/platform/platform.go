// Package platform names the operating system it was built for, from
// files chosen by their names and //go:build lines.
package platform
