module example.com/unexported_method

go 1.22
