package main

import "testing"

func TestWord(t *testing.T) {
	if word() == "" {
		t.Fatal("no word")
	}
}
