// Format strings with literal text around verbs: newlines and tabs,
// raw strings, % at the end, %% sequences, verbs back to back, Unicode in
// the format, and a format with no verbs but operands.
package main

import "fmt"

func main() {
	fmt.Printf("line1\n\tindented %d\nline3 %s\n", 1, "x")
	fmt.Printf(`raw %d \n stays`+"\n", 2)
	fmt.Printf("%d%d%d|%s%s|%v%%%v\n", 1, 2, 3, "a", "b", 4, 5)
	fmt.Printf("%%d %%%d %%%%\n", 6)
	fmt.Printf("naïve ☃ %s ☃ %c\n", "snow", '❄')
	fmt.Printf("100%%\n")
	fmt.Println(fmt.Sprintf("text only"), fmt.Sprintf("text only", 1))
	fmt.Printf("%d items at %.2f = %8.3f total (%s)\n", 3, 1.5, 4.5, "ok")
	fmt.Printf("%s\n", fmt.Sprintf("%s", fmt.Sprintf("%q", "nested")))
}
