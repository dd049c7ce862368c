package rand

import "sync"

// lockedSource makes the top-level generator safe for concurrent use.
type lockedSource struct {
	lk  sync.Mutex
	src *rngSource
}

func (r *lockedSource) Int63() int64 {
	r.lk.Lock()
	n := r.src.Int63()
	r.lk.Unlock()
	return n
}

func (r *lockedSource) Uint64() uint64 {
	r.lk.Lock()
	n := r.src.Uint64()
	r.lk.Unlock()
	return n
}

func (r *lockedSource) Seed(seed int64) {
	r.lk.Lock()
	r.src.Seed(seed)
	r.lk.Unlock()
}

// newLockedSource returns the Source interface rather than the pointer so
// that globalRand's initializer needs no method set at declaration time.
func newLockedSource(seed int64) Source {
	rng := new(rngSource)
	rng.Seed(seed)
	return &lockedSource{src: rng}
}

// globalRand serves the top-level functions; as in Go 1.19 it starts from
// seed 1, so unseeded programs print the same numbers on every run.
var globalRand = New(newLockedSource(1))

// Seed reseeds the top-level generator.
func Seed(seed int64) { globalRand.Seed(seed) }

// The top-level functions draw from globalRand; see the Rand methods.

func Int63() int64                       { return globalRand.Int63() }
func Uint32() uint32                     { return globalRand.Uint32() }
func Uint64() uint64                     { return globalRand.Uint64() }
func Int31() int32                       { return globalRand.Int31() }
func Int() int                           { return globalRand.Int() }
func Int63n(n int64) int64               { return globalRand.Int63n(n) }
func Int31n(n int32) int32               { return globalRand.Int31n(n) }
func Intn(n int) int                     { return globalRand.Intn(n) }
func Float64() float64                   { return globalRand.Float64() }
func Float32() float32                   { return globalRand.Float32() }
func Perm(n int) []int                   { return globalRand.Perm(n) }
func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }
