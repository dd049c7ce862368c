// The functions package internal/cpu (compiled from Go's sources) has in
// assembly on amd64: the processor's identification and feature bits.
#include "mgo/abi.h"

#include <cpuid.h>
#include <cstdint>

extern "C" {

void mgo_internal_cpu_cpuid(int32_t eax_arg, int32_t ecx_arg, uint32_t *out) {
  __cpuid_count(uint32_t(eax_arg), uint32_t(ecx_arg), out[0], out[1], out[2],
                out[3]);
}

// The OS's enabled state components (XCR0); cpu_x86.go asks only when
// CPUID says OSXSAVE.
void mgo_internal_cpu_xgetbv(uint32_t *out) {
  uint32_t eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  out[0] = eax;
  out[1] = edx;
}

// The microarchitecture level the program was compiled for: mgoc targets
// baseline x86-64, gc's default GOAMD64=v1.
int32_t mgo_internal_cpu_getGOAMD64level(void) { return 1; }

} // extern "C"
