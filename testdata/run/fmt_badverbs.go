// Printf's reports of bad formats, as Go prints them: wrong verbs for the
// operand's type, missing and extra operands, bad argument indexes, bad
// * widths and precisions, a trailing %, %w outside Errorf, nil operands.
package main

import "fmt"

type P struct{ A int }

func main() {
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%z %z\n", 1, P{2})
	fmt.Printf("%t %x\n", 3, true)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2, "three", nil, 4.5)
	fmt.Printf("no verbs\n", "extra")
	fmt.Printf("%!\n")
	fmt.Printf("trailing %")
	fmt.Println()
	fmt.Printf("%[3]d %[1]d\n", 1, 2)
	fmt.Printf("%[0]d %[x]d %[2]d\n", 1)
	fmt.Printf("%[2]*[1]d|%[2]*d\n", 12, 5)
	fmt.Printf("%*d|%-*d|%.*f|%*.*f\n", 5, 1, 5, 2, 2, 3.14159, 8, 3, 2.5)
	fmt.Printf("%*d|%.*d\n", "x", 1, 1.5, 2)
	fmt.Printf("%*d\n", -6, 7)
	fmt.Printf("%.*d\n", -2, 7)
	fmt.Printf("%w\n", fmt.Errorf("e"))
	fmt.Printf("%d %s %v %T\n", nil, nil, nil, nil)
	fmt.Printf("%d\n", []any{nil, "s"})
	fmt.Printf("%.2s %.x\n", 12, 3.5)
	fmt.Printf("%!d(string=x)\n")
	fmt.Printf("%-+# 0d|%+ d|\n", 5, 5)
	fmt.Printf("%[1]d %[1]x %[1]o %[1]q\n", 65)
	fmt.Printf("%[2]s %s %[1]s %s\n", "a", "b")
	fmt.Printf("%10000000d\n", 1)
	fmt.Printf("%.", 3)
	fmt.Println()
	fmt.Printf("%3.%|%-3%|\n")
	fmt.Printf("%é %ü\n", 1, "x")
}
