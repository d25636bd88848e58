#!/usr/bin/env python3
"""Fixed-rate HTTP/1.1 load generator for bench/serve-bench.sh (wrk2-style: the Debian wrk cannot fix a rate).

Requests are scheduled at RATE per second, open loop, over keep-alive connections; each latency is measured from the
request's scheduled time, so a stalled server is charged for the requests that queued behind it (no coordinated
omission). Prints one tab-separated line: name, p50 ms, p99 ms, p99.9 ms, max ms, achieved req/s, non-2xx, errors.
With --rss-pid it also samples that process's resident memory every --rss-every seconds and prints the samples.
"""
import argparse
import asyncio
import itertools
import sys
import time


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    keep = headers.get("connection", "").lower()
    return status, keep == "close" or (lines[0].startswith("HTTP/1.0") and keep != "keep-alive")


async def connection(args, paths, queue, latencies, counts):
    reader = writer = None
    while True:
        scheduled = await queue.get()
        if scheduled is None:
            break
        path = next(paths)
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {args.host}:{args.port}\r\nAuthorization: Bearer {args.token}\r\n\r\n"
        ).encode()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(args.host, args.port)
            writer.write(request)
            status, close = await asyncio.wait_for(read_response(reader), timeout=30)
            latencies.append(time.perf_counter() - scheduled)
            if not 200 <= status < 300:
                counts["non2xx"] += 1
            if close:
                writer.close()
                writer = None
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
            counts["errors"] += 1
            if writer is not None:
                writer.close()
            writer = None


async def sample_rss(pid, every, samples, stop):
    while not stop.is_set():
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    samples.append(int(line.split()[1]) // 1024)
        try:
            await asyncio.wait_for(stop.wait(), timeout=every)
        except asyncio.TimeoutError:
            pass


async def run(args):
    paths = itertools.cycle(args.path)
    queue = asyncio.Queue()
    latencies, counts, samples = [], {"non2xx": 0, "errors": 0}, []
    workers = [asyncio.create_task(connection(args, paths, queue, latencies, counts)) for _ in range(args.connections)]
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_rss(args.rss_pid, args.rss_every, samples, stop)) if args.rss_pid else None
    total = int(args.rate * args.seconds)
    start = time.perf_counter()
    sent = 0
    while sent < total:
        now = time.perf_counter()
        due = min(total, int((now - start) * args.rate) + 1)
        while sent < due:
            queue.put_nowait(start + sent / args.rate)
            sent += 1
        await asyncio.sleep(max(0.0, start + sent / args.rate - time.perf_counter()))
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    elapsed = time.perf_counter() - start
    stop.set()
    if sampler:
        await sampler
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] * 1000 if latencies else float("nan")

    print(
        f"{args.name}\t{pct(50):.3f}\t{pct(99):.3f}\t{pct(99.9):.3f}\t{(latencies[-1] * 1000 if latencies else 0):.3f}"
        f"\t{len(latencies) / elapsed:.0f}\t{counts['non2xx']}\t{counts['errors']}"
    )
    if samples:
        print("rss_mib\t" + " ".join(str(s) for s in samples))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", default="")
    parser.add_argument("--path", action="append", required=True, help="repeat to rotate over several routes")
    parser.add_argument("--rate", type=float, default=1000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rss-pid", type=int)
    parser.add_argument("--rss-every", type=float, default=10)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
