#!/usr/bin/env python3
"""Local engine benchmark: 'run' on a generated spotify sample against the same cleaning written by hand in SQL.

Generates ROWS tracks with the Spotify generator of bench/Tools (albums and features get as many rows, artists about an eighth),
runs 'run' and bench/Tools' 'handwritten' (bench/handwritten_spotify.sql, one DuckDB connection, writing the same codec as
the dataset's parquet_compression) alternately, twice each, keeping the best of each. Prints wall
time, peak memory of the process tree (VmRSS summed over dotnet and children, sampled every 50 ms from /proc),
rows per second, and staging CSV bytes against Parquet bytes. Floors (issue): 1M rows in < 60 s and < 4 GiB;
ours <= 1.25x hand-written; Parquet <= 35% of staging bytes.
Usage: python3 bench/local_bench.py [ROWS] [--compare-snappy]   (builds bench/Tools, and with it the app, in Release first;
--compare-snappy also runs once with the dataset's parquet_compression set to snappy, to show what the codec buys)
"""
import json, os, shutil, subprocess, sys, tempfile, time

from proctree import tree_rss

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLES = ["artists", "albums", "tracks", "features"]
ROUNDS = 2
FLOOR_SECONDS, FLOOR_BYTES, FLOOR_RATIO, FLOOR_PARQUET_SHARE = 60, 4 * 1024**3, 1.25, 0.35


def measure(args):
    """(wall seconds, peak tree RSS bytes, stdout) of one process."""
    start, peak = time.time(), 0
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.05)
    seconds = time.time() - start
    output = proc.stdout.read().decode()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{output}")
    return seconds, peak, output


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)


COMPARED_METRICS = ("rows_read", "rows_written", "rows_rejected", "duplicates_dropped", "rejected")


def metrics(folder, table):
    """The counts both runs write (the engine writes more: files, lines and header lines read, empty files)."""
    counts = {}
    for name in os.listdir(os.path.join(folder, "_metrics", table)):
        for line in open(os.path.join(folder, "_metrics", table, name)):
            row = json.loads(line)
            if row["metric"] in COMPARED_METRICS:
                counts[(row["metric"], row["reason"])] = row["rows"]
    return counts


def codec_of(dataset_folder):
    """The codec the run wrote (every table of a dataset shares the dataset's parquet_compression)."""
    codecs = {t["compression"] for t in json.load(open(os.path.join(dataset_folder, "run.json")))["tables"]}
    if len(codecs) != 1:
        sys.exit(f"expected one codec for the dataset, found {sorted(codecs)}")
    return codecs.pop()


