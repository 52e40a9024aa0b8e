#pragma once
// The dissector's outputs: numbered steps for people (default), JSON lines
// for tools and tests (--json), errors only for --check.
#include <memory>
#include <ostream>

#include "dissect.hpp"

namespace tlswire_dump {

// verbose: every field of every message too (tlswire's inspect/print.hpp).
std::unique_ptr<sink> make_text_sink(std::ostream& out, bool verbose = false);
std::unique_ptr<sink> make_json_sink(std::ostream& out);
std::unique_ptr<sink> make_check_sink(std::ostream& out);

}  // namespace tlswire_dump
