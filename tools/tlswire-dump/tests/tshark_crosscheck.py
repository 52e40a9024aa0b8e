#!/usr/bin/env python3
"""Cross-checks tlswire-dump --json against tshark on every capture of a folder.

usage: tshark_crosscheck.py TLSWIRE_DUMP CAPTURE_DIR

For each *.pcap / *.pcapng in CAPTURE_DIR (with FILE.keylog beside it, both
tools decrypt with it), per direction of every TCP connection, in order:
  - records: content type and record version
  - handshake messages: type; for hellos legacy_version, cipher suites,
    SNI, ALPN, supported_versions, the extension type list and JA3
must be the same in our JSON lines and in `tshark -T json`. tshark is
installed with apt-get when missing and we run as root; otherwise the test
is skipped (exit 77) with a message.
"""
import ipaddress
import json
import os
import shutil
import subprocess
import sys

SKIP = 77

FIELDS = [
    "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport",
    "tls.record.content_type", "tls.record.opaque_type", "tls.record.version",
    "tls.handshake.type", "tls.handshake.version", "tls.handshake.ciphersuite",
    "tls.handshake.extensions_server_name", "tls.handshake.extensions_alpn_str",
    "tls.handshake.extension.type", "tls.handshake.extensions.supported_version",
    "tls.handshake.ja3_full", "tls.handshake.ja3",
]
COMPARED = ["content_type", "opaque_type", "record_version", "handshake_type", "handshake_version", "cipher_suite",
            "server_name", "alpn", "extension_type", "supported_version", "ja3", "ja3_hash"]


