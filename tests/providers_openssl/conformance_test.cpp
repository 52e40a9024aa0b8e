// The provider conformance suite (providers/conformance.hpp) against OpenSSL 3.
#include "tlswire/providers/openssl.hpp"

static_assert(tlswire::crypto_provider<tlswire::openssl_provider>);

#define TLSWIRE_CONFORMANCE_PROVIDER tlswire::openssl_provider
#include "providers/conformance.hpp"
