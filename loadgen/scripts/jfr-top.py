#!/usr/bin/env python3
"""Summarises a JFR recording's jdk.ExecutionSample events: samples by thread group, by top frame, and by the
first carbonx/library frame of interest. Usage: jfr print --stack-depth 64 --events jdk.ExecutionSample X.jfr | jfr-top.py [HH:MM:SS-HH:MM:SS]"""
import re
import sys
from collections import Counter

window = sys.argv[1].split('-') if len(sys.argv) > 1 else None
threads, tops, ours, pkgs = Counter(), Counter(), Counter(), Counter()
total = 0


def group(thread):
    t = re.sub(r'[-_ #]?\d+', '', thread)
    return t[:60]


def pkg(frame):
    m = re.match(r'([a-zA-Z0-9_$.]+)\.[A-Za-z0-9_$<>]+\(', frame)
    name = m.group(1) if m else frame
    parts = name.split('.')
    return '.'.join(parts[:3])


def flush(ev):
    global total
    if not ev or not ev.get('frames'):
        return
    if window and not (window[0] <= ev['time'][:8] <= window[1]):
        return
    total += 1
    threads[group(ev['thread'])] += 1
    frames = ev['frames']
    tops[frames[0].split(' line:')[0]] += 1
    pkgs[pkg(frames[0])] += 1
    for f in frames:
        if 'io.carbonx' in f:
            ours[f.split(' line:')[0]] += 1
            break


ev = None
for line in sys.stdin:
    s = line.strip()
    if s.startswith('jdk.ExecutionSample'):
        flush(ev)
        ev = {'frames': []}
    elif s.startswith('startTime'):
        ev['time'] = s.split('=')[1].strip()
    elif s.startswith('sampledThread'):
        ev['thread'] = s.split('"')[1]
    elif ev is not None and '(' in s and ('line:' in s or s.endswith(')')) and not s.startswith('stackTrace'):
        ev['frames'].append(s)
flush(ev)
print(f"{total} samples")
for title, c in (("by thread group", threads), ("by top frame package", pkgs), ("by top frame", tops),
                 ("by first carbonx frame", ours)):
    print(f"\n## {title}")
    for k, v in c.most_common(25):
        print(f"{v:6d} {100.0 * v / max(1, total):5.1f}%  {k}")
