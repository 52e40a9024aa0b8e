#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, generated from the vectors in tests/vectors.

Usage: make_corpus.py OUT_DIR [VECTORS_DIR]

Reads every RFC 8448 `name: hex` file (tests/vectors/rfc8448/*.txt) and every
recorded connection in Go's `>>> Flow N` hexdump format found under the
vectors directory, splits them the way TLS does (records -> handshake
messages -> extensions), and writes one directory of seed files per target
under OUT_DIR, in the input format each fuzz/targets/<name>.hpp expects:

  records           a stream of whole records (TLSPlaintext/TLSCiphertext)
  handshake         one whole Handshake message (type, uint24 length, body);
                    the target dispatches on the type byte
  client_hello_rules  one ClientHello body (the handshake messages of type 1,
                    their 4-byte header taken off)
  extensions        one byte naming the message the extension came from
                    (extensions/allowed.hpp's message_context: 0 CH, 1 SH,
                    2 HRR, 3 EE, 4 CT, 5 CR, 6 NST, 7 TLS 1.2 SH), then one
                    Extension (type, length, data); or that byte | 0x80, then
                    the whole extensions block with its length
  inner_plaintext   a decrypted TLSInnerPlaintext (content, type, zero padding)
  sslv2_hello       an SSLv2-format CLIENT-HELLO record (RFC 5246 §E.2), built
                    from the cipher suites and randoms of the recorded hellos
  wire_vectors      one selector byte, then a length-prefixed vector cut from
                    the hellos (see fuzz/targets/wire_vectors.hpp for selectors)
  protected_records one selector byte (bit 0: TLS 1.2; bits 1-2: AEAD, see
                    fuzz/targets/protected_records.hpp), then protected records:
                    RFC 8448's encrypted records, the Go flows' records after CCS
  x509              one DER certificate: every cert_data of the Certificate
                    messages (TLS 1.3 and 1.2 forms) and tests/vectors/**/*.der

Reproducers saved under tests/vectors/fuzz-regressions/<target>/ are added
to their target's seeds. Nothing here is committed: run.sh writes the corpora under its build dir.
Files are named by the SHA-1 of their content, so reruns are idempotent.
"""
import glob
import hashlib
import os
import re
import sys

HANDSHAKE, CCS, ALERT, APPDATA = 22, 20, 21, 23


def rfc8448_values(path):
    """{name: bytes} from a `name: hex` file."""
    values = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        name, _, hexval = line.partition(":")
        hexval = hexval.strip()
        if re.fullmatch(r"[0-9a-fA-F]*", hexval) and len(hexval) % 2 == 0:
            values[name.strip()] = bytes.fromhex(hexval)
    return values


def go_flows(path):
    """[(direction, bytes)] from Go's recorded `>>> Flow N (client to server)` dumps."""
    flows, current, direction = [], None, None
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r">>> Flow \d+ \((client|server) to", line)
        if m:
            if current is not None:
                flows.append((direction, bytes(current)))
            current, direction = bytearray(), m.group(1)
            continue
        m = re.match(r"^[0-9a-f]{8}  (.*?)(\s*\|.*)?$", line)
        if m and current is not None:
            current.extend(bytes.fromhex(m.group(1).replace(" ", "")))
    if current is not None:
        flows.append((direction, bytes(current)))
    return flows


def split_records(stream):
    """Whole records (header + fragment) of a stream; stops at a torn tail."""
    out, i = [], 0
    while i + 5 <= len(stream):
        n = int.from_bytes(stream[i + 3:i + 5], "big")
        if i + 5 + n > len(stream):
            break
        out.append(stream[i:i + 5 + n])
        i += 5 + n
    return out


def split_handshake(data):
    """Whole Handshake messages of concatenated handshake fragments."""
    out, i = [], 0
    while i + 4 <= len(data):
        n = int.from_bytes(data[i + 1:i + 4], "big")
        if i + 4 + n > len(data):
            break
        out.append(data[i:i + 4 + n])
        i += 4 + n
    return out


class Cursor:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise ValueError("truncated")
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def uint(self, n):
        return int.from_bytes(self.take(n), "big")

    def vector(self, width):
        """(prefix + body, body) of a length-prefixed vector."""
        start = self.pos
        body = self.take(self.uint(width))
        return self.data[start:self.pos], body


def extensions_of(block_body):
    """[(type, whole Extension bytes, data)] of an extensions block body."""
    c, out = Cursor(block_body), []
    while c.pos < len(block_body):
        start = c.pos
        t = c.uint(2)
        _, data = c.vector(2)
        out.append((t, block_body[start:c.pos], data))
    return out


