"""Generic Glue job: runs the transform plans compiled for Spark by the C# TransformCompiler (plan contract version 2),
one table after another in one Spark session.

Arguments: --plan_path (s3:// URL of a JSON list of plans, a CDK asset fetched before anything else: plans live in S3,
not in the job's arguments, so the template stays small), --staging_root (s3://bucket/staging/; each table reads
<staging_root><table>/), --warehouse_path (s3://bucket/).
The logic is in the plan's SQL: the CSV grammar, header matching, null values, types and rules are SQL that DuckDB runs
the same way locally. This script only lists the staging files, registers the two views every table plan reads
(raw_<table>: one row per record; files_<table>: one row per file), runs the steps in order and writes the outputs.
Helpers import neither pyspark, awsglue nor boto3 (only main does), so etl/tests test them without Spark.
"""
import json
import re
import sys
import zlib
from datetime import timezone

PLAN_VERSION = 2
ARGUMENTS = ["JOB_NAME", "plan_path", "staging_root", "warehouse_path"]
SPARK_SETTINGS = {
    # Bad dates and numbers become NULL instead of failing the job; the plan's SQL rejects them itself.
    "spark.sql.legacy.timeParserPolicy": "CORRECTED",
    "spark.sql.ansi.enabled": "false",
    # Write dates and timestamps before 1582-10-15 as DuckDB does (proleptic Gregorian), instead of failing the job:
    # https://spark.apache.org/docs/latest/sql-migration-guide.html (datetimeRebaseModeInWrite defaults to EXCEPTION).
    "spark.sql.parquet.datetimeRebaseModeInWrite": "CORRECTED",
    "spark.sql.parquet.int96RebaseModeInWrite": "CORRECTED",
    "spark.sql.parquet.datetimeRebaseModeInRead": "CORRECTED",
    "spark.sql.parquet.int96RebaseModeInRead": "CORRECTED",
    # Timestamps as INT64 microseconds (what DuckDB writes), not Spark's legacy INT96; wall-clock time in UTC.
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.sql.session.timeZone": "UTC",
}
# Objects in these storage classes cannot be read by Spark without a restore; they are skipped and counted.
ARCHIVED_STORAGE_CLASSES = ("GLACIER", "DEEP_ARCHIVE")
# The Spark names of the plan's encodings; utf-16 is little-endian, as Windows writes it.
SPARK_ENCODINGS = {"utf-8": "UTF-8", "latin-1": "ISO-8859-1", "utf-16": "UTF-16LE"}
PYTHON_ENCODINGS = {"utf-8": "utf-8", "latin-1": "latin-1", "utf-16": "utf-16-le"}
FIRST_LINE_CHUNK = 64 * 1024
JSON_ARRAY_PROBLEM = ("is not one JSON array (format: json reads files holding [ {...}, {...} ]); fix the file, "
                      "or set format: jsonl if it holds one object per line")


def parse_plan(text):
    """The plan as a dict; refuses plans of another version or dialect, or without steps and outputs."""
    return check_plan(json.loads(text))


def parse_plans(text):
    """The list of plans a job runs, in order; refuses an empty list and a table written twice."""
    plans = json.loads(text)
    if not isinstance(plans, list) or not plans:
        raise ValueError("The plan file holds no list of plans; recompile and redeploy the stack.")
    plans = [check_plan(plan) for plan in plans]
    tables = [plan["table"] for plan in plans]
    for table in tables:
        if tables.count(table) > 1:
            raise ValueError(f"The plan file writes '{table}' twice; recompile and redeploy the stack.")
    return plans


def plan_object(uri):
    """(bucket, key) of the plan file at s3://bucket/key."""
    bucket, key = split_s3_uri(uri)
    if not key or key.endswith("/"):
        raise ValueError(f"'{uri}' names no plan file; expected s3://bucket/key.")
    return bucket, key


def table_staging_path(staging_root, table):
    """The staging folder of one table: <staging_root><table>/."""
    return join_path(staging_root, table) + "/"


