// The provider conformance suite (providers/conformance.hpp) against the
// constexpr reference provider: hashing, HMAC and HKDF; every other family
// checks that the provider says it lacks it.
#include "tlswire/providers/reference/provider.hpp"

#define TLSWIRE_CONFORMANCE_PROVIDER tlswire::reference_provider
#include "providers/conformance.hpp"
