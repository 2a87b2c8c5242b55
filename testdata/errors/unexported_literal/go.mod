module example.com/unexported_literal

go 1.22
