package main

import (
	"sync"
	"sync/atomic"
)

type config struct{ name string }

func main() {
	var n int64
	var u32 uint32
	var cnt atomic.Int64
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				atomic.AddInt64(&n, 2)
				atomic.AddUint32(&u32, 1)
				cnt.Add(1)
			}
			flag.Store(true)
		}()
	}
	wg.Wait()
	println(atomic.LoadInt64(&n), atomic.LoadUint32(&u32), cnt.Load(), flag.Load())

	var x int32 = 5
	println(atomic.CompareAndSwapInt32(&x, 5, 6), atomic.CompareAndSwapInt32(&x, 5, 7), x)
	println(atomic.SwapInt32(&x, 9), x)
	atomic.StoreInt32(&x, -3)
	println(atomic.LoadInt32(&x), atomic.AddInt32(&x, -1))
	var y uint64 = 0xff
	println(atomic.AndUint64(&y, 0x0f), atomic.OrUint64(&y, 0x100), y)

	var u atomic.Uint32
	u.Store(10)
	println(u.Add(^uint32(0)), u.CompareAndSwap(9, 1), u.Load(), u.Swap(3))
	var p atomic.Uintptr
	p.Add(8)
	println(p.Load())
	var i32 atomic.Int32
	i32.Store(4)
	println(i32.Or(3), i32.And(5), i32.Load())
	println(flag.Swap(false), flag.CompareAndSwap(false, true), flag.Load())

	var v atomic.Value
	println(v.Load() == nil)
	v.Store(config{"a"})
	println(v.Load().(config).name)
	old := v.Swap(config{"b"})
	println(old.(config).name, v.Load().(config).name)
	println(v.CompareAndSwap(config{"b"}, config{"c"}), v.Load().(config).name)
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		v.Store("a string")
	}()
}
