module example.com/badtag

go 1.22
