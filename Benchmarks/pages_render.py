#!/usr/bin/env python3
"""The LKE page's weight and server time, on loopback: the 80-criterion rubric
(permenpanrb-88-2021), every criterion answered at the self and final stages with a note and
an evidence link, asked for by an evaluator (the heaviest view: every stage beside each
control), 100 times per component, one request at a time; `/health` in the same run as the
floor. Server time is the service's own log line for each request (`ms=`).

Usage: python3 Benchmarks/pages_render.py .build/release/sakip-serve
"""
import json, os, re, statistics, subprocess, sys, tempfile, time, urllib.request

SERVE = sys.argv[1]
PORT = 18476
BASE = f"http://127.0.0.1:{PORT}"
RUNS = 100


def call(method, path, token=None, body=None, cookie=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if cookie:
        request.add_header("Cookie", cookie)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return response.read(), response.headers


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))]


def main():
    folder = tempfile.mkdtemp()
    data = os.path.join(folder, "data")
    subprocess.run([SERVE, "users", "add", "office", "--role", "office", "--password-stdin", "--data", data],
                   input="rahasia-sekali\n", text=True, check=True, capture_output=True)
    token = subprocess.run([SERVE, "users", "token", "office", "--data", data], text=True, check=True, capture_output=True).stdout.split()[-1]
    log_path = os.path.join(folder, "log")
    server = subprocess.Popen([SERVE, "--data", data, "--port", str(PORT)], stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/health"); break
            except OSError:
                time.sleep(0.1)
        call("POST", "/api/v1/periods", token, {"year": 2024, "rubric": "permenpanrb-88-2021"})
        call("PUT", "/api/v1/agencies/kota-bandung", token, {"name": "Pemerintah Kota Bandung", "region": "Jawa Barat"})
        call("POST", "/api/v1/users", token, {"username": "eval", "role": "evaluator", "regions": ["Jawa Barat"], "password": "rahasia-sekali"})
        criteria = [line.split('"')[1] for line in open("rubrics/permenpanrb-88-2021.yaml") if line.strip().startswith("- {id:") and "text:" in line]
        assert len(criteria) == 80, len(criteria)
        note = "Dokumen tersedia dan telah dievaluasi; lihat lampiran. " * 3
        for criterion in criteria:
            for stage, letter in [("self", "A"), ("final", "BB")]:
                call("PUT", f"/api/v1/periods/2024/agencies/kota-bandung/answers/{criterion}?stage={stage}", token,
                     {"value": letter, "note": note, "evidence": f"https://e-sakip.example/{criterion}.pdf", "version": 0})
        _, headers = call("POST", "/api/v1/session", body={"username": "eval", "password": "rahasia-sekali"})
        cookie = headers["Set-Cookie"].split(";")[0]
        rows = []
        for name, path in [("GET /health (floor)", "/health")] + [
                (f"LKE page, component {c}", f"/periods/2024/agencies/kota-bandung?component={c}&stage=final") for c in "1234"]:
            before = sum(1 for _ in open(log_path))
            wall, size = [], 0
            for _ in range(RUNS):
                start = time.perf_counter()
                body, _ = call("GET", path, cookie=cookie if path != "/health" else None)
                wall.append((time.perf_counter() - start) * 1000)
                size = len(body)
            time.sleep(0.2)
            lines = open(log_path).read().splitlines()[before:]
            server_ms = [float(m.group(1)) for line in lines if (m := re.search(r"ms=([\d.]+)", line))]
            rows.append((name, size, statistics.median(server_ms), percentile(server_ms, 0.99), statistics.median(wall), percentile(wall, 0.99)))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{RUNS} requests each, one at a time, on loopback; 80 criteria answered at two stages with notes.\n")
    print("| what | bytes | server p50 ms | server p99 ms | client p50 ms | client p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, size, p50, p99, w50, w99 in rows:
        print(f"| {name} | {size:,} | {p50:.1f} | {p99:.1f} | {w50:.1f} | {w99:.1f} |")
    worst = max(r[3] for r in rows[1:])
    heaviest = max(r[1] for r in rows[1:])
    print(f"\nGoals: under 150 KB (heaviest {heaviest / 1024:.1f} KB: {'met' if heaviest < 150 * 1024 else 'NOT met'}); "
          f"under 100 ms to render on the server (worst p99 {worst:.1f} ms: {'met' if worst < 100 else 'NOT met'}).")


if __name__ == "__main__":
    main()
