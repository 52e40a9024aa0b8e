// Uses tlswire through its umbrella header, as a consumer would; exits 0
// only if a ClientHello record header reads back as written.
#include <tlswire/tlswire.hpp>

#include <array>
#include <cstdint>
#include <cstdio>

int main() {
  std::array<std::uint8_t, 8> buffer{};
  tlswire::writer w(buffer);
  w.code(tlswire::content_type::handshake);
  w.code(tlswire::protocol_version::tls12);
  w.vector_bytes(0, 0xffff, std::array<std::uint8_t, 1>{0x01});
  if (!w) return 1;

  tlswire::reader r(w.written());
  const auto type = r.code<tlswire::content_type>();
  const auto version = r.code<tlswire::protocol_version>();
  const auto body = r.vector_bytes(0, 0xffff);
  r.expect_end();
  if (!r || type != tlswire::content_type::handshake || body.size() != 1) return 1;
  std::printf("%.*s record, version 0x%04x, %zu byte body\n",
              static_cast<int>(to_string(type).size()), to_string(type).data(),
              static_cast<unsigned>(version), body.size());
  return 0;
}
