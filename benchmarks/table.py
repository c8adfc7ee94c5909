#!/usr/bin/env python3
"""Prints the Markdown tables of benchmarks/README.md from the result files."""
import glob
import json
import os
import sys

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")
live = []
live2x = []
for path in glob.glob(os.path.join(folder, "live-*.json")):
    with open(path, encoding="utf-8") as f:
        (live2x if os.path.basename(path).startswith("live-2x-") else live).append((os.path.basename(path), json.load(f)))
live.sort(key=lambda x: (x[1]["subscribers"], x[0]))
print("| file | subscribers | writes/s | deliveries expected | p50 ms | p95 ms | p99 ms | max ms | lost | duplicates | unexpected | load avg (start, end) | server WS / GC heap MB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
for name, d in live:
    m = d["server_memory_mb"]
    print(f"| {name} | {d['subscribers']} | {d['rate']:g} | {d['events_expected']} | {d['p50_ms']} | {d['p95_ms']} | {d['p99_ms']} | {d['max_ms']} "
          f"| {d['lost']} | {d['duplicates']} | {d['unexpected']} | {d['load_average'][0]}, {d['load_average'][1]} | {m['working_set']} / {m['gc_heap']} |")
print()
if live2x:
    # live --instances 2: the one-instance run and the two-instance run (Redis bus) of the same invocation
    live2x.sort(key=lambda x: (x[1]["subscribers"], x[0]))
    print("| file | subscribers | instances | deliveries expected | p50 ms | p95 ms | p99 ms | max ms | cross-instance p99 ms | commit → other instance's bus p99 ms | lost | duplicates | unexpected | load avg (start, end) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, d in live2x:
        for r in (d["one_instance"], d["two_instances"]):
            cross = r["cross_instance_p99_ms"] if r["instances"] > 1 else ""
            other = r["commit_to_other_instance_bus_p99_ms"] if r["instances"] > 1 else ""
            print(f"| {name} | {r['subscribers']} | {r['instances']} | {r['events_expected']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} "
                  f"| {cross} | {other} | {r['lost']} | {r['duplicates']} | {r['unexpected']} | {r['load_average'][0]}, {r['load_average'][1]} |")
        o = d["overhead_ms"]
        print(f"| {name}: two minus one | | | | {o['p50']:+g} | {o['p95']:+g} | {o['p99']:+g} | {o['max']:+g} | | | | | | |")
    print()
circuits = []
for path in sorted(glob.glob(os.path.join(folder, "circuits-*.json"))):
    with open(path, encoding="utf-8") as f:
        circuits.append((os.path.basename(path), json.load(f)))
print("| file | screen | pages | managed heap KB/page (slope) | working set KB/page (slope) | heap KB/page (median of batches) | errors | load avg (start, end) |")
print("|---|---|---:|---:|---:|---:|---:|---|")
for name, d in circuits:
    print(f"| {name} | {d.get('screen', d['path'])} | {d['pages']} | {d['gc_heap_per_circuit_kb_slope']} | {d['working_set_per_circuit_kb_slope']} "
          f"| {d['gc_heap_per_circuit_kb_median']} | {d.get('error_count', '')} | {', '.join(str(x) for x in d.get('load_average', []))} |")
print()
for path in sorted(glob.glob(os.path.join(folder, "render-*.json"))):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    print(f"{os.path.basename(path)}: scale {d['scale']} ({d['projects']} projects), as {d['account']}, {d['samples_per_screen']} loads per screen, "
          f"load avg {d['load_average'][0]}, {d['load_average'][1]}, errors {d['error_count']}")
    server = all("server_total" in r for r in d["screens"])
    if server:
        # server: the prerender request + the circuit's start to the data rendered; applied: until the browser acknowledged it
        print("| screen | browser: median ms | p95 ms | server prerender median / p95 | circuit rendered median / p95 | applied median / p95 | **server total median / p95** | SQL commands (median, min–max) |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for r in d["screens"]:
            sp = lambda k: f"{r[k]['median_ms']} / {r[k]['p95_ms']}"
            print(f"| {r['screen']} | {r['median_ms']} | {r['p95_ms']} | {sp('server_prerender')} | {sp('server_first_render')} | {sp('first_render_applied')} | "
                  f"**{sp('server_total')}** | {r['sql_commands_median']} ({r['sql_commands_min']}–{r['sql_commands_max']}) |")
    else:
        print("| screen | median ms | p95 ms | min ms | max ms | SQL commands (median, min–max) |")
        print("|---|---:|---:|---:|---:|---|")
        for r in d["screens"]:
            print(f"| {r['screen']} | {r['median_ms']} | {r['p95_ms']} | {r['min_ms']} | {r['max_ms']} | {r['sql_commands_median']} ({r['sql_commands_min']}–{r['sql_commands_max']}) |")
    print()
for path in sorted(glob.glob(os.path.join(folder, "coldstart*.json"))):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    print(f"{os.path.basename(path)}: cold start to the sign-in page, scale {d['scale']}: median {d['median_ms']} ms "
          f"(min {d['min_ms']}, max {d['max_ms']}; {d['samples']} starts; load avg {d['load_average'][0]}, {d['load_average'][1]}; errors {d['error_count']})")
print()
for name, d in circuits:
    print(f"{name}: per circuit {d['gc_heap_per_circuit_kb_median']} KB managed heap, {d['working_set_per_circuit_kb_median']} KB working set (median of batches); "
          f"slope {d['gc_heap_per_circuit_kb_slope']} KB heap, {d['working_set_per_circuit_kb_slope']} KB working set")
    print("| pages | circuits | GC heap MB | working set MB | heap KB/circuit | WS KB/circuit |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| 0 (baseline) | {d['baseline_circuits']} | {d['baseline_gc_heap_mb']} | {d['baseline_working_set_mb']} | | |")
    for b in d["batches"]:
        print(f"| {b['pages']} | {b['circuits']} | {b['gc_heap_mb']} | {b['working_set_mb']} | {b['gc_heap_per_circuit_kb']} | {b['working_set_per_circuit_kb']} |")
print()
imports = []
for path in glob.glob(os.path.join(folder, "import-*.json")):
    with open(path, encoding="utf-8") as f:
        imports.append((os.path.basename(path), json.load(f)))
if imports:
    imports.sort(key=lambda x: (x[1]["rows"], x[0]))
    print("| file | rows | runs | preview median ms | preview max ms | import median ms | import max ms | peak GC heap MB (preview / import) | baseline GC heap MB | load avg |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---|")
    for name, d in imports:
        peak_preview = max(r["preview_peak_gc_heap_mb"] for r in d["runs"])
        peak_import = max(r["import_peak_gc_heap_mb"] for r in d["runs"])
        print(f"| {name} | {d['rows']} | {d['samples']} | {d['preview_median_ms']} | {d['preview_max_ms']} | {d['import_median_ms']} | {d['import_max_ms']} "
              f"| {peak_preview} / {peak_import} | {d['baseline_gc_heap_mb']} | {', '.join(str(x) for x in d['load_average'])} |")
