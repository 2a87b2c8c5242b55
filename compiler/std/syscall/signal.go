package syscall

// A Signal is a number describing a process signal.
type Signal int

// Signals (Linux numbering, the same on amd64 and arm64).
const (
	SIGHUP    Signal = 1
	SIGINT    Signal = 2
	SIGQUIT   Signal = 3
	SIGILL    Signal = 4
	SIGTRAP   Signal = 5
	SIGABRT   Signal = 6
	SIGIOT    Signal = 6
	SIGBUS    Signal = 7
	SIGFPE    Signal = 8
	SIGKILL   Signal = 9
	SIGUSR1   Signal = 10
	SIGSEGV   Signal = 11
	SIGUSR2   Signal = 12
	SIGPIPE   Signal = 13
	SIGALRM   Signal = 14
	SIGTERM   Signal = 15
	SIGSTKFLT Signal = 16
	SIGCHLD   Signal = 17
	SIGCLD    Signal = 17
	SIGCONT   Signal = 18
	SIGSTOP   Signal = 19
	SIGTSTP   Signal = 20
	SIGTTIN   Signal = 21
	SIGTTOU   Signal = 22
	SIGURG    Signal = 23
	SIGXCPU   Signal = 24
	SIGXFSZ   Signal = 25
	SIGVTALRM Signal = 26
	SIGPROF   Signal = 27
	SIGWINCH  Signal = 28
	SIGIO     Signal = 29
	SIGPOLL   Signal = 29
	SIGPWR    Signal = 30
	SIGSYS    Signal = 31
	SIGUNUSED Signal = 31
)

// The descriptions strsignal gives, by signal number.
var signalNames = [...]string{
	SIGHUP:    "hangup",
	SIGINT:    "interrupt",
	SIGQUIT:   "quit",
	SIGILL:    "illegal instruction",
	SIGTRAP:   "trace/breakpoint trap",
	SIGABRT:   "aborted",
	SIGBUS:    "bus error",
	SIGFPE:    "floating point exception",
	SIGKILL:   "killed",
	SIGUSR1:   "user defined signal 1",
	SIGSEGV:   "segmentation fault",
	SIGUSR2:   "user defined signal 2",
	SIGPIPE:   "broken pipe",
	SIGALRM:   "alarm clock",
	SIGTERM:   "terminated",
	SIGSTKFLT: "stack fault",
	SIGCHLD:   "child exited",
	SIGCONT:   "continued",
	SIGSTOP:   "stopped (signal)",
	SIGTSTP:   "stopped",
	SIGTTIN:   "stopped (tty input)",
	SIGTTOU:   "stopped (tty output)",
	SIGURG:    "urgent I/O condition",
	SIGXCPU:   "CPU time limit exceeded",
	SIGXFSZ:   "file size limit exceeded",
	SIGVTALRM: "virtual timer expired",
	SIGPROF:   "profiling timer expired",
	SIGWINCH:  "window changed",
	SIGIO:     "I/O possible",
	SIGPWR:    "power failure",
	SIGSYS:    "bad system call",
}

// Signal makes Signal an os.Signal.
func (s Signal) Signal() {}

// String describes the signal as strsignal does ("interrupt"), or as
// "signal N" for a number without a name.
func (s Signal) String() string {
	if s > 0 && int(s) < len(signalNames) {
		return signalNames[s]
	}
	if s < 0 {
		return "signal -" + itoa(uint64(-s))
	}
	return "signal " + itoa(uint64(s))
}