def check_plan(plan):
    """The plan itself if it is one this runner can execute."""
    if not isinstance(plan, dict):
        raise ValueError("A plan is a JSON object; recompile it.")
    if plan.get("version") != PLAN_VERSION:
        raise ValueError(f"The plan has version {plan.get('version')}, this runner runs version {PLAN_VERSION}; "
                         "redeploy the stack so job and runner match.")
    if plan.get("dialect") != "spark":
        raise ValueError(f"The plan is written for '{plan.get('dialect')}'; compile it with the Spark dialect.")
    if plan.get("kind") not in ("table", "derived"):
        raise ValueError(f"The plan kind is '{plan.get('kind')}'; expected 'table' or 'derived'.")
    required = ["table", "steps", "outputs"] + (["source"] if plan.get("kind") == "table" else ["inputs"])
    for key in required:
        if not plan.get(key):
            raise ValueError(f"The plan of '{plan.get('table')}' has no '{key}'; recompile it.")
    return plan


def join_path(base, relative):
    """base + relative with exactly one '/' between them."""
    return base.rstrip("/") + "/" + relative.lstrip("/")


def split_s3_uri(uri):
    """(bucket, key prefix) of s3://bucket/prefix."""
    match = re.fullmatch(r"s3://([^/]+)/?(.*)", uri)
    if not match:
        raise ValueError(f"'{uri}' is not an s3://bucket/prefix path.")
    return match.group(1), match.group(2)


def select_files(objects, prefix, file_pattern):
    """Split listed objects (dicts with Key, Size, StorageClass) into (read, ignored, archived), each sorted by key.

    A file is read when its path under the prefix matches the plan's file pattern and its storage class lets Spark
    read it; its relative path is added as 'Path'."""
    pattern = re.compile(file_pattern)
    read, ignored, archived = [], [], []
    for item in sorted(objects, key=lambda o: o["Key"]):
        relative = item["Key"][len(prefix):] if item["Key"].startswith(prefix) else item["Key"]
        entry = dict(item, Path=relative)
        if not relative or relative.endswith("/") or not pattern.search(relative):
            ignored.append(entry)
        elif item.get("StorageClass") in ARCHIVED_STORAGE_CLASSES:
            archived.append(entry)
        else:
            read.append(entry)
    return read, ignored, archived


def arrival(last_modified, path):
    """The plan's _arrival: modification time in UTC to the microsecond, a space, the path (the local engine's format)."""
    moment = last_modified.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}Z " + path


def first_line(read_range, size, encoding, gzip):
    """The first line of a file holding more than spaces and control characters, without a byte-order mark and without
    its line end ('\n', and a '\r' before it); None if there is none. read_range(start, end) returns the bytes
    start..end (inclusive) of the file; only what is needed is read. Bytes that are not valid in the encoding become
    U+FFFD, as Spark decodes them."""
    decompressor = zlib.decompressobj(wbits=31) if gzip else None
    codec = PYTHON_ENCODINGS[encoding]
    raw, offset = b"", 0
    while True:
        chunk = read_range(offset, min(offset + FIRST_LINE_CHUNK, size) - 1) if offset < size else b""
        offset += len(chunk)
        raw += decompressor.decompress(chunk) if decompressor and chunk else chunk
        done = offset >= size or not chunk
        text = raw.decode(codec, errors="replace") if done else _decodable_prefix(raw, codec)
        lines = text.split("\n")
        for line in lines if done else lines[:-1]:
            line = line.lstrip("\ufeff")
            if line.endswith("\r"):
                line = line[:-1]
            if any(c > " " for c in line):
                return line
        if done:
            return None


def _decodable_prefix(raw, codec):
    """The text of the bytes read so far, leaving out a multi-byte character cut at the end."""
    for cut in range(0, 4):
        try:
            return raw[:len(raw) - cut].decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode(codec, errors="replace")


# A record's text as the plan expects it: the whole line (kept in _corrupt_record when it holds the separator), without
# the '\r' of a CRLF line end (lines are split at '\n') and without a byte-order mark; DuckDB's reader gives the same.
LINE_TEXT = "regexp_replace(regexp_replace(coalesce(_corrupt_record, value), '\\r$', ''), '^\\uFEFF', '')"


