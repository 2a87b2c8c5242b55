//go:build (linux || darwin

package sub

func G() {}
