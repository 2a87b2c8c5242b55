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

// A File is an open file descriptor (only the standard ones so far).
type File struct {
	fd   int
	name string
}

// Stdin, Stdout and Stderr are the standard file descriptors.
var (
	Stdin  = &File{0, "/dev/stdin"}
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// errno is a system call's error number; its text is the C library's.
type errno int

func (e errno) Error() string {
	switch e {
	case 9:
		return "bad file descriptor"
	case 32:
		return "broken pipe"
	case 28:
		return "no space left on device"
	}
	return "errno " + itoa(int(e))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// Name returns the file's name.
func (f *File) Name() string { return f.name }

// Fd returns the file descriptor.
func (f *File) Fd() uintptr { return uintptr(f.fd) }

// Write writes all of b (retrying short writes) and returns how many bytes
// were written and the first error.
func (f *File) Write(b []byte) (int, error) {
	done := 0
	for done < len(b) {
		r := runtime_write(f.fd, b[done:])
		if r < 0 {
			return done, &PathError{Op: "write", Path: f.name, Err: errno(-r)}
		}
		done += r
	}
	return done, nil
}

// WriteString writes s as Write does.
func (f *File) WriteString(s string) (int, error) {
	return f.Write([]byte(s))
}