def line_reader_options(source):
    """Spark CSV reader options that return each line whole as one text column: quoting off, a separator that text
    does not hold (a line that holds it is malformed to the reader, and _corrupt_record keeps the whole line)."""
    if source["format"] not in ("csv", "jsonl"):
        raise ValueError(f"Source format '{source['format']}' is not read line by line.")
    return {
        "header": "false",
        "sep": "\u001f",
        "quote": "",
        "mode": "PERMISSIVE",
        "columnNameOfCorruptRecord": "_corrupt_record",
        "multiLine": "false",
        "lineSep": "\n",
        "encoding": SPARK_ENCODINGS[source["encoding"]],
        "ignoreLeadingWhiteSpace": "false",
        "ignoreTrailingWhiteSpace": "false",
        "maxCharsPerColumn": "-1",
    }


def source_file_expression(staging_path):
    """SQL for a record's _source_file: the path of its file under staging_path, percent-escapes undone (Spark gives
    file names as URIs)."""
    prefix = staging_path.rstrip("/") + "/"
    decoded = "reflect('java.net.URLDecoder', 'decode', replace(input_file_name(), '+', '%2B'), 'UTF-8')"
    return f"substr({decoded}, {len(prefix) + 1})"


def input_paths(plan, warehouse_path):
    """Derived plans: each input table's folder in the warehouse, as the plan names it."""
    return [(item["table"], join_path(warehouse_path, item["path"])) for item in plan.get("inputs", [])]


def ordered_steps(plan):
    """(name, sql, materialize, stops_on_rows) in plan order; a step may read only the views registered before it."""
    steps, seen = [], set()
    for step in plan["steps"]:
        if step["name"] in seen:
            raise ValueError(f"Step '{step['name']}' appears twice in the plan of '{plan['table']}'.")
        seen.add(step["name"])
        steps.append((step["name"], step["sql"], bool(step.get("materialize", False)), bool(step.get("stops_on_rows", False))))
    return steps


def problem_report(table, staging_path, messages):
    """The error that stops a table: each problem's message after the table's staging folder."""
    folder = staging_path.rstrip("/") + "/"
    return f"Table '{table}' cannot be read:\n" + "\n".join("  " + folder + message for message in sorted(messages))


def output_writes(plan, warehouse_path):
    """(view, s3 path, partition columns, format, writer options) of each output; every step named must exist.
    Parquet outputs carry their codec (the dataset's parquet_compression), passed as Spark's 'compression' option."""
    names = {step["name"] for step in plan["steps"]}
    writes = []
    for output in plan["outputs"]:
        if output["view"] not in names:
            raise ValueError(f"Output '{output['view']}' is not a step of the plan of '{plan['table']}'.")
        options = {}
        if output["format"] == "parquet":
            if not output.get("compression"):
                raise ValueError(f"Output '{output['view']}' of '{plan['table']}' has no compression; recompile the plan.")
            options["compression"] = output["compression"]
        writes.append((output["view"], join_path(warehouse_path, output["path"]),
                       list(output.get("partition_by", [])), output["format"], options))
    return writes


def list_staging(s3, staging_path):
    """Every object under the staging prefix (boto3 paginates; S3 lists in key order)."""
    bucket, prefix = split_s3_uri(staging_path)
    prefix = prefix.rstrip("/") + "/"
    objects = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        objects.extend(page.get("Contents", []))
    return bucket, prefix, objects


