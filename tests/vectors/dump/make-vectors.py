#!/usr/bin/env python3
"""Writes the tlswire-dump test inputs of this folder.

tls13-client.bin / tls13-server.bin: the bytes each side of
../go-recorded/Client-TLSv13-HelloRetryRequest sent, one file per direction
(the --raw input form).

malformed-then-good.pcap: two TCP connections on Ethernet/IPv4.

Both carry the recorded flows of ../go-recorded/Client-TLSv12-ALPN (one
segment per flow, in order). In connection 1 the ClientHello's
cipher_suites length is made odd (0x0031 instead of 0x0032), which a
parser must refuse with decode_error; connection 2 is unchanged, so a
dissector that reports the first one's error must go on and show the second.
Run it again only to re-create the file: the tests use the committed copy.
"""
import os
import re
import struct

here = os.path.dirname(os.path.abspath(__file__))


def read_flows(name):
    flows = []
    with open(os.path.join(here, "..", "go-recorded", name)) as f:
        for line in f:
            m = re.match(r">>> Flow \d+ \((client to server|server to client)\)", line)
            if m:
                flows.append([m.group(1) == "client to server", bytearray()])
            elif line.strip():
                hexpart = line[8:].split("|")[0]
                flows[-1][1] += bytes.fromhex(hexpart.replace(" ", ""))
    return flows


raw = read_flows("Client-TLSv13-HelloRetryRequest")
for side, to_server in (("client", True), ("server", False)):
    with open(os.path.join(here, "tls13-%s.bin" % side), "wb") as f:
        f.write(b"".join(bytes(d) for t, d in raw if t == to_server))

flows = read_flows("Client-TLSv12-ALPN")


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def packet(src, dst, sport, dport, seq, ack, flags, payload=b""):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 0, 0, 64, 6, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    eth = b"\x02\0\0\0\0\x02" + b"\x02\0\0\0\0\x01" + b"\x08\x00"
    return eth + ip + tcp


out = [struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]  # pcap, LINKTYPE_ETHERNET
t = [0]


def write(frame):
    t[0] += 1
    out.append(struct.pack("<IIII", 1700000000, t[0] * 1000, len(frame), len(frame)) + frame)


client, server = [10, 0, 0, 1], [10, 0, 0, 2]
for number, sport in ((1, 50001), (2, 50002)):
    cseq, sseq = 1000, 5000
    write(packet(client, server, sport, 443, cseq, 0, 0x02))
    write(packet(server, client, 443, sport, sseq, cseq + 1, 0x12))
    cseq += 1
    sseq += 1
    for i, (to_server, data) in enumerate(flows):
        data = bytes(data)
        if number == 1 and i == 0:
            # record header 5 + handshake header 4 + version 2 + random 32 + session id 1+len
            at = 5 + 4 + 2 + 32 + 1 + data[5 + 4 + 2 + 32]
            assert data[at:at + 2] == b"\x00\x32", data[at:at + 2].hex()
            data = data[:at] + b"\x00\x31" + data[at + 2:]
        if to_server:
            write(packet(client, server, sport, 443, cseq, sseq, 0x18, data))
            cseq += len(data)
        else:
            write(packet(server, client, 443, sport, sseq, cseq, 0x18, data))
            sseq += len(data)
with open(os.path.join(here, "malformed-then-good.pcap"), "wb") as f:
    f.write(b"".join(out))
print("wrote", os.path.join(here, "malformed-then-good.pcap"))


# ---------------------------------------------------------------------------
# segmented-*.pcap / .pcapng: the flows of ../go-recorded/Client-TLSv12-ClientCert-RSA-RSA
# over one TCP connection, cut into small segments, some sent twice
# (retransmissions, also overlapping ones), some swapped (out of order), in
# each link-layer form the dissector reads. Every form must dissect to the
# same records and messages as the flow file itself.
import random

rng = random.Random(8446)
conv = read_flows("Client-TLSv12-ClientCert-RSA-RSA")


