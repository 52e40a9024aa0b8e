#pragma once
// record/: framing, stream splitting, handshake reassembly, alerts, CCS, TLSInnerPlaintext.
#include "tlswire/record/alert.hpp"
#include "tlswire/record/change_cipher_spec.hpp"
#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/record/inner_plaintext.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/record/record_splitter.hpp"
