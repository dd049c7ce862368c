// Internal interface of start.cpp.
#ifndef MGO_RUNTIME_START_H
#define MGO_RUNTIME_START_H

#include <span>

namespace mgo {

// The program's command line as mgo_start received it (for os.Args).
std::span<char *const> command_line();

} // namespace mgo

#endif