def register_sources(spark, s3, plan, staging_path):
    """Registers files_<table> and raw_<table> for the staging files the plan reads."""
    from pyspark.sql.types import StringType, StructField, StructType

    table, source = plan["table"], plan["source"]
    bucket, prefix, objects = list_staging(s3, staging_path)
    files, _, archived = select_files(objects, prefix, source["file_pattern"])
    if archived:
        print(f"table {table}: skipped {len(archived)} archived staging files (storage class "
              f"{', '.join(sorted({o['StorageClass'] for o in archived}))}); restore them to read them")
    rows = []
    for item in files:
        read = lambda start, end, key=item["Key"]: s3.get_object(Bucket=bucket, Key=key, Range=f"bytes={start}-{end}")["Body"].read()
        line = first_line(read, item["Size"], source["encoding"], item["Key"].lower().endswith(".gz")) if item["Size"] > 0 else None
        rows.append((item["Path"], line, arrival(item["LastModified"], item["Path"])))
    schema = StructType([StructField(name, StringType(), True) for name in ("_source_file", "_first_line", "_arrival")])
    spark.createDataFrame(rows, schema).createOrReplaceTempView(f"files_{table}")
    paths = [f"s3://{bucket}/{item['Key']}" for item in files if item["Size"] > 0]
    source_file = source_file_expression(staging_path)
    if not paths:
        spark.sql("SELECT CAST(NULL AS STRING) AS _source_file, CAST(NULL AS STRING) AS _line WHERE false") \
            .createOrReplaceTempView(f"raw_{table}")
    elif source["format"] == "json":
        arrays = spark.read.text(paths, wholetext=True).selectExpr(f"{source_file} AS _source_file", "value",
                                                                    "from_json(value, 'array<string>') AS elements")
        broken = [row["_source_file"] for row in arrays.filter("elements IS NULL AND trim(value) <> ''").select("_source_file").collect()]
        if broken:
            raise ValueError("\n".join(f"{join_path(staging_path, path)}: {JSON_ARRAY_PROBLEM}" for path in sorted(broken)))
        arrays.selectExpr("_source_file", "explode(elements) AS _line").createOrReplaceTempView(f"raw_{table}")
    else:
        schema = StructType([StructField("value", StringType(), True), StructField("_corrupt_record", StringType(), True)])
        spark.read.format("csv").options(**line_reader_options(source)).schema(schema).load(paths) \
            .selectExpr(f"{source_file} AS _source_file", f"{LINE_TEXT} AS _line") \
            .createOrReplaceTempView(f"raw_{table}")


def main(argv):
    import boto3
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    args = getResolvedOptions(argv, ARGUMENTS)
    s3 = boto3.client("s3")
    plan_bucket, plan_key = plan_object(args["plan_path"])
    plans = parse_plans(s3.get_object(Bucket=plan_bucket, Key=plan_key)["Body"].read().decode("utf-8"))
    glue_context = GlueContext(SparkContext.getOrCreate())
    spark = glue_context.spark_session
    for key, value in SPARK_SETTINGS.items():
        spark.conf.set(key, value)
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)
    for plan in plans:
        run_plan(spark, s3, plan, table_staging_path(args["staging_root"], plan["table"]), args["warehouse_path"])
        spark.catalog.clearCache()  # the next table starts with the memory the last one persisted
    job.commit()


def run_plan(spark, s3, plan, staging, warehouse_path):
    """Reads one table's inputs, runs its steps and writes its outputs."""
    from pyspark import StorageLevel

    if plan["kind"] == "table":
        register_sources(spark, s3, plan, staging)
    for name, path in input_paths(plan, warehouse_path):
        spark.read.parquet(path).createOrReplaceTempView(name)
    for name, sql, materialize, stops_on_rows in ordered_steps(plan):
        frame = spark.sql(sql)
        if materialize:
            frame = frame.persist(StorageLevel.MEMORY_AND_DISK)  # read by several later steps
        frame.createOrReplaceTempView(name)
        if stops_on_rows:
            messages = [row["message"] for row in frame.limit(50).collect()]  # a few problem rows, never data
            if messages:
                raise ValueError(problem_report(plan["table"], staging, messages))
    for view, path, partition_by, file_format, options in output_writes(plan, warehouse_path):
        frame = spark.table(view)
        if file_format == "json":
            frame = frame.coalesce(1)  # a handful of metric rows: one small file
        writer = frame.write.mode("overwrite").options(**options)
        if partition_by:
            writer = writer.partitionBy(*partition_by)
        writer.format(file_format).save(path)


if __name__ == "__main__":
    main(sys.argv)
