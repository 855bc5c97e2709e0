"""bench/run.sh's report: reads the measurements (one JSON object per file) and writes latest.json, latest.md and the
data files of the scaling chart (bench/scaling.gp). Usage: python3 bench/report.py PARTS_DIR OUT_DIR"""
import datetime
import glob
import json
import os
import platform
import subprocess
import sys

parts_dir, out = sys.argv[1], sys.argv[2]
m = {os.path.basename(f)[:-5]: json.load(open(f)) for f in sorted(glob.glob(os.path.join(parts_dir, "*.json")))}


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return ""


cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
machine = {
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "host": platform.node(),
    "cpu": f"{os.cpu_count()} cores, {cpu}",
    "memoryGiB": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30, 1),
    "loadAverage": sh("cut -d' ' -f1-3 /proc/loadavg"),
    "java": sh('"${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n1'),
    "postgres": sh("psql -V"),
    "serviceJavaOpts": os.environ.get("BENCH_JAVA_OPTS", ""),
    "restartJavaOpts": os.environ.get("BENCH_RESTART_JAVA_OPTS", ""),
    "concurrency": int(os.environ.get("BENCH_CONCURRENCY", "8")),
    "smoke": os.environ.get("BENCH_SMOKE") == "true",
}


def g(key, field):
    return m.get(key, {}).get(field)


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


derived = {
    "singleVsPgbench": ratio(g("wrk_single_direct", "rps"), g("pgbench_single", "tps")),
    "matrixVsPgbench": ratio(g("wrk_matrix_direct", "rps"), g("pgbench_matrix", "tps")),
    "gatewayThroughputRatio": ratio(g("wrk_single_gateway", "rps"), g("wrk_single_direct", "rps")),
    "gatewayMatrixThroughputRatio": ratio(g("wrk_matrix_gateway", "rps"), g("wrk_matrix_direct", "rps")),
    "gatewayAddedP50Ms": round(g("rate_single_gateway", "p50Ms") - g("rate_single_direct", "p50Ms"), 3)
    if g("rate_single_gateway", "p50Ms") is not None and g("rate_single_direct", "p50Ms") is not None else None,
}


def target(name, value, ok):
    return {"target": name, "value": value, "met": None if value is None else bool(ok(value))}


footprints = sorted((v for k, v in m.items() if k.startswith("footprint_")), key=lambda f: f["app"])
targets = [
    target("consent check (1 pupil x 1 purpose) >= 0.5x pgbench TPS", derived["singleVsPgbench"], lambda v: v >= 0.5),
    target("1,000 x 8 matrix >= 0.5x pgbench TPS", derived["matrixVsPgbench"], lambda v: v >= 0.5),
    target("matrix p99 < 100 ms (constant rate)", g("rate_matrix_direct", "p99Ms"), lambda v: v < 100),
    target("gateway throughput ratio >= 0.8", derived["gatewayThroughputRatio"], lambda v: v >= 0.8),
    target("gateway added p50 < 1 ms", derived["gatewayAddedP50Ms"], lambda v: v < 1),
    target("1,000-pupil sharing check p99 < 200 ms", g("rate_sharing_check", "p99Ms"), lambda v: v < 200),
    target("withdrawal -> refused decision p99 < 1 s", g("propagation", "decisionP99Ms"), lambda v: v < 1000),
    target("withdrawal -> partner webhook p99 < 2 s", g("propagation", "webhookP99Ms"), lambda v: v < 2000),
]
for f in footprints:
    if "readyMs" in f:
        targets.append(target(f"{f['app']}: ready < 3 s", f["readyMs"], lambda v: v < 3000))
    targets.append(target(f"{f['app']}: RSS after load < 300 MiB", f["rssAfterLoadMiB"], lambda v: v < 300))

scale_d = sorted((v for k, v in m.items() if k.startswith("scale_decisions_")), key=lambda v: v["decisions"])
scale_h = sorted((v for k, v in m.items() if k.startswith("scale_holdings_")), key=lambda v: v["holdings"])
scale_r = sorted((v for k, v in m.items() if k.startswith("scale_roster_")), key=lambda v: v["pupils"])

json.dump({"machine": machine, "derived": derived, "targets": targets, "measurements": m}, open(os.path.join(out, "latest.json"), "w"),
          indent=2)

