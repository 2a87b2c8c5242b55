package main

func init() { note(draft) }
