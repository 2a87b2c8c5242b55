// shifts: left and right shifts on signed and unsigned values of every width,
// shift counts at and beyond the width, and signed/unsigned shift counts.
package main

func main() {
	var one int8 = 1
	var c uint = 0
	for c = 0; c < 10; c++ {
		println("int8 1<<", c, one<<c)
	}
	var neg int8 = -128
	println("int8 -128>>", neg>>1, neg>>7, neg>>8, neg>>100)
	var u8 uint8 = 0x80
	println("uint8 0x80>>", u8>>1, u8>>7, u8>>8, u8<<1)
	var i16 int16 = -1
	println("int16 -1<<15", i16<<15, i16<<16, i16>>20)
	var u16 uint16 = 0xffff
	println("uint16", u16<<4, u16>>4, u16<<16)
	var i32 int32 = 1
	println("int32", i32<<31, i32<<32, (i32<<31)>>31)
	var u32 uint32 = 0xdeadbeef
	println("uint32", u32>>16, u32<<16, u32>>32, u32<<40)
	var i64 int64 = 1
	println("int64", i64<<62, i64<<63, i64<<64, (i64<<63)>>63)
	var u64 uint64 = 0xfedcba9876543210
	println("uint64", u64>>4, u64<<4, u64>>63, u64>>64, u64<<200)
	x := -12345
	for s := 0; s < 70; s += 7 {
		println("int", x, ">>", s, "=", x>>s, "<<", x<<s)
	}
	var sc int32 = 3
	var sh8 uint8 = 5
	y := 1000
	println("signed count", y<<sc, y>>sc, y<<sh8, y>>sh8)
	// rotate built from shifts
	var r uint32 = 0x12345678
	for i := 0; i < 4; i++ {
		r = r<<8 | r>>24
		println("rot", r)
	}
	// population count by shifting
	v := uint64(0xf0f0f0f0f0f0f0f1)
	cnt := 0
	for v != 0 {
		cnt += int(v & 1)
		v >>= 1
	}
	println("popcount", cnt)
}
