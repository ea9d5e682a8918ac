#!/usr/bin/env python3
"""Load on a live `sakip serve` over loopback: answer saves from 32 concurrent clients, the
ranking of 550 agencies, and GET /health in the same run as the floor.

    python3 Benchmarks/service_load.py .build/release/sakip-serve [--seconds 20] [--database URL]

Seeds a fresh data folder (or the given PostgreSQL database, which must be empty) with 56 partner
regions, 550 agencies and 80 criteria each (one CSV submission), then measures. Writes
Benchmarks/SERVICE.md. Only the standard library: one keep-alive connection per client thread.
"""
import argparse, http.client, json, os, random, statistics, subprocess, sys, tempfile, threading, time

PORT = 18475
RUBRIC = "permenpanrb-88-2021"
LETTERS = ["AA", "A", "BB", "B", "CC", "C", "D"]


def criteria(root):
    text = open(os.path.join(root, "samples/kota-bandung-2024.xml"), encoding="utf-8").read()
    return [part.split('"')[0] for part in text.split('criterion="')[1:]]


class Client:
    def __init__(self, token):
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        self.headers = {"Authorization": f"Bearer {token}"}

    def call(self, method, path, body=None, content_type="application/json"):
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = content_type
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        return response.status, data


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run_clients(count, seconds, work):
    """Runs `work(index, client)` repeatedly on `count` threads for `seconds`; returns latencies (s)."""
    latencies, lock, stop = [], threading.Lock(), time.monotonic() + seconds
    errors = []

    def loop(index):
        client = Client(TOKEN)
        mine = []
        while time.monotonic() < stop:
            start = time.perf_counter()
            ok = work(index, client)
            elapsed = time.perf_counter() - start
            if ok:
                mine.append(elapsed)
            else:
                errors.append(index)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(count)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.monotonic() - began, len(errors)


def run_paced(count, seconds, rate, work):
    """Open loop: `count` clients together start `rate` requests a second on a fixed schedule;
    each latency is measured from when its request was due, so a slow answer also counts the
    wait it caused for the next (no coordinated omission). Returns latencies (s), seconds, errors."""
    latencies, lock, errors = [], threading.Lock(), []
    began = time.monotonic() + 0.2
    per_client = rate / count

    def loop(index):
        client = Client(TOKEN)
        mine, k = [], 0
        while True:
            due = began + (k + index / count) / per_client
            if due > began + seconds:
                break
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            ok = work(index, client)
            (mine if ok else errors).append(time.monotonic() - due)
            k += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, seconds, len(errors)


def summary(name, latencies, elapsed, errors):
    return {
        "name": name, "requests": len(latencies), "errors": errors,
        "per_second": len(latencies) / elapsed,
        "p50_ms": percentile(latencies, 50) * 1000, "p99_ms": percentile(latencies, 99) * 1000,
    }


