//go:build !unix

package platform

const Unix = false
