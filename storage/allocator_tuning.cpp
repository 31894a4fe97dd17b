// kg::KeepFreedMemoryForQueries (include/kg/store.h).
#include "kg/store.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kg {

namespace {
// What the heap keeps above its top when it grows or shrinks: a query's transient rows, terms and
// blocks (a 5M-triple Q1 holds ~20 MB at once) stay mapped between queries.
constexpr int kHeapTopPad = 64 << 20;
}  // namespace

void KeepFreedMemoryForQueries() {
#if defined(__GLIBC__)
  mallopt(M_TOP_PAD, kHeapTopPad);
#endif
}

}  // namespace kg
