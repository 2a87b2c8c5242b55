package main

func word() string { return "32-bit little-endian" }
