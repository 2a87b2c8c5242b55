// Values from other standard packages that carry methods: time.Duration
// is a Stringer (Println, %v, %s, %d bypasses it), in slices and maps
// and struct fields; errors from strconv print through their Error.
package main

import (
	"fmt"
	"strconv"
	"time"
)

type Job struct {
	Name    string
	Timeout time.Duration
}

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, time.Second, 2*time.Hour+3*time.Minute, time.Duration(0), -time.Microsecond)
	fmt.Printf("%v|%s|%d|%10v|%-10s|%q|%x\n", d, d, d, d, d, d, d)
	fmt.Println([]time.Duration{time.Nanosecond, time.Minute}, map[string]time.Duration{"b": time.Second, "a": time.Millisecond})
	fmt.Printf("%v %+v\n", Job{"build", 90 * time.Second}, Job{"test", 0})
	_, err := strconv.Atoi("12x")
	fmt.Println(err)
	fmt.Printf("%v|%q|%T\n", err, err, err)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err)
}
