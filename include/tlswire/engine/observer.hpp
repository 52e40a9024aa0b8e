#pragma once
// What a caller that narrates or debugs a handshake sees (tlswire-demo,
// tlswire-client/-server): each handshake message as it is sent or
// received, in plaintext with its header (the transcript's bytes), and the
// labelled values the key schedules derive ("premaster secret",
// "master secret", "client write key", the traffic secrets...). Both hooks
// are off unless given; the secret hook hands out key material, so it is
// for demos and debugging only, as the NSS key log is.
//
// Views are valid during the call only; a message is reported before the
// engine acts on it, so a narration shows the message a failure answers.
#include <cstdint>
#include <string_view>

#include "tlswire/engine/function_ref.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/wire/bytes.hpp"

namespace tlswire::engine {

enum class direction : std::uint8_t { received, sent };

struct handshake_observer {
  function_ref<void(direction, const handshake_message&)> message{};
  function_ref<void(std::string_view label, bytes_view value)> secret{};
};

}  // namespace tlswire::engine
