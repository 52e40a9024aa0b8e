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
