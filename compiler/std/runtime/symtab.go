// Callers, Caller, CallersFrames, FuncForPC and Stack: goc's implementation,
// written from the package documentation, over the runtime's function
// table (runtime/src/functab.rs): the names, files and lines of the
// program's Go functions. Runtime frames and generated code (wrappers)
// have no entry, so they are neither counted nor reported, as Go leaves
// out wrappers.

package runtime

// The runtime's lookups (runtime/src/stdlib/runtime.rs).
func callers(skip int, pcs []uintptr) int
func funcname(pc uintptr) string
func funcfile(pc uintptr) string
func funcline(pc uintptr) int
func funcentry(pc uintptr) uintptr
func stack(skip int, buf []byte) int

// Stack formats the calling goroutine's stack trace into buf, as a panic
// prints it, and returns the bytes written (a longer trace is cut).
// goc prints only the calling goroutine, also when all is set.
func Stack(buf []byte, all bool) int {
	return stack(1, buf)
}

// Callers fills pc with the return program counters of the calling
// goroutine's stack, skip 0 being Callers' own frame and 1 its caller's,
// and returns how many it wrote.
func Callers(skip int, pc []uintptr) int {
	return callers(skip, pc)
}

// Caller reports the file and line of a call on the calling goroutine's
// stack: skip 0 is the call of Caller itself.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var rpc [1]uintptr
	if callers(skip+1, rpc[:]) < 1 {
		return 0, "", 0, false
	}
	frame, _ := CallersFrames(rpc[:]).Next()
	return frame.PC, frame.File, frame.Line, frame.PC != 0
}

// Frames iterates over the frames of a slice of return addresses that
// Callers returned.
type Frames struct {
	callers []uintptr
}

// Frame is what Frames.Next returns for each frame.
type Frame struct {
	// PC is the program counter of the call in this frame.
	PC uintptr
	// Func is the function, or nil if it is not known.
	Func *Func
	// Function is the function's name as Go spells it (main.(*T).M).
	Function string
	// File and Line locate the call.
	File string
	Line int
	// Entry is the address of the function's first instruction.
	Entry uintptr
}

// CallersFrames takes return addresses that Callers returned and gives
// their frames.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns the next frame and whether there are more.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.callers) > 0 {
		// A return address: the call is the instruction before it.
		pc := ci.callers[0] - 1
		ci.callers = ci.callers[1:]
		name := funcname(pc)
		if name == "" {
			continue
		}
		entry := funcentry(pc)
		frame = Frame{
			PC:       pc,
			Func:     &Func{name: name, entry: entry},
			Function: name,
			File:     funcfile(pc),
			Line:     funcline(pc),
			Entry:    entry,
		}
		return frame, len(ci.callers) > 0
	}
	return Frame{}, false
}

// Func is a function of the program.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns the function containing pc, or nil.
func FuncForPC(pc uintptr) *Func {
	name := funcname(pc)
	if name == "" {
		return nil
	}
	return &Func{name: name, entry: funcentry(pc)}
}

// Name returns the function's name ("" for a nil Func).
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the address of the function's first instruction.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file and line of the instruction at pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	return funcfile(pc), funcline(pc)
}