def hello_parts(msg):
    """Vectors cut from a ClientHello (type 1) or ServerHello (type 2)."""
    parts = {"extensions": []}
    c = Cursor(msg[4:])
    c.take(2 + 32)
    parts["session_id"] = c.vector(1)[0]
    if msg[0] == 1:
        parts["cipher_suites"] = c.vector(2)[0]
        parts["compression"] = c.vector(1)[0]
    else:
        c.take(3)
    if c.pos < len(c.data):
        whole, body = c.vector(2)
        parts["extension_block"] = whole
        parts["extensions"] = extensions_of(body)
    return parts


def certificate_entries(msg):
    """cert_data vectors (with their 3-byte prefix) of a TLS 1.3 Certificate."""
    c = Cursor(msg[4:])
    c.vector(1)
    _, entries = c.vector(3)
    e, out = Cursor(entries), []
    while e.pos < len(entries):
        out.append(e.vector(3)[0])
        e.vector(2)
    return out


HRR_RANDOM = bytes.fromhex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c")
CH, SH, HRR, EE, CT, CR, NST, SH12 = range(8)  # extensions/allowed.hpp message_context


def extension_blocks_of_message(msg):
    """(message_context, extensions block body) for messages that carry one."""
    t, body = msg[0], msg[4:]
    try:
        if t in (1, 2):
            p = hello_parts(msg)
            if "extension_block" not in p:
                return []
            ctx = CH
            if t == 2:
                versions = [data for et, _, data in p["extensions"] if et == 43]
                ctx = HRR if body[2:34] == HRR_RANDOM else SH if versions else SH12
            return [(ctx, p["extension_block"][2:])]
        elif t == 8:  # EncryptedExtensions
            return [(EE, Cursor(body).vector(2)[1])]
        elif t == 13:  # TLS 1.3 CertificateRequest
            c = Cursor(body)
            c.vector(1)
            return [(CR, c.vector(2)[1])]
        elif t == 4:  # TLS 1.3 NewSessionTicket
            c = Cursor(body)
            c.take(8)
            c.vector(1)
            c.vector(2)
            return [(NST, c.vector(2)[1])]
        elif t == 11:  # TLS 1.3 Certificate: each entry's extensions
            c = Cursor(body)
            c.vector(1)
            _, entries = c.vector(3)
            e, out = Cursor(entries), []
            while e.pos < len(entries):
                e.vector(3)
                out.append((CT, e.vector(2)[1]))
            return out
    except ValueError:
        pass  # a TLS 1.2 form, or not this shape: no extensions to cut
    return []


def sslv2_client_hello(cipher_suites_body, challenge):
    """RFC 5246 §E.2 V2ClientHello carrying the given TLS cipher suites."""
    specs = b"".join(b"\x00" + cipher_suites_body[i:i + 2] for i in range(0, len(cipher_suites_body), 2))
    body = b"\x01\x03\x03" + len(specs).to_bytes(2, "big") + b"\x00\x00" + \
        len(challenge).to_bytes(2, "big") + specs + challenge
    return (0x8000 | len(body)).to_bytes(2, "big") + body