def run_with_snappy(dll, staging, work):
    """(cleaned-table bytes, warehouse bytes) of one run on a copy of the config whose spotify dataset says snappy."""
    config = os.path.join(work, "config-snappy")
    for folder in ("sql", "etl"):
        shutil.copytree(os.path.join(ROOT, folder), os.path.join(config, folder))
    for name in os.listdir(ROOT):
        if name.startswith("pipeline.") and name.endswith(".yaml"):
            shutil.copy(os.path.join(ROOT, name), config)
    path = os.path.join(config, "pipeline.yaml")
    text = open(path).read()
    if "parquet_compression: zstd" not in text:
        sys.exit("--compare-snappy expects 'parquet_compression: zstd' in pipeline.yaml")
    open(path, "w").write(text.replace("parquet_compression: zstd", "parquet_compression: snappy"))
    out = os.path.join(work, "out-snappy")
    measure(dll + ["run", "--config-dir", config, "--dataset", "spotify", "--staging", staging, "--out", out])
    result = json.load(open(os.path.join(out, "spotify", "run.json")))
    return sum(t["parquet_bytes"] for t in result["tables"]), folder_bytes(os.path.join(out, "spotify", "data-warehouse"))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(args[0]) if args else 1_000_000
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "bench", "Tools", "BenchTools.csproj"), "-c", "Release", "-v", "q", "-nologo",
                    "-o", os.path.join(ROOT, "bench", "out", "tools")], check=True, stdout=subprocess.DEVNULL)
    dll = ["dotnet", os.path.join(ROOT, "bench", "out", "tools", "Infra.dll")]
    tools = ["dotnet", os.path.join(ROOT, "bench", "out", "tools", "BenchTools.dll")]
    work = tempfile.mkdtemp(prefix="local-bench-")
    staging, out, handwritten = (os.path.join(work, p) for p in ("staging/spotify", "out", "handwritten"))
    try:
        sample_seconds, _, _ = measure(tools + ["spotify-sample", "--rows", str(rows), "--seed", "42", "--out", staging])
        os.sync()  # the sample's dirty pages would otherwise be flushed during the first measured run
        ours, theirs = [], []
        for _ in range(ROUNDS):  # alternate, keep the best of each: the machine's noise hits both alike
            seconds, peak, _ = measure(dll + ["run", "--config-dir", ROOT, "--dataset", "spotify", "--staging", staging, "--out", out])
            ours.append((json.load(open(os.path.join(out, "spotify", "run.json")))["phase_seconds"]["tables"], seconds, peak))
            codec = codec_of(os.path.join(out, "spotify"))
            hw_seconds, hw_peak, hw_output = measure(tools + ["handwritten", "--sql", os.path.join(ROOT, "bench", "handwritten_spotify.sql"),
                                                            "--staging", staging, "--out", handwritten, "--compression", codec])
            theirs.append((float(hw_output.strip().splitlines()[-1]), hw_seconds, hw_peak))
        hw_sql_seconds, hw_seconds, hw_peak = min(theirs)
        _, seconds, peak = min(ours)
        result = json.load(open(os.path.join(out, "spotify", "run.json")))
        for table in TABLES:
            if metrics(os.path.join(out, "spotify"), table) != metrics(handwritten, table):
                sys.exit(f"hand-written SQL and the engine disagree on the metrics of {table}; fix bench/handwritten_spotify.sql")

        dataset = os.path.join(out, "spotify")
        snappy = run_with_snappy(dll, staging, work) if "--compare-snappy" in sys.argv else None
        rows_read = sum(t["rows_read"] for t in result["tables"])
        csv_bytes = sum(t["staging_bytes"] for t in result["tables"])
        parquet_bytes = sum(t["parquet_bytes"] for t in result["tables"])
        warehouse_bytes = folder_bytes(os.path.join(dataset, "data-warehouse"))
        etl_seconds = min(ours)[0]
        ratio_etl, ratio_process = etl_seconds / hw_sql_seconds, seconds / hw_seconds

        print(f"sample: {rows:,} tracks, {rows_read:,} staging rows in 4 tables, {csv_bytes / 1e6:.0f} MB CSV (generated in {sample_seconds:.1f} s)\n")
        print("| measure | ours (`run`) | hand-written SQL | ours / hand-written |")
        print("|---|---:|---:|---:|")
        print(f"| wall time, whole process (s) | {seconds:.1f} | {hw_seconds:.1f} | {ratio_process:.2f} |")
        print(f"| cleaning the 4 tables, in process (s) | {etl_seconds:.1f} | {hw_sql_seconds:.1f} | {ratio_etl:.2f} |")
        print(f"| peak memory, process tree (MiB) | {peak / 1024**2:.0f} | {hw_peak / 1024**2:.0f} | {peak / hw_peak:.2f} |")
        print(f"| staging rows per second | {rows_read / seconds:,.0f} | {rows_read / hw_seconds:,.0f} | |")
        phases = ", ".join(f"{k} {v:.1f} s" for k, v in result["phase_seconds"].items())
        print(f"\nbest of {ROUNDS} alternating rounds; ours by phase (last round): {phases}")
        print(f"all rounds, cleaning seconds: ours {[round(o[0], 1) for o in ours]}, hand-written {[round(t[0], 1) for t in theirs]}")
        print(f"\n| bytes | {codec} (pipeline.yaml) |" + (" snappy |" if snappy else ""))
        print("|---|---:|" + ("---:|" if snappy else ""))
        def cell(value, total): return f" {value / 1e6:.1f} ({value / total:.0%}) |"
        print(f"| staging CSV, 4 tables (MB) | {csv_bytes / 1e6:.1f} |" + (f" {csv_bytes / 1e6:.1f} |" if snappy else ""))
        print(f"| Parquet of the 4 cleaned tables (MB) |{cell(parquet_bytes, csv_bytes)}" + (cell(snappy[0], csv_bytes) if snappy else ""))
        print(f"| whole warehouse incl. derived tables (MB) |{cell(warehouse_bytes, csv_bytes)}" + (cell(snappy[1], csv_bytes) if snappy else ""))

        checks = {
            f"{rows:,}-row run < {FLOOR_SECONDS} s": seconds < FLOOR_SECONDS,
            "peak memory < 4 GiB": peak < FLOOR_BYTES,
            f"ours <= {FLOOR_RATIO}x hand-written (cleaning, in process)": ratio_etl <= FLOOR_RATIO,
            f"Parquet <= {FLOOR_PARQUET_SHARE:.0%} of staging bytes ({codec})": parquet_bytes / csv_bytes <= FLOOR_PARQUET_SHARE,
        }
        print()
        for name, ok in checks.items():
            print(f"floor {name}: {'met' if ok else 'NOT MET'}")
        sys.exit(0 if all(checks.values()) else 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
