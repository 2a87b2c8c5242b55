package main

import "syscall"

func init() { note(syscall.GetConsoleCP()) }