def segments(data, seq):
    """(seq, payload) pieces of `data` starting at `seq`: small, with
    retransmissions, overlaps and swaps."""
    out, at = [], 0
    while at < len(data):
        n = rng.randint(1, 200)
        out.append((seq + at, data[at:at + n]))
        at += n
    i = 0
    mixed = []
    while i < len(out):
        r = rng.random()
        if r < 0.15 and i + 1 < len(out):      # out of order
            mixed += [out[i + 1], out[i]]
            i += 2
            continue
        mixed.append(out[i])
        if r > 0.85:                            # retransmitted as is
            mixed.append(out[i])
        elif r > 0.75 and i + 1 < len(out):     # overlapping retransmission
            s0, d0 = out[i]
            s1, d1 = out[i + 1]
            cut = len(d0) // 2
            mixed.append((s0 + cut, d0[cut:] + d1[:max(1, len(d1) // 2)]))
        i += 1
    return mixed


def tcp(sport, dport, seq, ack, flags, payload):
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload


def ipv4(src, dst, body):
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(body), 0, 0, 64, 6, 0, bytes(src), bytes(dst))
    return ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:] + body


def ipv6(src, dst, body):
    return struct.pack("!IHBB16s16s", 6 << 28, len(body), 6, 64, bytes(src), bytes(dst)) + body


def conversation():
    """(from_client, tcp segment bytes) for the whole connection."""
    cseq, sseq, sport = 7000, 9000, 51000
    out = [(True, tcp(sport, 443, cseq, 0, 0x02, b"")), (False, tcp(443, sport, sseq, cseq + 1, 0x12, b""))]
    cseq += 1
    sseq += 1
    for to_server, data in conv:
        data = bytes(data)
        start = cseq if to_server else sseq
        for seq, piece in segments(data, start):
            if to_server:
                out.append((True, tcp(sport, 443, seq, sseq, 0x18, piece)))
            else:
                out.append((False, tcp(443, sport, seq, cseq, 0x18, piece)))
        if to_server:
            cseq += len(data)
        else:
            sseq += len(data)
    return out


segs = conversation()
c4, s4 = [192, 0, 2, 1], [192, 0, 2, 2]
c6 = bytes.fromhex("20010db8000000000000000000000001")
s6 = bytes.fromhex("20010db8000000000000000000000002")


def l3(v6, from_client, seg):
    if v6:
        return ipv6(c6 if from_client else s6, s6 if from_client else c6, seg)
    return ipv4(c4 if from_client else s4, s4 if from_client else c4, seg)


forms = {
    # name: (linktype, ipv6, framing(from_client, ip packet) -> frame)
    "ethernet-vlan-ipv4": (1, False, lambda fc, p: b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01" +
                           b"\x81\x00\x00\x07" + b"\x08\x00" + p),
    "null-ipv6": (0, True, lambda fc, p: struct.pack("<I", 30) + p),          # BSD loopback, AF_INET6
    "sll-ipv6": (113, True, lambda fc, p: struct.pack("!HHH8sH", 0 if not fc else 4, 1, 6,
                                                    b"\x02\0\0\0\0\x01\0\0", 0x86dd) + p),
    "sll2-ipv4": (276, False, lambda fc, p: struct.pack("!HHIHBB8s", 0x0800, 0, 1, 1, 0, 6,
                                                      b"\x02\0\0\0\0\x01\0\0") + p),
    "raw-ipv4": (101, False, lambda fc, p: p),
}
for name, (linktype, v6, frame) in forms.items():
    records = [struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype)]
    for i, (fc, seg) in enumerate(segs):
        f = frame(fc, l3(v6, fc, seg))
        records.append(struct.pack("<IIII", 1700000100 + i // 1000, (i % 1000) * 1000, len(f), len(f)) + f)
    with open(os.path.join(here, "segmented-%s.pcap" % name), "wb") as f:
        f.write(b"".join(records))


def pcapng_block(kind, body):
    body += b"\0" * ((4 - len(body) % 4) % 4)
    return struct.pack("<II", kind, len(body) + 12) + body + struct.pack("<I", len(body) + 12)


blocks = [pcapng_block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)),
          pcapng_block(1, struct.pack("<HHI", 1, 0, 65535))]
for i, (fc, seg) in enumerate(segs):
    f = forms["ethernet-vlan-ipv4"][2](fc, l3(False, fc, seg))
    ts = (1700000100 + i) * 1000000
    blocks.append(pcapng_block(6, struct.pack("<IIIII", 0, ts >> 32, ts & 0xffffffff, len(f), len(f)) + f))
with open(os.path.join(here, "segmented-ethernet-vlan-ipv4.pcapng"), "wb") as f:
    f.write(b"".join(blocks))
print("wrote", len(forms) + 1, "segmented captures of", len(segs), "TCP segments")


# ---------------------------------------------------------------------------
# hole.pcap: ../go-recorded/Client-TLSv12-ALPN with one segment per record,
# and the server's Certificate record missing from the capture (as when the
# capturing host dropped a packet). The dissector must say so and go on with
# the ServerKeyExchange that follows the hole.
def record_pieces(data):
    at = 0
    while at < len(data):
        n = 5 + struct.unpack("!H", data[at + 3:at + 5])[0]
        yield data[at:at + n]
        at += n


alpn = read_flows("Client-TLSv12-ALPN")
frames = []
cseq, sseq, sport = 3000, 4000, 52000
frames.append(ipv4(c4, s4, tcp(sport, 443, cseq, 0, 0x02, b"")))
frames.append(ipv4(s4, c4, tcp(443, sport, sseq, cseq + 1, 0x12, b"")))
cseq += 1
sseq += 1
for to_server, data in alpn:
    for rec in record_pieces(bytes(data)):
        if to_server:
            frames.append(ipv4(c4, s4, tcp(sport, 443, cseq, sseq, 0x18, rec)))
            cseq += len(rec)
        else:
            if rec[0] == 22 and rec[5] == 11:  # the Certificate: lost
                sseq += len(rec)
                continue
            frames.append(ipv4(s4, c4, tcp(443, sport, sseq, cseq, 0x18, rec)))
            sseq += len(rec)
out = [struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 101)]  # raw IP
for i, fr in enumerate(frames):
    out.append(struct.pack("<IIII", 1700000200, i * 1000, len(fr), len(fr)) + fr)
with open(os.path.join(here, "hole.pcap"), "wb") as f:
    f.write(b"".join(out))
print("wrote hole.pcap")
