#!/bin/sh
# Generates the certificate-policy table of tests/x509_openssl/policy_test.cpp
# (test-only keys; never use them elsewhere). Every certificate is written as
# NAME.der (tlswire reads it) and NAME.pem (`openssl verify` reads it).
#
#   root-ca           RSA-2048 self-signed CA; the anchor of most rows
#   inter             P-256 CA under root-ca
#   leaf-*            leaves under inter (SAN DNS:good.policy.test unless said)
#     good            RSA-2048, keyUsage digitalSignature+keyEncipherment, EKU serverAuth
#     no-eku          no extKeyUsage at all
#     rsa512 rsa1024  small RSA keys
#     p384 ed25519 secp256k1   other key types (secp256k1 is not on tlswire's default curve list)
#     eku-codesign eku-client eku-both eku-any   extKeyUsage variants
#     crit-unknown    a critical extension nobody knows (1.3.6.1.4.1.55555.1)
#     ip              SAN IP:127.0.0.1, IP:::1 only
#     ip-wildcard     SAN DNS:*.0.0.1 only (not an IP address SAN)
#     dns-ip          SAN DNS:127.0.0.1 only
#   inter-rsa1024 / weak-ca-leaf         a 1024-bit RSA CA under root-ca and a P-256 leaf under it
#   root-rsa1024 / weak-root-leaf        a 1024-bit RSA root and a P-256 leaf under it
#   inter-eku-codesign / eku-ca-leaf     a CA restricted to codeSigning and a leaf (no EKU) under it
#   inter-eku-server / eku-server-ca-leaf  a CA restricted to serverAuth and a leaf under it
#   inter-nc-dns      CA, critical nameConstraints permitted DNS:ok.policy.test,
#                     excluded DNS:bad.ok.policy.test; leaves nc-dns-{in,out,excluded,mixed}
#   inter-nc-ip       CA, critical nameConstraints permitted IP:10.0.0.0/8,
#                     excluded IP:10.9.0.0/16; leaves nc-ip-{in,out,excluded,dns}
#   inter-nc-email    CA, critical nameConstraints permitted email:.policy.test; leaf nc-email-leaf
#   root-nc           self-signed CA with critical nameConstraints permitted DNS:ok.policy.test;
#                     leaves root-nc-{in,out}
#   root-crit         self-signed CA with an unknown critical extension; leaf root-crit-leaf
# Run from this folder: sh make.sh
set -e
KEYS=../../keys
serial=100
key() {  # key NAME ALGORITHM-OPTIONS...
  name=$1; shift
  openssl genpkey "$@" -out "$name.key.pem" 2>/dev/null
}
root() {  # root NAME KEY CN EXTRA-ADDEXT...
  name=$1 k=$2 cn=$3; shift 3
  openssl req -x509 -new -key "$k" -sha256 -days 36500 -subj "/O=tlswire tests/CN=$cn" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" "$@" \
    -outform DER -out "$name.der"
  openssl x509 -inform DER -in "$name.der" -out "$name.pem"
}
issue() {  # issue NAME KEY ISSUER ISSUER-KEY CN EXTENSIONS(one per line)
  name=$1 k=$2 ca=$3 cakey=$4 cn=$5 ext=$6
  serial=$((serial + 1))
  printf '%s\n' "$ext" > "$name.cnf"
  openssl req -new -key "$k" -subj "/O=tlswire tests/CN=$cn" -out "$name.csr"
  openssl x509 -req -in "$name.csr" -CA "$ca.der" -CAform DER -CAkey "$cakey" -sha256 -days 36500 \
    -set_serial $serial -extfile "$name.cnf" -outform DER -out "$name.der" 2>/dev/null
  openssl x509 -inform DER -in "$name.der" -out "$name.pem"
  rm -f "$name.csr" "$name.cnf"
}
CA='basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign'
LEAF='basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment'
SAN='subjectAltName=DNS:good.policy.test'

key root-ca -algorithm RSA -pkeyopt rsa_keygen_bits:2048
key inter -algorithm EC -pkeyopt ec_paramgen_curve:P-256
key rsa512 -algorithm RSA -pkeyopt rsa_keygen_bits:512
key rsa1024 -algorithm RSA -pkeyopt rsa_keygen_bits:1024
key secp256k1 -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1
key ca-rsa1024 -algorithm RSA -pkeyopt rsa_keygen_bits:1024
key other-ca -algorithm EC -pkeyopt ec_paramgen_curve:P-256

root root-ca root-ca.key.pem "tlswire policy root CA"
issue inter inter.key.pem root-ca root-ca.key.pem "tlswire policy intermediate CA" "$CA"

