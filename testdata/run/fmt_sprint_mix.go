// Sprint, Sprintln and Sprintf over mixed operand lists: numbers next to
// strings, nil next to everything, nested Sprint results, long lists.
package main

import "fmt"

type E struct{}

func (E) Error() string { return "E!" }

func main() {
	fmt.Println(fmt.Sprint(1, "a", 2, 3, "b", "c", 4.5, nil, true, E{}, []int{1}))
	fmt.Println(fmt.Sprintln(1, "a", nil, E{}) + "|")
	xs := make([]any, 0, 40)
	for i := 0; i < 40; i++ {
		if i%3 == 0 {
			xs = append(xs, fmt.Sprint("s", i))
		} else {
			xs = append(xs, i)
		}
	}
	fmt.Println(fmt.Sprint(xs...))
	fmt.Println(fmt.Sprint(xs))
	fmt.Println(fmt.Sprint(fmt.Sprint(1, 2), fmt.Sprint(3, 4)))
	fmt.Println(len(fmt.Sprint()), len(fmt.Sprintln()), fmt.Sprint(""), fmt.Sprint("", ""), fmt.Sprint(1, ""), fmt.Sprint("", 1))
}
