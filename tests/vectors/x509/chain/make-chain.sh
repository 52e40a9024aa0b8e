#!/bin/sh
# Generates the certificate chain used by tests/x509_openssl/verify_test.cpp and
# examples/handshake_walkthrough (test-only keys; never use them elsewhere).
#   root-ca       RSA-2048, self-signed, CA:TRUE pathlen:1, keyCertSign (sha256WithRSAEncryption)
#   intermediate  P-256, CA:TRUE pathlen:0, keyCertSign, signed by root-ca (sha256WithRSAEncryption)
#   server        ../../keys/rsa2048 key, CA:FALSE, SAN DNS:server.tlswire.test,*.api.tlswire.test,
#                 signed by intermediate (ecdsa-with-SHA256)
#   other-root-ca P-256, self-signed CA nobody trusts (for unknown_ca)
#   below-leaf    P-256 key, signed by the server's key although server is CA:FALSE
#   server-pss    the server's key and names, signed by root-ca with RSASSA-PSS (SHA-256, salt 32)
#   sub-intermediate  P-256 CA:TRUE signed by intermediate, although intermediate has pathlen:0
#   deep-leaf     below-leaf's key, signed by sub-intermediate (a path one CA too long)
# Run from this folder: sh make-chain.sh
set -e
KEYS=../../keys
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out root-ca.key.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out intermediate.key.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out other-root-ca.key.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out below-leaf.key.pem

openssl req -x509 -new -key root-ca.key.pem -sha256 -days 36500 -subj "/O=tlswire tests/CN=tlswire test root CA" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:1" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -outform DER -out root-ca.der
openssl req -x509 -new -key other-root-ca.key.pem -sha256 -days 36500 -subj "/O=tlswire tests/CN=tlswire untrusted other root CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" \
  -outform DER -out other-root-ca.der

printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' > ext-intermediate.cnf
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nsubjectAltName=DNS:server.tlswire.test,DNS:*.api.tlswire.test\n' > ext-server.cnf
printf 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:below.tlswire.test\n' > ext-below.cnf

openssl req -new -key intermediate.key.pem -subj "/O=tlswire tests/CN=tlswire test intermediate CA" -out intermediate.csr
openssl x509 -req -in intermediate.csr -CA root-ca.der -CAform DER -CAkey root-ca.key.pem -sha256 -days 36500 \
  -set_serial 2 -extfile ext-intermediate.cnf -outform DER -out intermediate.der
openssl req -new -key $KEYS/rsa2048.key.pem -subj "/O=tlswire tests/CN=server.tlswire.test" -out server.csr
openssl x509 -req -in server.csr -CA intermediate.der -CAform DER -CAkey intermediate.key.pem -sha256 -days 36500 \
  -set_serial 3 -extfile ext-server.cnf -outform DER -out server.der
openssl req -new -key below-leaf.key.pem -subj "/O=tlswire tests/CN=below.tlswire.test" -out below-leaf.csr
openssl x509 -req -in below-leaf.csr -CA server.der -CAform DER -CAkey $KEYS/rsa2048.key.pem -sha256 -days 36500 \
  -set_serial 4 -extfile ext-below.cnf -outform DER -out below-leaf.der
# The server's key again, signed straight by root-ca with RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32).
openssl x509 -req -in server.csr -CA root-ca.der -CAform DER -CAkey root-ca.key.pem -sha256 -days 36500 \
  -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 \
  -set_serial 5 -extfile ext-server.cnf -outform DER -out server-pss.der
# A CA under the intermediate (whose pathlen:0 forbids it) and a leaf under that CA.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out sub-intermediate.key.pem
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n' > ext-sub.cnf
printf 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:deep.tlswire.test\n' > ext-deep.cnf
openssl req -new -key sub-intermediate.key.pem -subj "/O=tlswire tests/CN=tlswire test sub-intermediate CA" -out sub.csr
openssl x509 -req -in sub.csr -CA intermediate.der -CAform DER -CAkey intermediate.key.pem -sha256 -days 36500 \
  -set_serial 6 -extfile ext-sub.cnf -outform DER -out sub-intermediate.der
openssl req -new -key below-leaf.key.pem -subj "/O=tlswire tests/CN=deep.tlswire.test" -out deep.csr
openssl x509 -req -in deep.csr -CA sub-intermediate.der -CAform DER -CAkey sub-intermediate.key.pem -sha256 -days 36500 \
  -set_serial 7 -extfile ext-deep.cnf -outform DER -out deep-leaf.der
rm -f ./*.csr ./*.cnf
# P-256 and Ed25519 server leaves (keys/p256, keys/ed25519) for the engine tests' CertificateVerify,
# signed by intermediate.
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectAltName=DNS:server.tlswire.test\n' > ext-leaf.cnf
serial=8
for k in p256 ed25519; do
  openssl req -new -key $KEYS/$k.key.pem -subj "/O=tlswire tests/CN=server.tlswire.test" -out server-$k.csr
  openssl x509 -req -in server-$k.csr -CA intermediate.der -CAform DER -CAkey intermediate.key.pem -sha256 -days 36500 \
    -set_serial $serial -extfile ext-leaf.cnf -outform DER -out server-$k.der
  serial=$((serial + 1))
done
rm -f ./*.csr ./*.cnf
