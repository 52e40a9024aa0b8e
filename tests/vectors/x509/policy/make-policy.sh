#!/bin/sh
# Leaf certificates for tests/messages/signature_policy_test.cpp: one per
# key type, and keyUsage with and without digitalSignature. Self-signed
# (the policy check reads only the SubjectPublicKeyInfo and keyUsage).
# Keys from ../../keys/ where one exists; RSA-PSS and DSA keys are made here
# (kept as *.key.pem, test-only). Run from this directory with OpenSSL 3.
set -eu
keys=../../keys
days=36500
leaf() {  # out.der key subject-CN [extra -addext ...]
  out=$1 key=$2 cn=$3
  shift 3
  openssl req -x509 -new -key "$key" -subj "/CN=$cn" -days $days "$@" -outform der -out "$out"
}
[ -f rsa-pss.key.pem ] || openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out rsa-pss.key.pem
[ -f dsa.key.pem ] || { openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out dsa.params.pem;
                        openssl genpkey -paramfile dsa.params.pem -out dsa.key.pem; rm dsa.params.pem; }
leaf rsa.der "$keys/rsa2048.key.pem" rsa.policy.test -addext "keyUsage=critical,digitalSignature,keyEncipherment"
leaf rsa-pss.der rsa-pss.key.pem rsa-pss.policy.test -addext "keyUsage=critical,digitalSignature"
leaf p256.der "$keys/p256.key.pem" p256.policy.test -addext "keyUsage=critical,digitalSignature"
leaf p384.der "$keys/p384.key.pem" p384.policy.test
leaf ed25519.der "$keys/ed25519.key.pem" ed25519.policy.test -addext "keyUsage=critical,digitalSignature"
leaf dsa.der dsa.key.pem dsa.policy.test
leaf p256-key-agreement.der "$keys/p256.key.pem" p256-key-agreement.policy.test -addext "keyUsage=critical,keyAgreement"
leaf rsa-key-encipherment.der "$keys/rsa2048.key.pem" rsa-key-encipherment.policy.test -addext "keyUsage=critical,keyEncipherment"
