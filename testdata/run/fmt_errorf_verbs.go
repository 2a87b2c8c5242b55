// Errorf with every kind of verb around %w, flags on %w (%+w, %#w, %10w),
// %w of a Formatter error, and Errorf results formatted again with %v %q
// %x %+v.
package main

import (
	"errors"
	"fmt"
)

type fe struct{}

func (fe) Error() string { return "fe-error" }
func (fe) Format(s fmt.State, v rune) {
	fmt.Fprintf(s, "fe-format(%c)", v)
}

func main() {
	base := errors.New("base")
	fmt.Println(fmt.Errorf("%d %s %q %x %.2f: %w", 1, "s", "q", 255, 3.14159, base))
	fmt.Println(fmt.Errorf("[%+w] [%#w] [%10w] [%-6w]", base, base, base, base))
	e := fmt.Errorf("wrap %w", fe{})
	fmt.Println(e, errors.Unwrap(e) == fe{})
	fmt.Printf("%v|%q|%x|%+v|%s|%10.4v|\n", e, e, e, e, e, e)
	fmt.Println(fmt.Errorf("%w %w", base, errors.New("other")))
	fmt.Println(fmt.Errorf("%w", "not an error"), fmt.Errorf("%v", base))
}