issue leaf-good $KEYS/rsa2048.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN
extendedKeyUsage=serverAuth"
issue leaf-no-eku $KEYS/rsa2048.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN"
issue leaf-rsa512 rsa512.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN"
issue leaf-rsa1024 rsa1024.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN"
issue leaf-p384 $KEYS/p384.key.pem inter inter.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"
issue leaf-ed25519 $KEYS/ed25519.key.pem inter inter.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"
issue leaf-secp256k1 secp256k1.key.pem inter inter.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"
issue leaf-eku-codesign $KEYS/rsa2048.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN
extendedKeyUsage=codeSigning"
issue leaf-eku-client $KEYS/rsa2048.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN
extendedKeyUsage=clientAuth"
issue leaf-eku-both $KEYS/rsa2048.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN
extendedKeyUsage=clientAuth,serverAuth"
issue leaf-eku-any $KEYS/rsa2048.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN
extendedKeyUsage=anyExtendedKeyUsage"
issue leaf-crit-unknown $KEYS/rsa2048.key.pem inter inter.key.pem good.policy.test "$LEAF
$SAN
1.3.6.1.4.1.55555.1=critical,DER:05:00"
issue leaf-ip $KEYS/rsa2048.key.pem inter inter.key.pem "tlswire ip leaf" "$LEAF
subjectAltName=IP:127.0.0.1,IP:::1"
issue leaf-ip-wildcard $KEYS/rsa2048.key.pem inter inter.key.pem "tlswire ip wildcard leaf" "$LEAF
subjectAltName=DNS:*.0.0.1"
issue leaf-dns-ip $KEYS/rsa2048.key.pem inter inter.key.pem "tlswire dns-ip leaf" "$LEAF
subjectAltName=DNS:127.0.0.1"

issue inter-rsa1024 ca-rsa1024.key.pem root-ca root-ca.key.pem "tlswire policy weak CA" "$CA"
issue weak-ca-leaf $KEYS/p256.key.pem inter-rsa1024 ca-rsa1024.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"
root root-rsa1024 ca-rsa1024.key.pem "tlswire policy weak root CA"
issue weak-root-leaf $KEYS/p256.key.pem root-rsa1024 ca-rsa1024.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"

issue inter-eku-codesign other-ca.key.pem root-ca root-ca.key.pem "tlswire policy code-signing CA" "$CA
extendedKeyUsage=codeSigning"
issue eku-ca-leaf $KEYS/p256.key.pem inter-eku-codesign other-ca.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"
issue inter-eku-server other-ca.key.pem root-ca root-ca.key.pem "tlswire policy server CA" "$CA
extendedKeyUsage=serverAuth"
issue eku-server-ca-leaf $KEYS/p256.key.pem inter-eku-server other-ca.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"

issue inter-nc-dns other-ca.key.pem root-ca root-ca.key.pem "tlswire policy DNS-constrained CA" "$CA
nameConstraints=critical,permitted;DNS:ok.policy.test,excluded;DNS:bad.ok.policy.test"
for leaf in "in:www.ok.policy.test" "out:www.evil.policy.test" "excluded:x.bad.ok.policy.test" \
            "mixed:www.ok.policy.test,DNS:www.evil.policy.test"; do
  issue "nc-dns-${leaf%%:*}" $KEYS/p256.key.pem inter-nc-dns other-ca.key.pem "nc dns leaf" "basicConstraints=critical,CA:FALSE
subjectAltName=DNS:${leaf#*:}"
done
issue inter-nc-ip other-ca.key.pem root-ca root-ca.key.pem "tlswire policy IP-constrained CA" "$CA
nameConstraints=critical,permitted;IP:10.0.0.0/255.0.0.0,excluded;IP:10.9.0.0/255.255.0.0"
for leaf in "in:IP:10.1.2.3" "out:IP:192.0.2.1" "excluded:IP:10.9.1.1" "dns:DNS:good.policy.test"; do
  issue "nc-ip-${leaf%%:*}" $KEYS/p256.key.pem inter-nc-ip other-ca.key.pem "nc ip leaf" "basicConstraints=critical,CA:FALSE
subjectAltName=${leaf#*:}"
done
issue inter-nc-email other-ca.key.pem root-ca root-ca.key.pem "tlswire policy email-constrained CA" "$CA
nameConstraints=critical,permitted;email:.policy.test"
issue nc-email-leaf $KEYS/p256.key.pem inter-nc-email other-ca.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"

root root-nc other-ca.key.pem "tlswire policy constrained root CA" \
  -addext "nameConstraints=critical,permitted;DNS:ok.policy.test"
issue root-nc-in $KEYS/p256.key.pem root-nc other-ca.key.pem "root nc leaf" "basicConstraints=critical,CA:FALSE
subjectAltName=DNS:www.ok.policy.test"
issue root-nc-out $KEYS/p256.key.pem root-nc other-ca.key.pem "root nc leaf" "basicConstraints=critical,CA:FALSE
subjectAltName=DNS:www.evil.policy.test"
root root-crit other-ca.key.pem "tlswire policy root CA with an unknown critical extension" \
  -addext "1.3.6.1.4.1.55555.1=critical,DER:05:00"
issue root-crit-leaf $KEYS/p256.key.pem root-crit other-ca.key.pem good.policy.test "basicConstraints=critical,CA:FALSE
$SAN"
