#!/usr/bin/env python3
"""Synthesis benchmark: generated environments of 1, 10 and 100 datasets (4 tables each), and one dataset of 100 tables.

Prints wall time, peak memory of the whole process tree (dotnet and the jsii node process, summed, sampled
every 50 ms from /proc), the largest resource count of a stack and the largest template. Floors (issue 2):
100 datasets in under 60 s and 2 GiB; every stack of 4 tables under 200 resources and 400 KB. The 100-table dataset
(etl.tables_per_job: 10) must synthesize at all, which means within CloudFormation's 500 resources and 1 MB, IAM's
inline policy and EventBridge's pattern sizes (the synth command refuses a template beyond them).
Usage: python3 bench/synth_bench.py [1 10 100 1x100]   (DATASETSxTABLES; builds Infra.csproj in Release first)
"""
import json, os, shutil, subprocess, sys, tempfile, time

from proctree import tree_rss

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOOR_SECONDS, FLOOR_BYTES, FLOOR_RESOURCES, FLOOR_TEMPLATE = 60, 2 * 1024**3, 200, 400_000
LIMIT_RESOURCES, LIMIT_TEMPLATE = 500, 1_048_576  # CloudFormation's, for the 100-table dataset
TABLES_PER_JOB = 10  # for datasets of more than 50 tables: Glue starts at most 50 jobs per trigger

TABLE = """      - name: {name}
        key: [id]
        order_by: [updated_at desc]
        partition_by: [{{ name: event_year, from: event_date, transform: year }}]
        columns:
          - {{ name: id, type: string, required: true, rules: {{ trim: true }} }}
          - {{ name: amount, type: "decimal(12,2)", rules: {{ min: 0 }} }}
          - {{ name: quantity, type: int, rules: {{ min: 0, max: 1000 }} }}
          - {{ name: score, type: double }}
          - {{ name: status, type: string, rules: {{ lowercase: true, allowed_values: [new, done] }} }}
          - {{ name: active, type: boolean }}
          - {{ name: event_date, type: date, required: true }}
          - {{ name: updated_at, type: timestamp }}
"""


def write_config(folder, datasets, tables):
    lines = ["project: bench", "environments:", "  - name: dev", "datasets:"]
    env = ['account: "123456789012"', "region: eu-west-1", "removal_policy: retain"]
    if tables > 50:
        env += ["etl:", f"  tables_per_job: {TABLES_PER_JOB}"]
    env += ["datasets:"]
    for i in range(datasets):
        name = f"ds{i:03d}"
        os.makedirs(os.path.join(folder, "sql", name))
        os.makedirs(os.path.join(folder, "etl", name), exist_ok=True)
        with open(os.path.join(folder, "sql", name, "totals.sql"), "w") as f:
            f.write('SELECT status, SUM(amount) AS total FROM "{{database}}"."tbl_t1" GROUP BY status\n')
        with open(os.path.join(folder, "etl", name, "summary.sql"), "w") as f:
            f.write("SELECT t1.id, t1.amount, t2.score FROM t1 JOIN t2 ON t2.id = t1.id\n")
        lines += [f"  - name: {name}", "    tables:"]
        lines += [TABLE.format(name=f"t{t}").rstrip("\n") for t in range(1, tables + 1)]
        lines += ["    derived:", f"      - {{ name: summary, sql: etl/{name}/summary.sql, depends_on: [t1, t2] }}"]
        lines += ["    queries:", f"      - {{ name: totals, sql: sql/{name}/totals.sql }}"]
        env.append(f"  {name}: {{}}")
    with open(os.path.join(folder, "pipeline.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(folder, "pipeline.dev.yaml"), "w") as f:
        f.write("\n".join(env) + "\n")


def run(datasets, tables, dll):
    folder = tempfile.mkdtemp(prefix=f"bench-{datasets}x{tables}-")
    out = os.path.join(folder, "cdk.out")
    write_config(folder, datasets, tables)
    env = dict(os.environ, CDK_OUTDIR=out, CDK_CONTEXT_JSON=json.dumps({"env": "dev"}))
    start, peak = time.time(), 0
    proc = subprocess.Popen(["dotnet", dll, "synth", "--config-dir", folder], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.05)
    seconds = time.time() - start
    if proc.returncode != 0:
        sys.exit(f"synth of {datasets} datasets of {tables} tables failed:\n{proc.stdout.read().decode()}")
    templates = [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".template.json")]
    resources = max(len(json.load(open(t))["Resources"]) for t in templates)
    size = max(os.path.getsize(t) for t in templates)
    shutil.rmtree(folder)
    return seconds, peak, len(templates), resources, size


def main():
    sizes = [tuple(int(n) for n in (a if "x" in a else a + "x4").split("x")) for a in (sys.argv[1:] or ["1", "10", "100", "1x100"])]
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "Infra.csproj"), "-c", "Release", "-v", "q", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    dll = os.path.join(ROOT, "bin", "Release", "net10.0", "Infra.dll")
    print("| datasets | tables each | stacks | wall time (s) | peak memory (MiB) | max resources per stack | max template (KB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    failed = False
    for n, tables in sizes:
        seconds, peak, stacks, resources, size = run(n, tables, dll)
        print(f"| {n} | {tables} | {stacks} | {seconds:.1f} | {peak / 1024**2:.0f} | {resources} | {size / 1000:.0f} |", flush=True)
        if tables <= 4:
            failed |= resources >= FLOOR_RESOURCES or size >= FLOOR_TEMPLATE
        failed |= resources > LIMIT_RESOURCES or size > LIMIT_TEMPLATE
        failed |= n >= 100 and (seconds >= FLOOR_SECONDS or peak >= FLOOR_BYTES)
    print("floors: 100 datasets < 60 s and < 2 GiB; stacks of 4 tables < 200 resources and < 400 KB;",
          "the 100-table stack within CloudFormation's 500 resources and 1 MB:", "FAILED" if failed else "met")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
