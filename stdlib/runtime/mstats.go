// Package runtime's memory side, in mini-Go over the collector; the
// scheduler queries (Gosched, NumGoroutine, NumCPU, GOMAXPROCS) are declared
// in C++ (frontend/Library.cpp).
package runtime

// MemStats records statistics about the memory allocator, with Go 1.19's
// fields. The heap is the Boehm collector's, so some fields have no
// counterpart and stay zero (docs/runtime.md says which and how the others
// are derived).
type MemStats struct {
	Alloc        uint64
	TotalAlloc   uint64
	Sys          uint64
	Lookups      uint64
	Mallocs      uint64
	Frees        uint64
	HeapAlloc    uint64
	HeapSys      uint64
	HeapIdle     uint64
	HeapInuse    uint64
	HeapReleased uint64
	HeapObjects  uint64
	StackInuse   uint64
	StackSys     uint64
	MSpanInuse   uint64
	MSpanSys     uint64
	MCacheInuse  uint64
	MCacheSys    uint64
	BuckHashSys  uint64
	GCSys        uint64
	OtherSys     uint64
	NextGC       uint64
	LastGC       uint64
	PauseTotalNs uint64
	PauseNs      [256]uint64
	PauseEnd     [256]uint64
	NumGC        uint32
	NumForcedGC  uint32

	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// MemProfileRate controls the fraction of memory allocations recorded in a
// memory profile. mini-Go has no memory profiler: the variable is kept so
// that programs may set it, and setting it changes nothing.
var MemProfileRate int = 512 * 1024

// GC runs a garbage collection and blocks the caller until the garbage
// collection is complete.
func GC() { gc() }

// The order in which readMemStats fills its array (runtime/mstats.cpp).
const (
	statTotalAlloc = iota
	statSys
	statMallocs
	statFrees
	statHeapAlloc
	statHeapSys
	statHeapIdle
	statHeapInuse
	statHeapReleased
	statHeapObjects
	statOtherSys
	statLastGC
	statPauseTotalNs
	statNumGC
	statNumForcedGC
	numStats
)

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats) {
	var s [numStats]uint64
	m.EnableGC = true
	readMemStats(&s, &m.PauseNs, &m.PauseEnd)
	m.Alloc = s[statHeapAlloc]
	m.TotalAlloc = s[statTotalAlloc]
	m.Sys = s[statSys]
	m.Mallocs = s[statMallocs]
	m.Frees = s[statFrees]
	m.HeapAlloc = s[statHeapAlloc]
	m.HeapSys = s[statHeapSys]
	m.HeapIdle = s[statHeapIdle]
	m.HeapInuse = s[statHeapInuse]
	m.HeapReleased = s[statHeapReleased]
	m.HeapObjects = s[statHeapObjects]
	m.OtherSys = s[statOtherSys]
	m.LastGC = s[statLastGC]
	m.PauseTotalNs = s[statPauseTotalNs]
	m.NumGC = uint32(s[statNumGC])
	m.NumForcedGC = uint32(s[statNumForcedGC])
}

func gc()
func readMemStats(stats *[numStats]uint64, pauseNs *[256]uint64, pauseEnd *[256]uint64)

// The rates of the blocking and mutex profiles, which mini-Go does not
// record (no profiler, as for MemProfileRate): the settings are kept, and
// SetMutexProfileFraction reports the previous one as Go's does.
var blockProfileRate, mutexProfileFraction int

// SetBlockProfileRate sets the rate of the blocking profile: one event
// sampled per rate nanoseconds blocked; 0 turns it off, 1 records all.
func SetBlockProfileRate(rate int) {
	if rate < 0 {
		rate = 0
	}
	blockProfileRate = rate
}

// SetMutexProfileFraction sets the rate of the mutex contention profile (1
// in rate events; 0 turns it off) and returns the previous rate; a
// negative rate only reads it.
func SetMutexProfileFraction(rate int) int {
	old := mutexProfileFraction
	if rate >= 0 {
		mutexProfileFraction = rate
	}
	return old
}
