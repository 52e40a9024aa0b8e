#pragma once
// Moved to tests/support/hex.hpp, where every test program finds it; this
// forwarder keeps the record/ and messages/ tests that include the old path
// building until they switch.
#include "support/hex.hpp"
