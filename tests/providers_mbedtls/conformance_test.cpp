// The provider conformance suite (providers/conformance.hpp) against Mbed TLS
// 2.28: everything but Ed25519, which the provider declares absent.
#include "tlswire/providers/mbedtls.hpp"

static_assert(tlswire::crypto_provider<tlswire::mbedtls_provider>);
static_assert(
    !tlswire::provider_supports<tlswire::mbedtls_provider>(tlswire::signature_scheme::ed25519));

#define TLSWIRE_CONFORMANCE_PROVIDER tlswire::mbedtls_provider
#include "providers/conformance.hpp"