with open(os.path.join(out, "scaling-decisions.dat"), "w") as f:
    f.write("# decisions single_p50 single_p99 matrix_p50 matrix_p99 (ms)\n")
    for s in scale_d:
        f.write(f"{s['decisions']} {s['single']['p50Ms']} {s['single']['p99Ms']} {s['matrix']['p50Ms']} {s['matrix']['p99Ms']}\n")
with open(os.path.join(out, "scaling-holdings.dat"), "w") as f:
    f.write("# holdings sql_ms api_p50 api_p99 (ms)\n")
    for s in scale_h:
        f.write(f"{s['holdings']} {s['dueQuerySqlMs'] or 'NaN'} {s['api']['p50Ms']} {s['api']['p99Ms']}\n")
with open(os.path.join(out, "scaling-roster.dat"), "w") as f:
    f.write("# pupils total_s\n")
    for s in scale_r:
        f.write(f"{s['pupils']} {s['totalMs'] / 1000:.2f}\n")


def fmt(v, unit=""):
    if v is None:
        return "–"
    if isinstance(v, float):
        v = f"{v:,.2f}" if abs(v) < 100 else f"{v:,.0f}"
    elif isinstance(v, int):
        v = f"{v:,}"
    return f"{v}{unit}"


def lat(x):
    return f"{fmt(x['p50Ms'])} / {fmt(x['p99Ms'])} / {fmt(x['p999Ms'])} ms" if x else "–"


md = []
md.append("# Benchmark results" + (" (smoke run: small data, short runs)" if machine["smoke"] else ""))
md.append("")
md.append(f"Measured {machine['date']} on `{machine['host']}`: {machine['cpu']}, {machine['memoryGiB']} GiB, load average "
          f"{machine['loadAverage']} at the end (the machine is shared). {machine['java']}; {machine['postgres']}. "
          f"Services run with `{machine['serviceJavaOpts']}`. Fixed concurrency: wrk with {machine['concurrency']} connections "
          f"and pgbench with {machine['concurrency']} clients (2 threads each). Latency at a constant rate is timed from when "
          "each request was due (bench/src/BenchTool.java), so a slow answer is never hidden. Produced by `bench/run.sh`.")
md.append("")
md.append("## Targets")
md.append("")
md.append("| target | measured | met |")
md.append("|---|---|---|")
for t in targets:
    md.append(f"| {t['target']} | {fmt(t['value'])} | {'yes' if t['met'] else ('–' if t['met'] is None else '**no**')} |")
md.append("")
md.append("## 1-2. Consent check vs PostgreSQL, and the gateway")
md.append("")
md.append("| what | requests/s | p50 / p99 / p99.9 | CPU per request: gateway, consent-service |")
md.append("|---|---|---|---|")
for key, label in [("wrk_single_direct", "1 pupil x 1 purpose, consent-service (wrk)"),
                   ("wrk_single_gateway", "1 pupil x 1 purpose, through the gateway (wrk)"),
                   ("pgbench_single", "1 pupil x 1 purpose, pgbench: the service's SQL"),
                   ("wrk_matrix_direct", "1,000 x 8 matrix, consent-service (wrk)"),
                   ("wrk_matrix_gateway", "1,000 x 8 matrix, through the gateway (wrk)"),
                   ("pgbench_matrix", "1,000 x 8 matrix, pgbench: the service's SQL")]:
    x = m.get(key)
    if x:
        cpu = (f"{fmt(x['gatewayCpuMsPerRequest'], ' ms')}, {fmt(x['consentCpuMsPerRequest'], ' ms')}"
               if "gatewayCpuMsPerRequest" in x else "–")
        md.append(f"| {label} | {fmt(x.get('rps', x.get('tps')))} | {lat(x) if 'p50Ms' in x else '–'} | {cpu} |")
for key, label in [("rate_single_direct", "1 x 1, consent-service"), ("rate_single_gateway", "1 x 1, through the gateway"),
                   ("rate_matrix_direct", "1,000 x 8 matrix, consent-service"),
                   ("rate_sharing_check", "3. 1,000-pupil sharing check, sharing-service")]:
    x = m.get(key)
    if x:
        md.append(f"| {label}, constant {fmt(x['rps'])}/s for {x['seconds']} s ({x['errors']} errors) | {fmt(x['achievedRps'])} | {lat(x)} | |")
md.append("")
md.append(f"Ratios: single check {fmt(derived['singleVsPgbench'])}x pgbench, matrix {fmt(derived['matrixVsPgbench'])}x pgbench; "
          f"gateway/direct throughput {fmt(derived['gatewayThroughputRatio'])} (matrix {fmt(derived['gatewayMatrixThroughputRatio'])}), "
          f"the gateway adds {fmt(derived['gatewayAddedP50Ms'])} ms at p50.")
