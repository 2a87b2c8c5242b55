// Package os: the process's arguments, environment, standard files and
// exit. goc's implementation, written from the package documentation; the
// body-less functions are in runtime/src/stdlib/os.rs.
package os

func runtime_argc() int
func runtime_arg(i int) string
func runtime_envc() int
func runtime_env(i int) string
func runtime_write(fd int, p []byte) int
func runtime_exit(code int)
func runtime_sigpipe()

// Args holds the command-line arguments, starting with the program name.
var Args []string = runtimeArgs()

func runtimeArgs() []string {
	n := runtime_argc()
	a := make([]string, n)
	for i := 0; i < n; i++ {
		a[i] = runtime_arg(i)
	}
	return a
}

// Exit ends the program at once with the given status; deferred functions
// do not run.
func Exit(code int) {
	runtime_exit(code)
}

// LookupEnv returns the value of the environment variable key and whether
// it is set (the first entry wins when the environment repeats a key).
func LookupEnv(key string) (string, bool) {
	n := runtime_envc()
	for i := 0; i < n; i++ {
		kv := runtime_env(i)
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:], true
		}
	}
	return "", false
}

// Getenv returns the value of the environment variable key, or "" if unset.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// Environ returns the environment as KEY=VALUE strings.
func Environ() []string {
	n := runtime_envc()
	e := make([]string, n)
	for i := 0; i < n; i++ {
		e[i] = runtime_env(i)
	}
	return e
}
