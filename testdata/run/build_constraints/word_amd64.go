package main

func word() string { return "64-bit little-endian" }