p = m.get("propagation")
if p:
    md.append("")
    md.append("## 4. Propagation")
    md.append("")
    md.append(f"{p['withdrawals']} withdrawals through consent-service at {fmt(p['rps'])}/s ({p['failed']} failed), each timed from "
              "its 201 (committed) to the first `POST /sharing-checks` that refuses the pupil (polled every 5 ms) and to the "
              "`consent.withdrawn` webhook arriving at a receiver on this machine.")
    md.append("")
    md.append("| | seen | p50 | p99 | max |")
    md.append("|---|---|---|---|---|")
    md.append(f"| refused sharing decision | {p['decisionSeen']} | {fmt(p['decisionP50Ms'], ' ms')} | {fmt(p['decisionP99Ms'], ' ms')} | {fmt(p['decisionMaxMs'], ' ms')} |")
    md.append(f"| partner webhook | {p['webhooksSeen']} | {fmt(p['webhookP50Ms'], ' ms')} | {fmt(p['webhookP99Ms'], ' ms')} | {fmt(p['webhookMaxMs'], ' ms')} |")
md.append("")
md.append("## 5. Scaling (chart: scaling.svg)")
md.append("")
md.append("Stored decisions and holdings beyond the bench school's (which go through the API) are bulk-loaded with "
          "`generate_series` into the owning service's tables, in other schools: for consent the rows a grant through the API "
          "writes (pupil, guardian with parental responsibility, `consent_decision`, and the `consent_status` it resolves to), "
          "for retention the `holding` rows of retention-service/bench/due-query.sh. The roster syncs go through the API.")
md.append("")
md.append("| stored decisions | 1 x 1 check p50 / p99 (50/s) | 1,000 x 8 matrix p50 / p99 (5/s) |")
md.append("|---|---|---|")
for s in scale_d:
    md.append(f"| {s['decisions']:,} | {fmt(s['single']['p50Ms'])} / {fmt(s['single']['p99Ms'])} ms | {fmt(s['matrix']['p50Ms'])} / {fmt(s['matrix']['p99Ms'])} ms |")
md.append("")
md.append("| holdings | due query (due-unheld.sql, server time, median of 5) | `GET /holdings?status=ACTIVE&dueBefore=…&limit=500` p50 / p99 (20/s) |")
md.append("|---|---|---|")
for s in scale_h:
    md.append(f"| {s['holdings']:,} | {fmt(s['dueQuerySqlMs'], ' ms')} | {fmt(s['api']['p50Ms'])} / {fmt(s['api']['p99Ms'])} ms |")
md.append("")
md.append("| roster sync | batches | total | pupils/s | slowest batch |")
md.append("|---|---|---|---|---|")
for s in scale_r:
    md.append(f"| {s['pupils']:,} pupils | {s['batches']} x ≤ {s['batch']:,} | {s['totalMs'] / 1000:.2f} s | {fmt(s['pupilsPerSecond'])} | {fmt(s['maxBatchMs'] / 1000, ' s')} |")
md.append("")
md.append("## 6. Footprint")
md.append("")
if machine["restartJavaOpts"]:
    md.append(f"Each part is restarted from its jar (with its ahead-of-time cache when up.sh made one) with the local stack's default JVM options, `{machine['restartJavaOpts']}`, once the machine is idle (the share of its CPU busy in the 2 s before the restart is in the table); its memory after the load is that of the process measured above.")
    md.append("")
md.append("| part | machine busy before | process start to ready | CPU used by then | Quarkus' own 'started in' | RSS idle (5 s after ready) | RSS after the load |")
md.append("|---|---|---|---|---|---|---|")
for f in footprints:
    md.append(f"| {f['app']} | {fmt(f.get('machineBusyPctBefore'), '%')} | {fmt(f.get('readyMs'), ' ms')} | {fmt(f.get('cpuMsToReady'), ' ms')} | {fmt(f.get('quarkusStartedS') or None, ' s')} | "
              f"{fmt(f.get('rssIdleMiB'), ' MiB')} | {fmt(f['rssAfterLoadMiB'], ' MiB')} |")
md.append("")
if os.environ.get("BENCH_NOTE"):
    md.append("Note: " + os.environ["BENCH_NOTE"])
    md.append("")
open(os.path.join(out, "latest.md"), "w").write("\n".join(md))
print("\n".join(md[:len(targets) + 8]))