def ensure_tshark():
    if shutil.which("tshark"):
        return True
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("tshark missing: installing it with apt-get", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run("echo 'wireshark-common wireshark-common/install-setuid boolean false' | debconf-set-selections",
                       shell=True, env=env, check=False)
        for update_first in (False, True):  # the package lists may be missing or stale
            if update_first:
                subprocess.run(["apt-get", "update"], env=env, check=False, stdout=subprocess.DEVNULL)
            subprocess.run(["apt-get", "install", "-y", "tshark"], env=env, check=False,
                           stdout=subprocess.DEVNULL)
            if shutil.which("tshark"):
                break
    return shutil.which("tshark") is not None


def number(text):
    text = str(text)
    return int(text, 16) if text.lower().startswith("0x") else int(text)


def endpoint(text):
    """'10.0.0.1:443' or '[fe80:0:...]:443' -> (ip_address, port)."""
    host, _, port = text.rpartition(":")
    return (ipaddress.ip_address(host.strip("[]")), int(port))


def empty():
    return {k: [] for k in COMPARED}


def ours(tool, capture, keylog):
    cmd = [tool, "--json"] + (["--keylog", keylog] if keylog else []) + [capture]
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
    flows = {}
    for line in run.stdout.splitlines():
        ev = json.loads(line)
        if "src" not in ev:
            continue
        key = (endpoint(ev["src"]), endpoint(ev["dst"]))
        f = flows.setdefault(key, empty())
        if ev["type"] == "record":
            # tshark: the real type of every record it can read (1.2 ones and
            # decrypted 1.3 ones); the outer type of 1.3 ciphertext as opaque_type.
            if ev["record_protection"] == "tls13":
                f["opaque_type"].append(ev["content_type"]["value"])
            if "inner_content_type" in ev:
                f["content_type"].append(ev["inner_content_type"]["value"])
            elif ev["record_protection"] != "tls13":
                f["content_type"].append(ev["content_type"]["value"])
            f["record_version"].append(ev["version"]["value"])
        elif ev["type"] == "handshake":
            f["handshake_type"].append(ev["msg_type"]["value"])
            if "ja3" in ev:
                f["ja3"].append(ev["ja3"])
                f["ja3_hash"].append(ev["ja3_hash"])
            if ev["msg_type"]["value"] in (1, 2):
                f["handshake_version"].append(ev["legacy_version"]["value"])
                if "cipher_suites" in ev:
                    f["cipher_suite"] += [c["value"] for c in ev["cipher_suites"]]
                else:
                    f["cipher_suite"].append(ev["cipher_suite"]["value"])
            for ext in ev.get("extensions", []):
                f["extension_type"].append(ext["type"]["value"])
                for name in ext.get("server_names", []):
                    f["server_name"].append(name["name"])
                f["alpn"] += ext.get("protocols", [])
                f["supported_version"] += [v["value"] for v in ext.get("versions", [])]
                if "selected_version" in ext:
                    f["supported_version"].append(ext["selected_version"]["value"])
    return flows, run.returncode, run.stderr


def theirs(capture, keylog):
    # Out-of-order segments reassembled, as tlswire-dump does (hrr.pcap has one).
    cmd = ["tshark", "-o", "tcp.reassemble_out_of_order:TRUE", "-r", capture, "-Y", "tls", "-T", "json"]
    if keylog:
        cmd += ["-o", "tls.keylog_file:" + keylog]
    for field in FIELDS:
        cmd += ["-e", field]
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True)
    flows = {}
    for packet in json.loads(run.stdout or "[]"):
        layers = packet["_source"]["layers"]

        def get(name):
            return layers.get(name, [])

        src = get("ip.src") or get("ipv6.src")
        dst = get("ip.dst") or get("ipv6.dst")
        if not src or not get("tcp.srcport"):
            continue
        key = ((ipaddress.ip_address(src[0]), int(get("tcp.srcport")[0])),
               (ipaddress.ip_address(dst[0]), int(get("tcp.dstport")[0])))
        f = flows.setdefault(key, empty())
        f["content_type"] += [number(v) for v in get("tls.record.content_type")]
        f["opaque_type"] += [number(v) for v in get("tls.record.opaque_type")]
        f["record_version"] += [number(v) for v in get("tls.record.version")]
        f["handshake_type"] += [number(v) for v in get("tls.handshake.type")]
        f["handshake_version"] += [number(v) for v in get("tls.handshake.version")]
        f["cipher_suite"] += [number(v) for v in get("tls.handshake.ciphersuite")]
        f["server_name"] += get("tls.handshake.extensions_server_name")
        f["alpn"] += get("tls.handshake.extensions_alpn_str")
        f["extension_type"] += [number(v) for v in get("tls.handshake.extension.type")]
        f["supported_version"] += [number(v) for v in get("tls.handshake.extensions.supported_version")]
        f["ja3"] += get("tls.handshake.ja3_full")
        f["ja3_hash"] += get("tls.handshake.ja3")
    return flows


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    tool, folder = sys.argv[1], sys.argv[2]
    if not ensure_tshark():
        print("SKIP: tshark is not installed and cannot be installed here")
        return SKIP
    captures = sorted(f for f in os.listdir(folder) if f.endswith((".pcap", ".pcapng")))
    if not captures:
        print("no captures in", folder)
        return 1
    failures = 0
    for name in captures:
        capture = os.path.join(folder, name)
        keylog = os.path.splitext(capture)[0] + ".keylog"
        keylogs = [None] + ([keylog] if os.path.exists(keylog) else [])
        for kl in keylogs:
            label = name + (" with its key log" if kl else "")
            mine, rc, err = ours(tool, capture, kl)
            if rc != 0:
                print(f"FAIL {label}: tlswire-dump exited with {rc}: {err.strip()}")
                failures += 1
                continue
            other = theirs(capture, kl)
            bad = []
            for key in sorted(set(mine) | set(other), key=str):
                a, b = mine.get(key, empty()), other.get(key, empty())
                for field in COMPARED:
                    if a[field] != b[field]:
                        bad.append(f"  {key[0][0]}:{key[0][1]} -> {key[1][0]}:{key[1][1]} {field}:\n"
                                   f"    tlswire-dump {a[field]}\n    tshark       {b[field]}")
            counts = sum(len(f["handshake_type"]) for f in mine.values())
            records = sum(len(f["content_type"]) for f in mine.values())
            if bad:
                failures += 1
                print(f"FAIL {label}:")
                print("\n".join(bad))
            else:
                print(f"ok   {label}: {len(mine)} directions, {records} records with a visible type, {counts} handshake messages agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
