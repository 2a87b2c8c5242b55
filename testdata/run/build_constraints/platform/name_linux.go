package platform

func Name() string { return "linux" }
