package registry

var Names = start()

func start() []string {
	println("registry: start")
	return []string{"registry"}
}

func init() {
	println("registry init", len(Names))
}

func Add(name string) { Names = append(Names, name) }

func Count() int { return len(Names) }
