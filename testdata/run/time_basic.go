package main

import (
	"time"
)

func main() {
	for _, d := range []time.Duration{0, 1, 999, 1000, 1500, time.Millisecond, 1500 * time.Microsecond,
		time.Second, 90 * time.Second, 3*time.Hour + 4*time.Minute + 5*time.Second + 6*time.Millisecond,
		-2 * time.Minute, 1<<63 - 1, -1 << 63, 100 * time.Hour} {
		println(d.String(), int64(d))
	}
	d := 1234567890 * time.Nanosecond
	println(d.Seconds(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	println(d.Round(time.Millisecond).String(), d.Truncate(time.Millisecond).String(), d.Round(time.Hour).String(), (-d).Abs().String())
	println((90 * time.Minute).Hours(), (90 * time.Second).Minutes())

	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	println(el >= 20*time.Millisecond, el < 2*time.Second)
	t2 := start.Add(time.Hour)
	println(t2.After(start), start.Before(t2), t2.Sub(start).String(), start.Equal(start))
	println(time.Until(t2) > 59*time.Minute)
	u := time.Unix(1700000000, 5)
	println(u.Unix(), u.UnixNano(), u.UnixMilli(), u.Nanosecond())
	time.Sleep(0)
	time.Sleep(-5)
	println("done")
}
