package platform

func Name() string { return "windows" }
