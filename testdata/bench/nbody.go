// nbody: the Benchmarks Game's floating-point benchmark, written here from
// its description: the Sun and the four giant planets as point masses,
// advanced with a fixed time step by pairwise gravitation; the total energy
// is printed before and after (nine decimals, so it is a strict check of
// the arithmetic). Measures float64 code, bounds checks and field access.
//
//bench:args 5000000
//bench:sizes 5M steps (the game's official size is 50M)
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
)

const (
	solarMass   = 4 * math.Pi * math.Pi
	daysPerYear = 365.24
)

type body struct {
	x, y, z, vx, vy, vz, mass float64
}

// Positions in AU, velocities in AU per day (scaled to per year below),
// masses in solar masses: the usual initial conditions of the benchmark.
func system() []body {
	bodies := []body{
		{mass: 1}, // the Sun
		{ // Jupiter
			x: 4.84143144246472090e+00, y: -1.16032004402742839e+00, z: -1.03622044471123109e-01,
			vx: 1.66007664274403694e-03, vy: 7.69901118419740425e-03, vz: -6.90460016972063023e-05,
			mass: 9.54791938424326609e-04,
		},
		{ // Saturn
			x: 8.34336671824457987e+00, y: 4.12479856412430479e+00, z: -4.03523417114321381e-01,
			vx: -2.76742510726862411e-03, vy: 4.99852801234917238e-03, vz: 2.30417297573763929e-05,
			mass: 2.85885980666130812e-04,
		},
		{ // Uranus
			x: 1.28943695621391310e+01, y: -1.51111514016986312e+01, z: -2.23307578892655734e-01,
			vx: 2.96460137564761618e-03, vy: 2.37847173959480950e-03, vz: -2.96589568540237556e-05,
			mass: 4.36624404335156298e-05,
		},
		{ // Neptune
			x: 1.53796971148509165e+01, y: -2.59193146099879641e+01, z: 1.79258772950371181e-01,
			vx: 2.68067772490389322e-03, vy: 1.62824170038242295e-03, vz: -9.51592254519715870e-05,
			mass: 5.15138902046611451e-05,
		},
	}
	for i := range bodies {
		b := &bodies[i]
		b.vx *= daysPerYear
		b.vy *= daysPerYear
		b.vz *= daysPerYear
		b.mass *= solarMass
	}
	// Give the Sun the momentum that makes the system's total zero.
	var px, py, pz float64
	for _, b := range bodies {
		px += b.vx * b.mass
		py += b.vy * b.mass
		pz += b.vz * b.mass
	}
	bodies[0].vx = -px / solarMass
	bodies[0].vy = -py / solarMass
	bodies[0].vz = -pz / solarMass
	return bodies
}

func energy(bodies []body) float64 {
	e := 0.0
	for i, b := range bodies {
		e += 0.5 * b.mass * (b.vx*b.vx + b.vy*b.vy + b.vz*b.vz)
		for _, c := range bodies[i+1:] {
			dx, dy, dz := b.x-c.x, b.y-c.y, b.z-c.z
			e -= b.mass * c.mass / math.Sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

func advance(bodies []body, dt float64) {
	for i := range bodies {
		b := &bodies[i]
		for j := i + 1; j < len(bodies); j++ {
			c := &bodies[j]
			dx, dy, dz := b.x-c.x, b.y-c.y, b.z-c.z
			d2 := dx*dx + dy*dy + dz*dz
			mag := dt / (d2 * math.Sqrt(d2))
			b.vx -= dx * c.mass * mag
			b.vy -= dy * c.mass * mag
			b.vz -= dz * c.mass * mag
			c.vx += dx * b.mass * mag
			c.vy += dy * b.mass * mag
			c.vz += dz * b.mass * mag
		}
	}
	for i := range bodies {
		b := &bodies[i]
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

func main() {
	steps := 5000000
	if len(os.Args) > 1 {
		steps, _ = strconv.Atoi(os.Args[1])
	}
	bodies := system()
	fmt.Printf("%.9f\n", energy(bodies))
	for i := 0; i < steps; i++ {
		advance(bodies, 0.01)
	}
	fmt.Printf("%.9f\n", energy(bodies))
}
