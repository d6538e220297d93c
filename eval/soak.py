"""Soak test of the chat page: many questions from several clients on loopback, the server's memory sampled.

    python eval/soak.py [--requests 2000] [--clients 8]      (make soak; not run by CI)

Starts `app.py` on a free localhost port over a copy of the seeds, asks it `--requests` questions through
its `/ask` endpoint from `--clients` threads (each its own session), and samples the server's resident
memory (VmRSS) after the first 200 answers and at the end. Prints one JSON line; exit code 1 when the
memory at the end is more than 10% above the sample after 200.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "Bình Phước xếp thứ mấy về DTI năm 2021?", "Thái Nguyên tăng bao nhiêu bậc?", "binh phuoc xep thu may",
    "What score did Binh Phuoc get?", "Tỉnh nào dẫn đầu DTI năm 2021?", "Còn năm 2020 thì sao?",
    "Tỷ lệ hồ sơ trực tuyến toàn trình là bao nhiêu?", "Thời tiết Hà Nội hôm nay?",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--warmup", type=int, default=200, help="answers before the first memory sample")
    args = p.parse_args(argv)
    from gradio_client import Client

    work = Path(tempfile.mkdtemp(prefix="dtiqa-soak-"))
    shutil.copytree(ROOT / "seeds", work / "corpus")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"}
    log = open(work / "app.log", "w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--host", "127.0.0.1", "--port", str(port),
                             "--corpus", str(work / "corpus"), "--index", str(work / "index")],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 600
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                print((work / "app.log").read_text()[-3000:], file=sys.stderr)
                return 2
            time.sleep(1)
        done, lock, latencies, samples, errors = [0], threading.Lock(), [], {}, []

        def client(n: int, offset: int) -> None:
            c = Client(url, verbose=False)
            for i in range(n):
                t = time.perf_counter()
                try:
                    c.predict(QUESTIONS[(offset + i) % len(QUESTIONS)], [], api_name="/ask")
                except Exception as e:  # noqa: BLE001 — counted and reported, the soak goes on
                    errors.append(repr(e)[:200])
                with lock:
                    latencies.append(time.perf_counter() - t)
                    done[0] += 1
                    if done[0] == args.warmup:
                        samples["after_warmup"] = _rss_mb(proc.pid)

        per = [args.requests // args.clients + (i < args.requests % args.clients) for i in range(args.clients)]
        threads = [threading.Thread(target=client, args=(n, i)) for i, n in enumerate(per)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        samples["end"] = _rss_mb(proc.pid)
        growth = samples["end"] / samples["after_warmup"] - 1 if samples.get("after_warmup") else float("nan")
        result = {"requests": args.requests, "clients": args.clients, "errors": len(errors),
                  "first_errors": errors[:3], "seconds": round(time.monotonic() - start, 1),
                  "ask_p50_ms": round(1000 * statistics.median(latencies), 1),
                  "rss_mb_after_warmup": round(samples.get("after_warmup", float("nan")), 1),
                  "rss_mb_end": round(samples["end"], 1), "growth": round(growth, 3)}
        print(json.dumps(result, ensure_ascii=False))
        return 0 if growth <= 0.10 and not errors else 1
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