class Corpus:
    def __init__(self, root):
        self.root, self.counts = root, {}

    def add(self, target, data):
        d = os.path.join(self.root, target)
        os.makedirs(d, exist_ok=True)
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(d, name)
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
            self.counts[target] = self.counts.get(target, 0) + 1


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    vectors = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "vectors")
    corpus = Corpus(out)
    messages, records, inner = [], [], []

    for path in sorted(glob.glob(os.path.join(vectors, "rfc8448", "*.txt"))):
        values = rfc8448_values(path)
        for name, data in values.items():
            if re.fullmatch(r"(client|server)_[a-z_]+_record_\d+", name):
                records.append(data)
                if data[0] == APPDATA and name + ".plaintext" in values:
                    kind = HANDSHAKE if "_handshake_record_" in name else \
                        ALERT if "_alert_record_" in name else APPDATA
                    inner.append(values[name + ".plaintext"] + bytes([kind]))
            elif name.endswith(".plaintext") and "_handshake_record_" in name:
                messages.extend(split_handshake(data))
            elif "." not in name and re.fullmatch(
                    r"(client_hello.*|server_hello|hello_retry_request|encrypted_extensions|"
                    r"certificate_request|(server|client)_certificate(_verify)?|(server|client)_finished|"
                    r"new_session_ticket.*|end_of_early_data)", name):
                messages.extend(split_handshake(data))

    flow_files = [p for p in glob.glob(os.path.join(vectors, "**", "*"), recursive=True)
                  if os.path.isfile(p) and not p.endswith((".txt", ".md", ".der", ".pem", ".bin"))]
    for path in sorted(flow_files):
        try:
            flows = go_flows(path)
        except (OSError, ValueError):
            continue
        for direction, stream in flows:
            recs = split_records(stream)
            if not recs:
                continue
            corpus.add("records", stream)  # a whole flight, several records
            records.extend(recs)
            plain = bytearray()
            for r in recs:  # handshake records are in the clear until the first CCS
                if r[0] == CCS or r[0] == APPDATA:
                    break
                if r[0] == HANDSHAKE:
                    plain.extend(r[5:])
            messages.extend(split_handshake(bytes(plain)))

    for r in records:
        corpus.add("records", r)
    # Two records back to back, and a handshake message split over two records.
    for a, b in zip(records, records[1:]):
        corpus.add("records", a + b)
    for m in messages[:40]:
        if len(m) > 8:
            half = len(m) // 2
            corpus.add("records", bytes([HANDSHAKE, 3, 3]) + half.to_bytes(2, "big") + m[:half] +
                       bytes([HANDSHAKE, 3, 3]) + (len(m) - half).to_bytes(2, "big") + m[half:])

    for m in messages:
        corpus.add("handshake", m)
        if m[0] == 1:
            corpus.add("client_hello_rules", m[4:])
        for ctx, block in extension_blocks_of_message(m):
            try:
                for _, whole, _ in extensions_of(block):
                    corpus.add("extensions", bytes([ctx]) + whole)
                corpus.add("extensions", bytes([0x80 | ctx]) + len(block).to_bytes(2, "big") + block)
            except ValueError:
                pass
        if m[0] in (1, 2):
            try:
                p = hello_parts(m)
            except ValueError:
                continue
            corpus.add("wire_vectors", b"\x02" + p["session_id"])
            if m[0] == 1:
                corpus.add("wire_vectors", b"\x00" + p["cipher_suites"])
                corpus.add("wire_vectors", b"\x01" + p["compression"])
                corpus.add("sslv2_hello", sslv2_client_hello(p["cipher_suites"][2:], m[6:38]))
                corpus.add("sslv2_hello", sslv2_client_hello(p["cipher_suites"][2:], m[22:38]))
            for t, _, data in p["extensions"]:
                if t == 51 and m[0] == 1:
                    corpus.add("wire_vectors", b"\x04" + data)   # client_shares
                elif t == 16:
                    corpus.add("wire_vectors", b"\x05" + data)   # ProtocolNameList
        if m[0] == 11:
            try:
                for cert in certificate_entries(m):
                    corpus.add("wire_vectors", b"\x03" + cert)
                    corpus.add("x509", cert[3:])
            except ValueError:
                pass
            try:  # TLS 1.2: ASN.1Cert certificate_list<0..2^24-1>
                c = Cursor(m[4:])
                _, certs = c.vector(3)
                e = Cursor(certs)
                while e.pos < len(certs):
                    corpus.add("x509", e.vector(3)[1])
            except ValueError:
                pass

    for path in sorted(glob.glob(os.path.join(vectors, "**", "*.der"), recursive=True)):
        data = open(path, "rb").read()
        if data[:1] == b"\x30":
            corpus.add("x509", data)

    # Protected records, per RFC 8448 trace and side (TLS 1.3, AES-128-GCM).
    for path in sorted(glob.glob(os.path.join(vectors, "rfc8448", "*.txt"))):
        values = rfc8448_values(path)
        for side in ("client", "server"):
            stream = b"".join(v for n, v in values.items()
                              if re.fullmatch(side + r"_[a-z_]+_record_\d+", n) and v[:1] == bytes([APPDATA]))
            if stream:
                corpus.add("protected_records", b"\x00" + stream)
                for r in split_records(stream):
                    corpus.add("protected_records", b"\x00" + r)
    for path in sorted(flow_files):
        if "TLSv12" not in os.path.basename(path):
            continue
        selector = b"\x03" if "CHACHA20" in path else b"\x01"  # TLS 1.2 ChaCha20 / AES-GCM
        for direction, stream in go_flows(path):
            recs = split_records(stream)
            after = [r for i, r in enumerate(recs) if any(x[0] == CCS for x in recs[:i])]
            if after:
                corpus.add("protected_records", selector + b"".join(after))

    for p in inner:
        corpus.add("inner_plaintext", p)
        corpus.add("inner_plaintext", p + bytes(16))  # with padding

    # Saved reproducers seed their own target again.
    for path in sorted(glob.glob(os.path.join(vectors, "fuzz-regressions", "*", "*"))):
        target = os.path.basename(os.path.dirname(path))
        if os.path.isfile(path) and not path.endswith(".md"):
            corpus.add(target, open(path, "rb").read())

    for target in sorted(corpus.counts):
        print("%-16s %5d seeds" % (target, corpus.counts[target]))


if __name__ == "__main__":
    main()
