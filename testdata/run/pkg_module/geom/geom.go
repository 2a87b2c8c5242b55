package geom

import "example.com/shapes/internal/registry"

const Pi = 3.14159

const Unit = 1.0

var Version = "geom/" + suffix

var suffix = computeSuffix()

func computeSuffix() string {
	println("geom: computeSuffix")
	return "v2"
}

func init() {
	println("geom init 1", Version)
	registry.Add("geom")
}

func init() {
	println("geom init 2")
}

type Shape interface {
	Name() string
	area() float64
}

type Square struct{ Side float64 }

func (s Square) Name() string   { return "square" }
func (s Square) area() float64  { return s.Side * s.Side }
func (r *Rect) Name() string    { return "rect" }
func (r *Rect) area() float64   { return r.W * r.H }
func (r *Rect) Scale(f float64) { r.W *= f; r.H *= f }

type Rect struct{ W, H float64 }

func Area(s Shape) float64 { return s.area() }
