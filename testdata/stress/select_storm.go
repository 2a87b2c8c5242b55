// select_storm: 64 producers send through selects over random triples of
// 16 shared channels (random capacities, some unbuffered), 16 consumers
// receive with a select over all 16. When every producer is done, main
// closes the channels; consumers drop closed channels from their select by
// setting them to nil, so every value sent is received exactly once.
package main

type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s ^= r.s << 13
	r.s ^= r.s >> 7
	r.s ^= r.s << 17
	return r.s
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

const (
	K         = 16
	producers = 64
	consumers = 16
	perProd   = 2000
)

type total struct{ n, sum int }

func main() {
	r := &rng{0x9e3779b97f4a7c15}
	chans := make([]chan int, K)
	for i := range chans {
		chans[i] = make(chan int, r.intn(5))
	}
	done := make(chan bool)
	for p := 0; p < producers; p++ {
		seed := r.next() | 1
		go func() {
			pr := &rng{seed}
			for k := 0; k < perProd; k++ {
				v := p*perProd + k
				a, b, c := chans[pr.intn(K)], chans[pr.intn(K)], chans[pr.intn(K)]
				select {
				case a <- v:
				case b <- v:
				case c <- v:
				}
			}
			done <- true
		}()
	}
	results := make(chan total)
	for c := 0; c < consumers; c++ {
		go func() {
			mine := make([]chan int, K)
			copy(mine, chans)
			open := K
			t := total{}
			for open > 0 {
				var v int
				var ok bool
				var idx int
				select {
				case v, ok = <-mine[0]:
					idx = 0
				case v, ok = <-mine[1]:
					idx = 1
				case v, ok = <-mine[2]:
					idx = 2
				case v, ok = <-mine[3]:
					idx = 3
				case v, ok = <-mine[4]:
					idx = 4
				case v, ok = <-mine[5]:
					idx = 5
				case v, ok = <-mine[6]:
					idx = 6
				case v, ok = <-mine[7]:
					idx = 7
				case v, ok = <-mine[8]:
					idx = 8
				case v, ok = <-mine[9]:
					idx = 9
				case v, ok = <-mine[10]:
					idx = 10
				case v, ok = <-mine[11]:
					idx = 11
				case v, ok = <-mine[12]:
					idx = 12
				case v, ok = <-mine[13]:
					idx = 13
				case v, ok = <-mine[14]:
					idx = 14
				case v, ok = <-mine[15]:
					idx = 15
				}
				if !ok {
					mine[idx] = nil
					open--
					continue
				}
				t.n++
				t.sum += v
			}
			results <- t
		}()
	}
	for p := 0; p < producers; p++ {
		<-done
	}
	for _, c := range chans {
		close(c)
	}
	all := total{}
	for c := 0; c < consumers; c++ {
		t := <-results
		all.n += t.n
		all.sum += t.sum
	}
	n := producers * perProd
	println(all.n == n, all.sum == n*(n-1)/2)
}
