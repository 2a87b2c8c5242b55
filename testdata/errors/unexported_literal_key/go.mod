module example.com/unexported_literal_key

go 1.22
