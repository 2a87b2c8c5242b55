module example.com/unexported_field

go 1.22