def main():
    global TOKEN
    parser = argparse.ArgumentParser()
    parser.add_argument("sakip")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--database")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = tempfile.mkdtemp(prefix="sakip-load-")
    store = ["--database", args.database] if args.database else ["--data", data]
    subprocess.run([args.sakip, "users", "add", "office", "--role", "office", *store], check=True, capture_output=True)
    TOKEN = subprocess.run([args.sakip, "users", "token", "office", *store], check=True, capture_output=True, text=True).stdout.strip()
    server = subprocess.Popen([args.sakip, "--port", str(PORT), *store], stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if Client(TOKEN).call("GET", "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        setup = Client(TOKEN)
        assert setup.call("POST", "/api/v1/periods", json.dumps({"year": 2024, "rubric": RUBRIC}))[0] == 201
        ids = criteria(root)
        assert len(ids) == 80, len(ids)
        rng = random.Random(7)
        agencies = [(f"agency-{i:03d}", f"Region {i % 56:02d}") for i in range(550)]
        rows = ["agency,year,criterion,value,stage"]
        for agency, _ in agencies:
            rows += [f"{agency},2024,{c},{rng.choice(LETTERS)},final" for c in ids]
        directory = ["agency,name,region"] + [f"{a},Pemerintah {a},{r}" for a, r in agencies]
        for agency, region in agencies:
            assert setup.call("PUT", f"/api/v1/agencies/{agency}", json.dumps({"name": f"Pemerintah {agency}", "region": region}))[0] == 200
        status, body = setup.call("POST", "/api/v1/periods/2024/submissions", "\n".join(rows).encode(), "text/csv")
        assert status == 201, body[:300]

        def health(_, client):
            return client.call("GET", "/health")[0] == 200

        versions = {}

        def save(index, client):
            # Each client saves its own criterion of its own agency, naming the version it holds.
            agency, criterion = agencies[index][0], ids[index % len(ids)]
            version = versions.get(index)
            if version is None:
                status, body = client.call("GET", f"/api/v1/periods/2024/agencies/{agency}/answers")
                answer = next(a for a in json.loads(body)["answers"] if a["criterion"] == criterion and a["stage"] == "final")
                version = answer["version"]
            value = LETTERS[(version + index) % len(LETTERS)]
            status, body = client.call("PUT", f"/api/v1/periods/2024/agencies/{agency}/answers/{criterion}?stage=final",
                                       json.dumps({"value": value, "version": version}))
            if status != 200:
                return False
            versions[index] = json.loads(body)["answer"]["version"]
            return True

        def ranking(_, client):
            return client.call("GET", "/api/v1/periods/2024/ranking")[0] == 200

        def ranking_after_change(index, client):
            # Every ranking asked right after a save: the cache cannot help.
            save(index, client)
            start = time.perf_counter()
            ok = client.call("GET", "/api/v1/periods/2024/ranking")[0] == 200
            cold.append(time.perf_counter() - start)
            return ok

        cold = []
        results = [
            summary("GET /health (floor)", *run_clients(32, args.seconds, health)),
            summary("PUT answer (32 clients)", *run_clients(32, args.seconds, save)),
            summary("PUT answer (32 clients, 100 a second together)", *run_paced(32, args.seconds, 100, save)),
            summary("GET ranking, 550 agencies (unchanged since last asked)", *run_clients(4, args.seconds / 2, ranking)),
        ]
        results.append(summary("PUT answer (one client alone)", *run_clients(1, args.seconds / 2, save)))
        run_clients(1, args.seconds / 2, ranking_after_change)
        results.append({"name": "GET ranking, 550 agencies (right after a save)", "requests": len(cold), "errors": 0,
                        "per_second": 0, "p50_ms": percentile(cold, 50) * 1000, "p99_ms": percentile(cold, 99) * 1000})
    finally:
        server.terminate()
        server.wait()
    lines = ["# Service load (loopback)", "",
             f"`python3 Benchmarks/service_load.py {os.path.relpath(args.sakip, root)}` on {os.cpu_count()} cores, "
             f"{'PostgreSQL' if args.database else 'SQLite'}, {args.seconds:.0f} s per phase; 550 agencies x 80 criteria.", "",
             "| what | requests | errors | per second | p50 ms | p99 ms |", "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['name']} | {r['requests']} | {r['errors']} | {r['per_second']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} |")
    floor, saves = results[0]["per_second"], results[1]["per_second"]
    paced = results[2]
    lines += ["", f"Saves ran at {saves / floor:.2f} of /health's rate (goal: at least 0.25); "
              f"a save's p99 {results[1]['p99_ms']:.1f} ms with 32 clients saving as fast as they can, "
              f"{paced['p99_ms']:.1f} ms with 32 clients saving 100 a second together (goal: under 20); the ranking's p99 "
              f"{results[3]['p99_ms']:.1f} ms unchanged, {results[5]['p99_ms']:.1f} ms right after a save (goal: under 50)."]
    text = "\n".join(lines) + "\n"
    print(text)
    suffix = "-postgres" if args.database else ""
    # The table replaces the one at the top of the file; the analysis written below it stays.
    path = os.path.join(root, f"Benchmarks/SERVICE{suffix}.md")
    kept = ""
    if os.path.exists(path):
        previous = open(path).read()
        cut = previous.find("\n## ")
        kept = previous[cut:] if cut >= 0 else ""
    open(path, "w").write(text + kept)


if __name__ == "__main__":
    main()
