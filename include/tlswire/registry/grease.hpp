#pragma once
// RFC 8701 GREASE: reserved values a client sprinkles into its lists so that
// servers which choke on unknown values are found out. A GREASE value is never
// negotiated; a receiver treats it as any other unknown value (kept, ignored),
// so the registry has no enumerator for them and only recognises them.
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>

#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/extension_type.hpp"
#include "tlswire/registry/name_table.hpp"
#include "tlswire/registry/named_group.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/registry/psk_key_exchange_mode.hpp"
#include "tlswire/registry/signature_scheme.hpp"

namespace tlswire {

// RFC 8701 §2: the sixteen two-byte values {0x?A, 0x?A} with both bytes
// equal: 0x0A0A, 0x1A1A, ..., 0xFAFA.
constexpr bool is_grease(std::uint16_t value) noexcept {
  return (value & 0x0f0fU) == 0x0a0aU && (value >> 8) == (value & 0xffU);
}

// RFC 8701 §2: the eight one-byte values for PskKeyExchangeModes:
// 0x0B, 0x2A, 0x49, 0x68, 0x87, 0xA6, 0xC5, 0xE4 (0x0B + 0x1F * n).
constexpr bool is_grease_u8(std::uint8_t value) noexcept {
  return value % 0x1fU == 0x0bU;
}

// The i-th two-byte GREASE value (i in 0..15), for writers that send GREASE.
constexpr std::uint16_t grease_value(std::size_t index) noexcept {
  return static_cast<std::uint16_t>(0x0a0aU + 0x1010U * (index & 0x0fU));
}

// The i-th one-byte GREASE value (i in 0..7).
constexpr std::uint8_t grease_value_u8(std::size_t index) noexcept {
  return static_cast<std::uint8_t>(0x0bU + 0x1fU * (index & 0x07U));
}

// RFC 8701 §2 reserves two-byte GREASE values in these registries: cipher
// suites, extensions, named groups, signature algorithms, versions.
template <class E>
concept grease_registry =
    std::same_as<E, cipher_suite> || std::same_as<E, extension_type> ||
    std::same_as<E, named_group> || std::same_as<E, signature_scheme> ||
    std::same_as<E, protocol_version>;

template <grease_registry E>
constexpr bool is_grease(E value) noexcept {
  return is_grease(to_underlying(value));
}

constexpr bool is_grease(psk_key_exchange_mode value) noexcept {
  return is_grease_u8(to_underlying(value));
}

}  // namespace tlswire
