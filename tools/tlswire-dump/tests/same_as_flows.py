#!/usr/bin/env python3
"""usage: same_as_flows.py TLSWIRE_DUMP FLOW_FILE CAPTURE...

Each capture carries the flow file's conversation, cut into TCP segments
(with retransmissions, overlaps and reordering) in some link-layer form.
The records and handshake messages tlswire-dump finds in each capture must
be those it finds in the flow file: same kind, direction, types, lengths,
stream offsets and fields, in the same order."""
import json
import subprocess
import sys


def events(tool, args):
    run = subprocess.run([tool, "--json"] + args, stdout=subprocess.PIPE, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"tlswire-dump {' '.join(args)} exited with {run.returncode}")
    out = []
    for line in run.stdout.splitlines():
        e = json.loads(line)
        if e["type"] in ("connection", "skipped_connection"):
            continue
        # Where the bytes came from differs (flow number vs packet, endpoints).
        for k in ("packet", "src", "dst"):
            e.pop(k, None)
        out.append(e)
    return out


def main():
    tool, flows, captures = sys.argv[1], sys.argv[2], sys.argv[3:]
    want = events(tool, ["--flows", flows])
    bad = 0
    for capture in captures:
        got = events(tool, [capture])
        if got == want:
            print(f"ok   {capture}: {len(got)} events as in the flow file")
            continue
        bad += 1
        print(f"FAIL {capture}: {len(got)} events, the flow file has {len(want)}")
        for i, (a, b) in enumerate(zip(got, want)):
            if a != b:
                print(f"  first difference at event {i}:\n    capture {a}\n    flows   {b}")
                break
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
