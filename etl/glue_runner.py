"""Generic Glue job: runs the transform plans compiled for Spark by the C# TransformCompiler (plan contract version 3),
one table after another in one Spark session, incrementally: each cleaned table reads only the staging files its
ledger does not hold, and merges them into the rows its warehouse folder already holds.

Arguments: --plan_path (s3:// URL of a JSON list of plans, a CDK asset fetched before anything else: plans live in S3,
not in the job's arguments, so the template stays small), --staging_root (s3://bucket/staging/; each table reads
<staging_root><table>/), --warehouse_path (s3://bucket/). Optional: --full_refresh true|false (default false: true
ignores the ledgers and the warehouse rows and rebuilds every table from staging) and --run_id (default: generated
from the clock, as the local engine's run ids are; names the run_id=<id>/ folders of quarantine and metrics; a
table that run id committed already is skipped on a retry, and the id is refused for a run with new files).
The logic is in the plan's SQL: the CSV grammar, header matching, null values, types, rules and the upsert by key are
SQL that DuckDB runs the same way locally. This script lists the staging files, registers the views the plan reads
(raw_<table>: one row per record; files_<table>: one row per file; current_<table>: the warehouse rows), runs the
steps in order and commits the outputs.

Commit protocol, per table, so that a failed and retried job reprocesses the same files without duplicates and a
reader never finds a table folder missing files: Spark writes the outputs to _state/<table>/pending/<run>/<step>/;
the runner then writes _state/<table>/pending/<run>/manifest.json (the commit point: the objects to copy to their
final keys, the objects to delete, the new ledger entries), copies, deletes, rewrites _state/<table>/ledger.jsonl,
and removes the pending folder. A run first completes a pending run that has a manifest and discards one without.
Helpers import neither pyspark, awsglue nor boto3 (only main does; S3 functions take the boto3 client), so etl/tests
test them without Spark.
"""
import codecs
import collections
import json
import re
import sys
import time
import uuid
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from urllib.parse import unquote

PLAN_VERSION = 3
ARGUMENTS = ["JOB_NAME", "plan_path", "staging_root", "warehouse_path"]
# Arguments a run may leave out (getResolvedOptions refuses to resolve a missing one): --full_refresh defaults to
# false, --run_id to one generated from the clock.
OPTIONAL_ARGUMENTS = ["full_refresh", "run_id"]
RUN_ID_PATTERN = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.-]{0,99}")
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
# Objects in these storage classes cannot be read unless a restored copy of them is available; new ones without one
# are skipped and counted (files_archived). GLACIER_IR is read: only Flexible Retrieval (GLACIER) and Deep Archive are
# "not accessible in real time", https://docs.aws.amazon.com/AmazonS3/latest/userguide/archived-objects.html
ARCHIVED_STORAGE_CLASSES = ("GLACIER", "DEEP_ARCHIVE")
# A listing says nothing of restores (a restored object keeps its class), nor of the Intelligent-Tiering archive tiers
# (those objects list as INTELLIGENT_TIERING, and reading them fails with InvalidObjectState), so a new object in one
# of these classes is asked about with head_object: its Restore and ArchiveStatus. See restoring-objects.html and
# intelligent-tiering-overview.html in https://docs.aws.amazon.com/AmazonS3/latest/userguide/
MAYBE_ARCHIVED_STORAGE_CLASSES = ARCHIVED_STORAGE_CLASSES + ("INTELLIGENT_TIERING",)
HEAD_THREADS = 8
# What to do with archived files; a copy needs a restored object too (CopyObject fails on an archived one).
RESTORE_HINT = "with S3 RestoreObject (to keep them readable, copy the restored objects to STANDARD)"
# The metric row counting them, shaped as the plan's metrics rows (metric, reason, rows); not one of RunMetric's names.
FILES_ARCHIVED = "files_archived"
# The Spark names of the plan's encodings; utf-16 is little-endian, as Windows writes it.
SPARK_ENCODINGS = {"utf-8": "UTF-8", "latin-1": "ISO-8859-1", "utf-16": "UTF-16LE"}
PYTHON_ENCODINGS = {"utf-8": "utf-8", "latin-1": "latin-1", "utf-16": "utf-16-le"}
FIRST_LINE_CHUNK = 64 * 1024
# Characters a staging path must not hold: Spark would read it as a glob pattern or fail to make a Hadoop Path of it.
UNREADABLE_NAME_CHARACTERS = "*?[]{}\\:"
JSON_ARRAY_PROBLEM = ("is not one JSON array (format: json reads files holding [ {...}, {...} ]); fix the file, "
                      "or set format: jsonl if it holds one object per line")
# The fields of a ledger line, in the order the local engine writes them (local/Engine/LedgerEntry.cs, snake_case).
LEDGER_FIELDS = ("path", "size", "fingerprint", "modified", "run_id", "rows_read")
# On S3 only, for tables without a key: S3's stored checksum of the file's content (content_checksum), when it has one.
LEDGER_CHECKSUM = "checksum"
# The checksums S3 may store with an object, as its x-amz-checksum-<name> headers name them:
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
CHECKSUM_ALGORITHMS = ("crc64nvme", "crc32", "crc32c", "sha1", "sha256")
OUTPUT_MODES = ("replace", "append", "merge", "append_run")
MANIFEST = "manifest.json"
# The suffix of the empty objects an S3 filesystem (EMRFS, s3n) may create to mark a folder: <folder>_$folder$.
FOLDER_MARKER = "_$folder$"
# DeleteObjects takes at most 1000 keys a request:
# https://boto3.amazonaws.com/v1/documentation/api/1.29.5/reference/services/s3/bucket/delete_objects.html
DELETE_BATCH = 1000
# Per-key DeleteObjects errors worth asking again: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ErrorBestPractices.html
RETRIED_DELETE_ERRORS = ("InternalError", "SlowDown", "ServiceUnavailable")
DELETE_ATTEMPTS = 4
COPY_THREADS = 8
# A Spark file name (a URI, percent-escaped) as the S3 key it reads: escapes undone, '+' kept.
DECODED_FILE_NAME = "reflect('java.net.URLDecoder', 'decode', replace(input_file_name(), '+', '%2B'), 'UTF-8')"

# What a run does with a table's listed staging objects: new (to read), archived (new but unreadable, skipped),
# processed (the count the ledger holds unchanged) and ignored (not matching the file pattern).
# refreshed: ledger entries of files uploaded again with the same content (same checksum, a new ETag), not read again.
StagingSelection = collections.namedtuple("StagingSelection", "new archived processed ignored refreshed", defaults=((),))


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
    required = ["table", "steps", "outputs"] + (["source", "ledger"] if plan.get("kind") == "table" else ["inputs"])
    for key in required:
        if not plan.get(key):
            raise ValueError(f"The plan of '{plan.get('table')}' has no '{key}'; recompile it.")
    share = plan.get("max_reject_share")
    if share is not None and (isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 <= share <= 1):
        raise ValueError(f"The plan of '{plan['table']}' has max_reject_share {json.dumps(share)}; expected a number "
                         "from 0 to 1, or none for no limit; recompile it.")
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
    """Split listed objects (dicts with Key, Size, StorageClass) into (read, ignored, maybe_archived), each sorted by
    key. A file is taken when its path under the prefix matches the plan's file pattern; its relative path is added as
    'Path'. It is read when its storage class lets Spark read it, and maybe archived when its class is one of
    MAYBE_ARCHIVED_STORAGE_CLASSES (whether it can be read is for is_archived to say)."""
    pattern = re.compile(file_pattern)
    read, ignored, archived = [], [], []
    for item in sorted(objects, key=lambda o: o["Key"]):
        relative = item["Key"][len(prefix):] if item["Key"].startswith(prefix) else item["Key"]
        entry = dict(item, Path=relative)
        if not relative or relative.endswith("/") or not pattern.search(relative):
            ignored.append(entry)
        elif item.get("StorageClass") in MAYBE_ARCHIVED_STORAGE_CLASSES:
            archived.append(entry)
        else:
            read.append(entry)
    return read, ignored, archived


def is_gzip(key):
    """True for a file Spark decompresses: Hadoop picks the codec by the file's suffix, and only '.gz' exactly is gzip."""
    return key.endswith(".gz")


def gzip_suffix_problems(files):
    """A message for each file to read whose name ends in '.gz' in another case ('.GZ'): the plan's pattern takes it,
    but Spark would read its compressed bytes as text."""
    return [f"{item['Path']}: ends in '{item['Path'][-3:]}', which Spark does not read as gzip (it decompresses only "
            "files ending in '.gz', in lower case); rename the file to end in .gz."
            for item in files if item["Path"].lower().endswith(".gz") and not is_gzip(item["Path"])]


def file_name_problems(files):
    """A message for each file to read whose path holds a character of UNREADABLE_NAME_CHARACTERS, naming the first:
    Spark reads each path it is given as a Hadoop glob (SPARK-32810), so * ? [ ] { } and \\ make it read other files
    or none, and a Hadoop Path cannot hold ':' in a name (HADOOP-14217). The local engine says the same."""
    problems = []
    for item in files:
        found = [c for c in item["Path"] if c in UNREADABLE_NAME_CHARACTERS]
        if found:
            problems.append(f"{item['Path']}: holds '{found[0]}', which Spark reads as part of a pattern or a URI, not as "
                            "a name; rename the file (or its folder) without * ? [ ] { } \\ or :.")
    return problems


def name_problems(files):
    """Every problem of the names of the files to read (file_name_problems, gzip_suffix_problems), in path order."""
    return sorted(file_name_problems(files) + gzip_suffix_problems(files))


def utc_text(moment):
    """A moment in UTC to the microsecond, as the local engine spells it: 2024-05-06T07:08:07.000123Z."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}Z"


def arrival(last_modified, path):
    """The plan's _arrival: modification time in UTC to the microsecond, a space, the path (the local engine's format)."""
    return utc_text(last_modified) + " " + path


def first_line(read_range, size, encoding, gzip):
    """The first line of a file holding more than spaces and control characters, without a byte-order mark and without
    its line end ('\n', and a '\r' before it); None if there is none. read_range(start, end) returns the bytes
    start..end (inclusive) of the file; only what is needed is read, and each byte is decoded once (an incremental
    decoder keeps a character cut at a chunk's end for the next). Bytes that are not valid in the encoding become
    U+FFFD, as Spark decodes them."""
    decompressor = zlib.decompressobj(wbits=31) if gzip else None
    decoder = codecs.getincrementaldecoder(PYTHON_ENCODINGS[encoding])(errors="replace")
    pieces, offset = [], 0  # pieces: the text of the line being read, as decoded chunk by chunk
    while True:
        chunk = read_range(offset, min(offset + FIRST_LINE_CHUNK, size) - 1) if offset < size else b""
        offset += len(chunk)
        done = offset >= size or not chunk
        text = decoder.decode(decompressor.decompress(chunk) if decompressor and chunk else chunk, final=done)
        start, end = 0, text.find("\n")  # only the text decoded now is searched
        while end >= 0:
            line = _content_line("".join(pieces) + text[start:end])
            if line is not None:
                return line
            pieces, start, end = [], end + 1, text.find("\n", end + 1)
        pieces.append(text[start:])
        if done:
            return _content_line("".join(pieces))


def _content_line(line):
    """A line without a byte-order mark and the '\r' of a CRLF line end; None when it holds only spaces and controls."""
    line = line.lstrip("\ufeff")
    if line.endswith("\r"):
        line = line[:-1]
    return line if any(c > " " for c in line) else None


# The columns of files_<table>, one row per file read (compiler/SourcePlan.cs).
FILES_VIEW_COLUMNS = ("_source_file", "_first_line", "_arrival")
# The formats whose plans read _first_line: a CSV file's header, and the check that a jsonl file holds no JSON array
# (compiler/Internal/TableSteps.cs). A json plan never reads it, so its files' first lines are not fetched.
FIRST_LINE_FORMATS = ("csv", "jsonl")


def files_view_rows(files, source, line_of):
    """The rows of files_<table> (FILES_VIEW_COLUMNS) for the files read; line_of(item) gives a file's first line, and
    is called only for a non-empty file of a format whose plan reads it (else _first_line is NULL)."""
    wanted = source["format"] in FIRST_LINE_FORMATS
    return [(item["Path"], line_of(item) if wanted and item["Size"] > 0 else None, arrival(item["LastModified"], item["Path"]))
            for item in files]


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
    return f"substr({DECODED_FILE_NAME}, {len(prefix) + 1})"


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


# How many problem messages stop a table with; the local engine's limit (local/Engine/PlanExecutor.cs).
PROBLEM_LIMIT = 50


def problems_sql(step):
    """The query of the problem messages a table stops with: the first PROBLEM_LIMIT in order, as the local engine
    takes them (ORDER BY 1 LIMIT 50; NULLS LAST is DuckDB's default, not Spark's), so both report the same ones."""
    return f"SELECT `message` FROM {quote(step)} ORDER BY 1 NULLS LAST LIMIT {PROBLEM_LIMIT}"


def problem_report(table, staging_path, messages):
    """The error that stops a table: each problem's message after the table's staging folder."""
    folder = staging_path.rstrip("/") + "/"
    return f"Table '{table}' cannot be read:\n" + "\n".join("  " + folder + message for message in sorted(messages))


def output_writes(plan, warehouse_path):
    """(view, s3 path, partition columns, format, writer options) of each output; every step named must exist.
    Parquet outputs carry their codec (the dataset's parquet_compression), passed as Spark's 'compression' option;
    JSON outputs keep their null fields."""
    names = {step["name"] for step in plan["steps"]}
    writes = []
    for output in plan["outputs"]:
        if output["view"] not in names:
            raise ValueError(f"Output '{output['view']}' is not a step of the plan of '{plan['table']}'.")
        if output.get("mode") not in OUTPUT_MODES:
            raise ValueError(f"Output '{output['view']}' of '{plan['table']}' has mode '{output.get('mode')}', which this runner "
                             "does not know; redeploy the stack so job and runner match.")
        if output["mode"] == "merge" and not (output.get("kept") in names and output.get("removed_files") in names):
            raise ValueError(f"Output '{output['view']}' of '{plan['table']}' merges without its 'kept' and 'removed_files' "
                             "steps; recompile the plan.")
        options = {}
        if output["format"] == "parquet":
            if not output.get("compression"):
                raise ValueError(f"Output '{output['view']}' of '{plan['table']}' has no compression; recompile the plan.")
            options["compression"] = output["compression"]
        if output["format"] == "json":
            # Write "reason":null as DuckDB does; Spark leaves null fields out by default (ignoreNullFields true):
            # https://spark.apache.org/docs/latest/sql-data-sources-json.html
            options["ignoreNullFields"] = "false"
        writes.append((output["view"], join_path(warehouse_path, output["path"]),
                       list(output.get("partition_by", [])), output["format"], options))
    return writes


# ---- job arguments


def present_optional_arguments(argv):
    """The optional arguments argv names, to pass to getResolvedOptions (which refuses to resolve a missing one)."""
    return [name for name in OPTIONAL_ARGUMENTS if any(a == f"--{name}" or a.startswith(f"--{name}=") for a in argv)]


def parse_full_refresh(value):
    """--full_refresh as a bool: exactly 'true' or 'false'."""
    if value == "true":
        return True
    if value == "false":
        return False
    raise ValueError(f"The job argument --full_refresh is '{value}'; set it to true or false.")


def new_run_id(now, token):
    """A run id as the local engine makes them: the UTC time to the second, '-', six hex digits (20240506T070807Z-1a2b3c)."""
    return now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + token[:6]


def run_settings(args, now=None, token=None):
    """(full_refresh, run_id) of a run, from the resolved job arguments; a missing run id is generated."""
    full_refresh = parse_full_refresh(args.get("full_refresh", "false"))
    run_id = args.get("run_id")
    if run_id is None:
        return full_refresh, new_run_id(now or datetime.now(timezone.utc), token or uuid.uuid4().hex)
    if not RUN_ID_PATTERN.fullmatch(run_id):
        raise ValueError(f"The job argument --run_id is '{run_id}'; use letters, digits, '_', '.' and '-' only "
                         "(it names the folders run_id=<id>/), or leave it out to have one generated.")
    return full_refresh, run_id


# ---- staging files and the ledger


def fingerprint(item):
    """A listed object's fingerprint in the ledger: its ETag without the quotes S3 puts around it."""
    return item["ETag"].strip('"')


def is_processed(item, ledger):
    """True when the ledger holds the file unchanged: same path, same fingerprint, same size."""
    entry = ledger.get(item["Path"])
    return entry is not None and entry["fingerprint"] == fingerprint(item) and entry["size"] == item["Size"]


def is_archived(storage_class, head):
    """True when an object of a MAYBE_ARCHIVED_STORAGE_CLASSES class cannot be read now, from its head_object answer:
    no finished restore (Restore holding ongoing-request="false") and either GLACIER or DEEP_ARCHIVE, or
    INTELLIGENT_TIERING in an archive tier (ArchiveStatus ARCHIVE_ACCESS or DEEP_ARCHIVE_ACCESS)."""
    if 'ongoing-request="false"' in (head.get("Restore") or ""):
        return False
    if storage_class in ARCHIVED_STORAGE_CLASSES:
        return True
    return storage_class == "INTELLIGENT_TIERING" and bool(head.get("ArchiveStatus"))


def content_checksum(head):
    """S3's stored checksum of an object's content, from its head_object answer asked with ChecksumMode=ENABLED, as
    '<algorithm>:<type>:<value>' (type FULL_OBJECT or COMPOSITE: a checksum of the parts), or None when S3 holds none.
    Read from the answer's HTTP headers, which every botocore keeps (older ones drop the newer algorithms' fields).
    Unlike the ETag of an SSE-KMS object, it is the same for the same bytes uploaded again (in the same parts)."""
    headers = (head.get("ResponseMetadata") or {}).get("HTTPHeaders") or {}
    for algorithm in CHECKSUM_ALGORITHMS:
        value = headers.get(f"x-amz-checksum-{algorithm}")
        if value:
            return f"{algorithm}:{headers.get('x-amz-checksum-type', '')}:{value}"
    return None


def uploaded_again(item, ledger):
    """The ledger entry of a new file that holds the same content as the file the entry records (same path and size,
    the same content_checksum, item['Checksum']), with this upload's fingerprint and time; else None."""
    entry = ledger.get(item["Path"])
    if entry is None or entry["size"] != item["Size"] or not item.get("Checksum") or entry.get(LEDGER_CHECKSUM) != item["Checksum"]:
        return None
    return dict(entry, fingerprint=fingerprint(item), modified=utc_text(item["LastModified"]))


def staging_selection(objects, prefix, file_pattern, ledger, head, checksum=None):
    """What a run does with a table's listed staging objects (see StagingSelection). A file the ledger holds unchanged
    is processed whatever its storage class (lifecycle rules archive staging files after they were read); a new one in
    a class that may be archived is read only when is_archived says it can be, from head(key): its head_object. With
    checksum(key) (content_checksum of a head_object; for tables without a key, which would get a file's rows twice),
    each new file gets its 'Checksum', and one uploaded again with the same content is processed, not read (its
    ledger entry, with the new ETag, is in refreshed)."""
    read, ignored, maybe_archived = select_files(objects, prefix, file_pattern)
    new = [item for item in read if not is_processed(item, ledger)]
    candidates = [item for item in maybe_archived if not is_processed(item, ledger)]
    with ThreadPoolExecutor(max_workers=HEAD_THREADS) as pool:
        heads = list(pool.map(lambda item: head(item["Key"]), candidates))
    archived = []
    for item, answer in zip(candidates, heads):
        if is_archived(item["StorageClass"], answer):
            archived.append(dict(item, ArchiveStatus=answer.get("ArchiveStatus")))
        else:
            new.append(item)
    refreshed = []
    if checksum is not None:
        with ThreadPoolExecutor(max_workers=HEAD_THREADS) as pool:
            new = [dict(item, Checksum=value) for item, value in zip(new, pool.map(lambda item: checksum(item["Key"]), new))]
        refreshed = [entry for entry in (uploaded_again(item, ledger) for item in new) if entry]
        again = {entry["path"] for entry in refreshed}
        new = [item for item in new if item["Path"] not in again]
    new.sort(key=lambda o: o["Key"])
    return StagingSelection(new, archived, len(read) + len(maybe_archived) - len(new) - len(archived), ignored, refreshed)


def archive_label(item):
    """How an archived file's tier is named in messages: its storage class, and an Intelligent-Tiering archive tier."""
    status = item.get("ArchiveStatus")
    return f"{item['StorageClass']} ({status})" if status else item["StorageClass"]


def archived_note(table, archived):
    """The job log's line on the new staging files skipped as archived; None when there are none."""
    if not archived:
        return None
    return (f"table {table}: skipped {len(archived)} archived staging file(s) (storage class "
            f"{', '.join(sorted({archive_label(o) for o in archived}))}); restore them {RESTORE_HINT}, and a run after "
            "the restore has finished reads them")


def full_refresh_problem(table, archived):
    """Why a full refresh of the table must not start: it rebuilds the table from the staging files it can read, so the
    rows of archived ones would be lost. None when no selected staging file is archived."""
    if not archived:
        return None
    return (f"Table '{table}' cannot be rebuilt with --full_refresh true: {len(archived)} of its staging files are "
            f"archived (storage class {', '.join(sorted({archive_label(o) for o in archived}))}) and cannot be read, so "
            f"their rows would be lost. Nothing was written. Restore them {RESTORE_HINT} and run the full refresh once the "
            "restores have finished, or run incrementally (--full_refresh false).")


def ledger_entry(item, run_id, rows_read):
    """The ledger line of a staging file a run read, with the fields and names of the local engine's LedgerEntry, and
    its content checksum when staging_selection asked S3 for one and S3 had it."""
    entry = {"path": item["Path"], "size": item["Size"], "fingerprint": fingerprint(item),
             "modified": utc_text(item["LastModified"]), "run_id": run_id, "rows_read": rows_read}
    if item.get("Checksum"):
        entry[LEDGER_CHECKSUM] = item["Checksum"]
    return entry


def committed_by(ledger_entries, run_id):
    """True when the ledger (its entries by path, as stored: before a full refresh replaces it) holds a file read by
    run_id: that run committed the table, and a retry or rerun with the same --run_id must skip it, or clearing the
    run's own folders would delete what it committed. A run that read no file of the table left no entry; running the
    table again writes the same zero counts."""
    return any(entry["run_id"] == run_id for entry in ledger_entries.values())


def skipped_note(table, run_id):
    """The job log's line on a table that this run id has committed already."""
    return f"table {table}: already committed by run {run_id}; skipped"


def reused_run_problem(table, run_id, new_files, full_refresh, stored_entries):
    """For a table that run_id has committed already (committed_by its stored ledger entries): None when this is a retry
    of that run, which skips the table (an incremental run finding nothing new, or a full refresh whose ledger holds
    only its own entries, as a committed full refresh leaves it); else the message refusing a run id given to another
    run, which would clear the folders holding that run's quarantine and metrics."""
    if full_refresh and all(entry["run_id"] == run_id for entry in stored_entries.values()):
        return None
    if full_refresh:
        return (f"table {table}: run {run_id} committed this table already, and this full refresh would replace what it "
                "committed; give each run its own --run_id, or leave it out to have one generated.")
    if not new_files:
        return None
    return (f"table {table}: run {run_id} committed this table already, and {len(new_files)} staging file(s) arrived "
            "since; give each run its own --run_id, or leave it out to have one generated.")


def changed_while_read(new_files, relisted_objects, prefix):
    """A message for each file the run read (new_files, as listed with their 'Path') whose ETag or size differs in a
    listing made after Spark read it (relisted_objects, with Key under prefix), or which that listing no longer holds:
    the rows read may not be the bytes the ledger would record."""
    now = {item["Key"][len(prefix):]: item for item in relisted_objects if item["Key"].startswith(prefix)}
    problems = []
    for item in new_files:
        current = now.get(item["Path"])
        if current is None:
            problems.append(f"{item['Path']}: was deleted while this run read it; nothing was committed, so run the job again.")
        elif fingerprint(current) != fingerprint(item) or current["Size"] != item["Size"]:
            problems.append(f"{item['Path']}: changed while this run read it (its ETag or size is not what the listing "
                            "said); nothing was committed, so run the job again.")
    return problems


def parse_ledger(text, where):
    """The ledger's entries by path (a later line for a path wins); refuses a line that is not an entry."""
    entries = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line:
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if not isinstance(entry, dict) or any(field not in entry for field in LEDGER_FIELDS):
            raise ValueError(f"{where} line {number} is not a ledger entry; run the job with --full_refresh true to "
                             "rebuild the table and its ledger.")
        entries[entry["path"]] = entry
    return entries


def ledger_text(entries):
    """The ledger as JSON lines in path order, as the local engine writes it."""
    lines = [json.dumps({field: entry[field] for field in LEDGER_FIELDS + (LEDGER_CHECKSUM,) if field in entry}, separators=(",", ":"))
             for entry in sorted(entries.values(), key=lambda e: e["path"])]
    return "".join(line + "\n" for line in lines)


def file_rows(metric_rows):
    """Records per file read, from the 'file_rows' rows of the metrics view (reason: the file's path)."""
    return {row["reason"]: row["rows"] for row in metric_rows if row["metric"] == "file_rows"}


def missing_column_notes(table, metric_rows):
    """The local engine's warnings (local/Engine/DatasetRunner.cs) for optional_in_header columns that headers of the
    files read lack: one line per column, from the 'column_missing' rows (reason: the column; rows: files)."""
    missing = sorted((row for row in metric_rows if row["metric"] == "column_missing"), key=lambda row: _ordinal(row["reason"]))
    return [f"warning: table {table}: the header of {row['rows']:,} file(s) read this run has no column {row['reason']}, "
            "so their rows have it NULL (optional_in_header)" for row in missing]


def balance_problem(table, metric_rows):
    """The local engine's check that every record is accounted for; None when it holds."""
    count = collections.Counter()
    for row in metric_rows:
        count[row["metric"]] += row["rows"] or 0
    if (count["lines_read"] == count["header_lines"] + count["rows_read"]
            and count["rows_read"] == count["rows_written"] + count["rows_rejected"] + count["duplicates_dropped"]):
        return None
    return (f"Table '{table}' does not balance: {count['lines_read']:,} lines read, {count['header_lines']:,} header lines, "
            f"{count['rows_read']:,} rows read, {count['rows_written']:,} written, {count['rows_rejected']:,} rejected, "
            f"{count['duplicates_dropped']:,} duplicates dropped. Nothing was written; please report this with the staging files.")


def reject_share_problem(table, metric_rows, share):
    """The local engine's check of the plan's max_reject_share (None: no limit), word for word
    (local/Engine/DatasetRunner.cs); None when the run rejected no larger share of the rows read."""
    count, reasons = collections.Counter(), collections.Counter()
    for row in metric_rows:
        count[row["metric"]] += row["rows"] or 0
        if row["metric"] == "rejected":
            reasons[row["reason"]] += row["rows"] or 0
    rejected, read = count["rows_rejected"], count["rows_read"]
    if share is None or read <= 0 or Fraction(rejected, read) <= Fraction(_decimal(share)):
        return None
    by_reason = ", ".join(f"{reason} {rows:,}" for reason, rows in sorted(reasons.items(), key=lambda r: _ordinal(r[0])))
    return (f"Table '{table}' rejected {rejected:,} of {read:,} rows ({_percent(rejected, read)}), more than its "
            f"max_reject_share of {_fixed(_decimal(share) * 100, 2)}%; nothing was written. The reasons: {by_reason}.")


def _decimal(number):
    """A plan's JSON number as the decimal it spells (0.05, not the float nearest to it)."""
    return Decimal(repr(number)) if isinstance(number, float) else Decimal(number)


def _fixed(value, places):
    """A decimal as .NET's custom format '0.##' (places '#'s) writes it: halves rounded away from zero, no trailing
    zeros, no point for a whole number."""
    text = f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _percent(part, whole):
    """part / whole as .NET's ((double)part / whole).ToString("0.#%", InvariantCulture): the double's 15 significant
    digits, times 100, to one optional decimal."""
    return _fixed(Decimal(f"{part / whole:.15g}") * 100, 1) + "%"


def _ordinal(text):
    """A sort key giving .NET's StringComparer.Ordinal order (by UTF-16 code unit)."""
    return text.encode("utf-16-be", errors="surrogatepass")


def archived_metric_sql(count):
    """The metrics row of the files skipped as archived, in the shape of the plan's metrics rows."""
    return f"SELECT '{FILES_ARCHIVED}' AS `metric`, CAST(NULL AS STRING) AS `reason`, CAST({int(count)} AS BIGINT) AS `rows`"


def metrics_step(plan):
    """The step of a cleaned table's run counts (the plan's <table>_metrics), None for a derived table."""
    return f"{plan['table']}_metrics" if plan["kind"] == "table" else None


# ---- the views of warehouse rows


def quote(name):
    return "`" + name.replace("`", "``") + "`"


def schema_ddl(columns):
    """A Spark DDL schema of plan columns (types are the plan's, in Spark's names)."""
    return ", ".join(f"{quote(c['name'])} {c['type']}" for c in columns)


def empty_view_sql(columns, with_file):
    """No rows, with the plan's columns (and _file, a string), for a folder that holds no file yet or a full refresh."""
    nulls = [f"CAST(NULL AS {c['type']}) AS {quote(c['name'])}" for c in columns]
    if with_file:
        nulls.append("CAST(NULL AS STRING) AS `_file`")
    return f"SELECT {', '.join(nulls)} WHERE false"


def current_columns(current):
    """The select list of current_<table>: its columns, and _file: the s3:// URI of the row's file, escapes undone, so
    that it is the file's key as listed (the removed_files step returns these values, and the runner deletes them)."""
    return [quote(c["name"]) for c in current["columns"]] + [f"{DECODED_FILE_NAME} AS `_file`"]


def stored_type_changes(table, current, stored):
    """The error for columns whose stored type differs from the plan's, or None (StoredColumns.TypeChanges in the local
    engine says the same). stored: column name to Spark's simpleString of the type the folder's files hold. A column the
    files lack reads as NULL, one only they have is left out; partition columns live in folder names, typed as planned."""
    partitions = set(current.get("partition_by", []))
    changed = [f"{c['name']} is stored as {stored[c['name']].upper()}, the table definition says {c['type'].upper()}"
               for c in current["columns"]
               if c["name"] not in partitions and c["name"] in stored and stored[c["name"]].lower() != c["type"].lower()]
    if not changed:
        return None
    return (f"Table '{table}': its warehouse files ({current['path'].rstrip('/')}) store a column with another type than the "
            f"table definition: {'; '.join(changed)}. The files of a table must agree on each column's type. Set the type "
            "back in the table definition, or rebuild the table from its staging files with the job argument "
            "--full_refresh true (the rows of staging files that are gone are then lost).")


def partition_layout_problem(table, current, keys):
    """The error for Parquet files laid out by other partition columns than the plan's (hive folders name=value/, in
    order), or None (StoredColumns.PartitionChange in the local engine says the same). keys: under the folder."""
    expected = list(current.get("partition_by", []))
    layouts = sorted({"[" + ", ".join(d.split("=")[0] for d in key.split("/")[:-1]) + "]"
                      for key in keys if key.endswith(".parquet") and [d.split("=")[0] for d in key.split("/")[:-1]] != expected})
    if not layouts:
        return None
    return (f"Table '{table}': its warehouse files ({current['path'].rstrip('/')}) are laid out by partition_by "
            f"{' and '.join(layouts)}; the table definition says partition_by [{', '.join(expected)}]. Set partition_by "
            "back, or rebuild the table from its staging files with the job argument --full_refresh true (the rows of "
            "staging files that are gone are then lost).")


HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"
MISFITS_SHOWN = 5


def partition_value_fits(value, spark_type):
    """Whether a partition folder's value is a value of the plan's type, in the text both engines write for it
    (StoredColumns.Fits in the local engine applies the same grammar); stricter than Spark's own cast of folder
    values, which reads 1.5 as 1 for an INT."""
    upper = spark_type.upper()
    decimal = re.fullmatch(r"DECIMAL\((\d+),(\d+)\)", upper)
    if decimal:
        precision, scale = int(decimal.group(1)), int(decimal.group(2))
        number = re.fullmatch(r"[+-]?(?=\.?[0-9])(?P<whole>[0-9]*)(?:\.(?P<fraction>[0-9]*))?", value)
        return bool(number) and len(number.group("whole").lstrip("0")) <= precision - scale and len(number.group("fraction") or "") <= scale
    if upper == "STRING":
        return True
    if upper in ("INT", "BIGINT"):
        bits = 31 if upper == "INT" else 63
        return bool(re.fullmatch(r"[+-]?[0-9]+", value)) and -(2 ** bits) <= int(value) < 2 ** bits
    if upper == "DOUBLE":
        return bool(re.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", value))
    if upper == "BOOLEAN":
        return value.lower() in ("true", "false")
    if upper == "DATE":
        return bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value)) and valid_datetime(value, "%Y-%m-%d")
    if upper == "TIMESTAMP":
        return bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?", value)) \
            and valid_datetime(value[:10] + " " + value[11:19], "%Y-%m-%d %H:%M:%S")
    raise ValueError(f"Partition type {spark_type} is not known to this runner; recompile the plan.")


def valid_datetime(text, pattern):
    try:
        datetime.strptime(text, pattern)
        return True
    except ValueError:
        return False


def partition_value_problems(table, current, keys):
    """The error for partition folders whose values the plan's type of their column cannot hold (a partition column's
    type lives in no file, only in folder names), or None (StoredColumns.PartitionValueProblems in the local engine
    says the same), checked before Spark reads the folder with the plan's schema. keys: under the folder."""
    types = {c["name"]: c["type"] for c in current["columns"] if c["name"] in current.get("partition_by", [])}
    misfits = sorted({f"{name}={value} is not {types[name]}"
                      for key in keys if key.endswith(".parquet")
                      for name, _, value in (d.partition("=") for d in key.split("/")[:-1])
                      if name in types and value != HIVE_NULL and not partition_value_fits(unquote(value), types[name])})
    if not misfits:
        return None
    more = f"; and {len(misfits) - MISFITS_SHOWN} more" if len(misfits) > MISFITS_SHOWN else ""
    return (f"Table '{table}': its warehouse files ({current['path'].rstrip('/')}) sit in partition folders whose values "
            f"do not fit the partition column's type in the table definition: {'; '.join(misfits[:MISFITS_SHOWN])}{more}. "
            "Set the type back in the table definition, or rebuild the table from its staging files with the job argument "
            "--full_refresh true (the rows of staging files that are gone are then lost).")


def holds_parquet(keys):
    """True when some key is a Parquet file; a folder marker (k=1_$folder$, x.parquet_$folder$) ends otherwise."""
    return any(key.endswith(".parquet") for key in keys)


# ---- committing a run's outputs (pure: keys in, keys out)


def folder_prefix(prefix):
    """A key prefix as a folder: '' for the bucket root, else ending in exactly one '/'."""
    return prefix.rstrip("/") + "/" if prefix.strip("/") else ""


def warehouse_location(warehouse_path):
    """(bucket, key prefix of the warehouse root) of --warehouse_path."""
    bucket, prefix = split_s3_uri(warehouse_path)
    return bucket, folder_prefix(prefix)


def pending_root(root, table):
    """Where runs of a table leave what they have not committed yet: <root>_state/<table>/pending/."""
    return f"{root}_state/{table}/pending/"


def pending_prefix(root, table, run_id):
    return f"{pending_root(root, table)}{run_id}/"


def final_folder(root, output, run_id):
    """The key prefix an output's files land under; append_run outputs get a folder of the run's own."""
    folder = folder_prefix(root + output["path"])
    return f"{folder}run_id={run_id}/" if output["mode"] == "append_run" else folder


def is_folder_marker(key):
    """True for a <folder>_$folder$ marker object: no file, and no folder of a run."""
    return key.endswith(FOLDER_MARKER)


def is_hidden(segment):
    """Spark's rule for a path segment it does not read: starting with '.', or with '_' and holding no '=' (a Hive
    partition folder such as _arrival=x is read): InMemoryFileIndex.shouldFilterOutPathName."""
    return segment.startswith(".") or (segment.startswith("_") and "=" not in segment)


def is_data_object(relative):
    """True for a file Spark wrote with rows; False for its markers (_SUCCESS, .crc files, <folder>_$folder$) and for
    anything under a hidden folder (what a failed task left in _temporary/), which a reader of the table would skip."""
    segments = relative.split("/")
    return bool(segments[-1]) and not any(is_hidden(s) for s in segments) and not is_folder_marker(relative)


def written_steps(output, removed):
    """The steps an output writes: its view, and for a merge that rewrites files, the kept rows of those files."""
    return [output["view"]] + ([output["kept"]] if output["mode"] == "merge" and removed else [])


def folders_to_clear(plan, root, run_id, full_refresh):
    """The final folders whose present objects a commit deletes: replace outputs, the run's own append_run folder, and
    on a full refresh the append and merge folders too."""
    return [final_folder(root, o, run_id) for o in plan["outputs"]
            if o["mode"] in ("replace", "append_run") or (full_refresh and o["mode"] in ("append", "merge"))]


def removed_file_key(uri, bucket, folder):
    """The key of a file a merge replaces (a _file value), which must be in the output's own folder."""
    match = re.fullmatch(r"s3[an]?://([^/]+)/(.+)", uri or "")
    if not match or match.group(1) != bucket or not match.group(2).startswith(folder):
        raise ValueError(f"The plan names '{uri}' as a file to rewrite, which is not under s3://{bucket}/{folder}; "
                         "recompile the plan.")
    return match.group(2)


def commit_manifest(plan, bucket, root, run_id, pending_keys, present_keys, removed_files, ledger):
    """What committing a run does, as the manifest written before anything is done (see apply_manifest).

    pending_keys: the keys under the run's pending folder; present_keys: the keys now under folders_to_clear;
    removed_files: per merge output's view, the _file values of its removed_files step; ledger: None, or
    {"key", "replace", "entries"} (replace: a full refresh, the entries are the whole ledger)."""
    pending = pending_prefix(root, plan["table"], run_id)
    outputs_by_step = {}
    for output in plan["outputs"]:
        for step in written_steps(output, removed=True):
            outputs_by_step[step] = output
    copies = []
    for key in sorted(k for k in pending_keys if k.startswith(pending)):
        step, _, relative = key[len(pending):].partition("/")
        if step in outputs_by_step and is_data_object(relative):
            copies.append({"from": key, "to": final_folder(root, outputs_by_step[step], run_id) + relative})
    deletes = set(present_keys)
    for output in plan["outputs"]:
        if output["mode"] == "merge":
            folder = final_folder(root, output, run_id)
            deletes.update(removed_file_key(uri, bucket, folder) for uri in removed_files.get(output["view"], []))
    deletes -= {copy["to"] for copy in copies}
    return {"table": plan["table"], "run_id": run_id, "pending": pending, "copies": copies,
            "deletes": sorted(deletes), "ledger": ledger}


# ---- S3 (every function takes the boto3 client)


def list_objects(s3, bucket, prefix, page_size=None):
    """Every object under the prefix, in key order (boto3 paginates list_objects_v2)."""
    config = {"PageSize": page_size} if page_size else {}
    objects = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix, PaginationConfig=config):
        objects.extend(page.get("Contents", []))
    return objects


def list_staging(s3, staging_path, page_size=None):
    """(bucket, prefix, objects) of a table's staging folder; a missing folder holds no object."""
    bucket, prefix = split_s3_uri(staging_path)
    prefix = prefix.rstrip("/") + "/"
    return bucket, prefix, list_objects(s3, bucket, prefix, page_size)


def staging_changes(s3, staging_path, new_files):
    """changed_while_read for the files a run read, against a listing of the staging folder made now."""
    _, prefix, objects = list_staging(s3, staging_path)
    return changed_while_read(new_files, objects, prefix)


def object_heads(s3, bucket):
    """head(key): the object's head_object answer (StorageClass, Restore, ArchiveStatus), as staging_selection asks."""
    return lambda key: s3.head_object(Bucket=bucket, Key=key)


def object_checksums(s3, bucket):
    """checksum(key): the object's content_checksum, as staging_selection asks for a table without a key."""
    return lambda key: content_checksum(s3.head_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED"))


def read_text(s3, bucket, key):
    """An object's text, or None when there is no such object."""
    try:
        return s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
    except s3.exceptions.NoSuchKey:
        return None


def read_ledger(s3, bucket, key):
    """A table's ledger entries by path; none before its first run."""
    text = read_text(s3, bucket, key)
    return {} if text is None else parse_ledger(text, f"s3://{bucket}/{key}")


def ledger_for_run(s3, bucket, key, full_refresh):
    """(known, stored) of a table's ledger for a run: known, the entries that decide which files are new (none on a
    full refresh); stored, the entries as stored, read even on a full refresh (which replaces the ledger only when it
    commits), for committed_by."""
    stored = read_ledger(s3, bucket, key)
    return ({} if full_refresh else stored), stored


def delete_keys(s3, bucket, keys, sleep=time.sleep):
    """Deletes objects, at most DELETE_BATCH a request; a key already gone counts as deleted. DeleteObjects answers
    per-key failures in its response instead of raising (boto3's retries do not see them): keys that failed with an
    error worth asking again (RETRIED_DELETE_ERRORS) are asked again, up to DELETE_ATTEMPTS times in all, waiting
    0.5, 1, 2 s, so a commit is not left half applied (readers seeing both versions of rows) for a brief slow-down."""
    keys = list(keys)
    for start in range(0, len(keys), DELETE_BATCH):
        batch = keys[start:start + DELETE_BATCH]
        for attempt in range(DELETE_ATTEMPTS):
            errors = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True}).get("Errors", [])
            if not errors or attempt == DELETE_ATTEMPTS - 1 or any(e.get("Code") not in RETRIED_DELETE_ERRORS for e in errors):
                break
            sleep(0.5 * 2 ** attempt)
            failed = {e.get("Key") for e in errors}
            batch = [k for k in batch if k in failed]
            if not batch:
                break  # errors naming keys this request did not hold: nothing to ask again, so they are reported
        if errors:
            first = errors[0]
            raise RuntimeError(f"S3 did not delete {len(errors)} object(s) of s3://{bucket}/, first {first.get('Key')}: "
                               f"{first.get('Code')} {first.get('Message')}; run the job again to finish the commit.")


def copy_objects(s3, bucket, copies):
    """Copies objects within the bucket (boto3's managed copy: multipart for big objects), a few at a time."""
    def copy(item):
        s3.copy({"Bucket": bucket, "Key": item["from"]}, bucket, item["to"])
    with ThreadPoolExecutor(max_workers=COPY_THREADS) as pool:
        list(pool.map(copy, copies))


def write_manifest(s3, bucket, manifest):
    """The commit point: from here on the run is completed, by this job or by the next run of the table."""
    s3.put_object(Bucket=bucket, Key=manifest["pending"] + MANIFEST, Body=json.dumps(manifest, indent=1).encode("utf-8"),
                  ContentType="application/json")


def apply_manifest(s3, bucket, manifest):
    """Carries out a written manifest; doing it again after a stop at any point gives the same result. New files are
    copied into place before replaced ones are deleted, so a folder is never without its rows; the manifest is deleted
    before the rest of the pending folder, so its copies' sources exist as long as it does."""
    copy_objects(s3, bucket, manifest["copies"])
    delete_keys(s3, bucket, manifest["deletes"])
    ledger = manifest.get("ledger")
    if ledger and (ledger["entries"] or ledger["replace"]):
        entries = {} if ledger["replace"] else read_ledger(s3, bucket, ledger["key"])
        entries.update((entry["path"], entry) for entry in ledger["entries"])
        s3.put_object(Bucket=bucket, Key=ledger["key"], Body=ledger_text(entries).encode("utf-8"), ContentType="application/x-ndjson")
    s3.delete_object(Bucket=bucket, Key=manifest["pending"] + MANIFEST)
    delete_keys(s3, bucket, [o["Key"] for o in list_objects(s3, bucket, manifest["pending"])])


def pending_runs(prefix, keys):
    """The keys under a table's pending folder (prefix) by the run folder holding them (<prefix><run>/). A folder marker
    is never taken for a run: <run>_$folder$ goes with its run's keys (so discarding the run deletes it too) and is
    ignored when there is no such run; markers inside a run's folder are its keys like any other."""
    keys_by_run, siblings = collections.defaultdict(list), collections.defaultdict(list)
    for key in keys:
        if not key.startswith(prefix):
            continue
        relative = key[len(prefix):]
        if "/" not in relative and is_folder_marker(relative):
            siblings[prefix + relative[:-len(FOLDER_MARKER)] + "/"].append(key)
        else:
            keys_by_run[prefix + relative.split("/", 1)[0] + "/"].append(key)
    return {run: run_keys + siblings[run] for run, run_keys in keys_by_run.items()}


def recover_pending(s3, bucket, root, table):
    """Settles what earlier runs of the table left under its pending folder: a run with a manifest is completed, a run
    without one (stopped before its commit point) is discarded; folder markers are ignored. Returns what was done, for
    the job's log."""
    prefix = pending_root(root, table)
    keys_by_run = pending_runs(prefix, [item["Key"] for item in list_objects(s3, bucket, prefix)])
    done = []
    for run, keys in sorted(keys_by_run.items()):
        text = read_text(s3, bucket, run + MANIFEST) if run + MANIFEST in keys else None
        if text is None:
            delete_keys(s3, bucket, keys)
            done.append(f"table {table}: discarded s3://{bucket}/{run}, left by a run stopped before its commit")
        else:
            manifest = dict(json.loads(text), pending=run)
            apply_manifest(s3, bucket, manifest)
            done.append(f"table {table}: completed the commit of run {manifest['run_id']}, stopped after its manifest was written")
    return done


# ---- Spark (thin: what needs a session)


def register_sources(spark, s3, plan, staging_path, bucket, files):
    """Registers files_<table> and raw_<table> for the staging files the run reads (the new ones)."""
    from pyspark.sql.types import StringType, StructField, StructType

    table, source = plan["table"], plan["source"]

    def line_of(item):
        read = lambda start, end: s3.get_object(Bucket=bucket, Key=item["Key"], Range=f"bytes={start}-{end}")["Body"].read()
        return first_line(read, item["Size"], source["encoding"], is_gzip(item["Key"]))

    schema = StructType([StructField(name, StringType(), True) for name in FILES_VIEW_COLUMNS])
    spark.createDataFrame(files_view_rows(files, source, line_of), schema).createOrReplaceTempView(f"files_{table}")
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


def register_current(spark, table, current, warehouse_path, has_files):
    """Registers current_<table>: the folder's rows (partition columns typed as the plan says) with _file, or none.
    With the plan's schema, a column added to the table since some files were written reads as NULL in their rows."""
    if has_files:
        folder = join_path(warehouse_path, current["path"])
        stored = spark.read.option("mergeSchema", "true").option("basePath", folder).parquet(folder).schema
        problem = stored_type_changes(table, current, {f.name: f.dataType.simpleString() for f in stored.fields})
        if problem:
            raise ValueError(problem)
        spark.read.schema(schema_ddl(current["columns"])).option("basePath", folder).parquet(folder) \
            .selectExpr(*current_columns(current)).createOrReplaceTempView(current["view"])
    else:
        spark.sql(empty_view_sql(current["columns"], with_file=True)).createOrReplaceTempView(current["view"])


def register_input(spark, item, path, has_files):
    """Registers a derived plan's input table, empty with the plan's columns when its folder holds no file yet."""
    if has_files:
        # mergeSchema: files written before and after a column was added are read together, as DuckDB's union_by_name.
        spark.read.option("mergeSchema", "true").parquet(path).createOrReplaceTempView(item["table"])
    elif item.get("columns"):
        spark.sql(empty_view_sql(item["columns"], with_file=False)).createOrReplaceTempView(item["table"])
    else:
        raise ValueError(f"The warehouse holds no file of table '{item['table']}' yet, and the plan does not say its "
                         "columns; recompile the plan.")


def main(argv):
    import boto3
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    args = getResolvedOptions(argv, ARGUMENTS + present_optional_arguments(argv))
    full_refresh, run_id = run_settings(args)
    s3 = boto3.client("s3")
    plan_bucket, plan_key = plan_object(args["plan_path"])
    plans = parse_plans(s3.get_object(Bucket=plan_bucket, Key=plan_key)["Body"].read().decode("utf-8"))
    glue_context = GlueContext(SparkContext.getOrCreate())
    spark = glue_context.spark_session
    for key, value in SPARK_SETTINGS.items():
        spark.conf.set(key, value)
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)
    print(f"run {run_id}{' (full refresh)' if full_refresh else ''}")
    for plan in plans:
        run_plan(spark, s3, plan, table_staging_path(args["staging_root"], plan["table"]), args["warehouse_path"], run_id, full_refresh)
        spark.catalog.clearCache()  # the next table starts with the memory the last one persisted
        for view in spark.catalog.listTables():  # and with no view of the last one (a job may run several tables' plans)
            if view.isTemporary:
                spark.catalog.dropTempView(view.name)
    job.commit()


def run_plan(spark, s3, plan, staging, warehouse_path, run_id, full_refresh):
    """Settles earlier runs, reads one table's new files (or a derived table's inputs) and the rows it holds, runs
    the steps, writes the outputs to the run's pending folder and commits them."""
    from pyspark import StorageLevel

    table = plan["table"]
    writes = output_writes(plan, warehouse_path)  # refuses outputs this runner cannot write before anything is done
    bucket, root = warehouse_location(warehouse_path)
    for line in recover_pending(s3, bucket, root, table):
        print(line)
    selection, ledger = StagingSelection([], [], 0, []), None
    if plan["kind"] == "table":
        ledger = {"key": root + plan["ledger"], "replace": full_refresh, "entries": []}
        known, stored = ledger_for_run(s3, bucket, ledger["key"], full_refresh)
        staging_bucket, prefix, objects = list_staging(s3, staging)
        appends = any(o["mode"] == "append" for o in plan["outputs"])  # a file read twice would give its rows twice
        selection = staging_selection(objects, prefix, plan["source"]["file_pattern"], known, object_heads(s3, staging_bucket),
                                      object_checksums(s3, staging_bucket) if appends else None)
        if committed_by(stored, run_id):  # the same --run_id again: clearing its run_id=<id>/ folders would lose what it committed
            problem = reused_run_problem(table, run_id, selection.new, full_refresh, stored)
            if problem:
                raise ValueError(problem)
            print(skipped_note(table, run_id))
            return
        print(f"table {table}: {len(selection.new)} new staging file(s), {selection.processed} processed before, "
              f"{len(selection.ignored)} ignored")
        if selection.refreshed:
            print(f"table {table}: {len(selection.refreshed)} file(s) uploaded again with the same content (same checksum, "
                  "a new ETag); not read again")
        problem = full_refresh_problem(table, selection.archived) if full_refresh else None
        if problem:
            raise ValueError(problem)  # before anything is written: the refresh would clear the folders holding their rows
        note = archived_note(table, selection.archived)
        if note:
            print(note)
        problems = name_problems(selection.new)  # before anything is read
        if problems:
            raise ValueError(problem_report(table, staging, problems))
        register_sources(spark, s3, plan, staging, staging_bucket, selection.new)
    if plan.get("current"):
        current = plan["current"]
        stored = [key for key in (o["Key"][len(root + current["path"]):] for o in list_objects(s3, bucket, root + current["path"]))
                  if is_data_object(key)]
        has_files = not full_refresh and holds_parquet(stored)
        problem = (partition_layout_problem(plan["table"], current, stored)
                   or partition_value_problems(plan["table"], current, stored)) if has_files else None
        if problem:
            raise ValueError(problem)
        register_current(spark, plan["table"], current, warehouse_path, has_files)
    for item, (_, path) in zip(plan.get("inputs", []), input_paths(plan, warehouse_path)):
        register_input(spark, item, path, holds_parquet(o["Key"] for o in list_objects(s3, bucket, root + item["path"])))
    for name, sql, materialize, stops_on_rows in ordered_steps(plan):
        frame = spark.sql(sql)
        if materialize:
            frame = frame.persist(StorageLevel.MEMORY_AND_DISK)  # read by several later steps
        frame.createOrReplaceTempView(name)
        if stops_on_rows:
            messages = [row["message"] for row in spark.sql(problems_sql(name)).collect()]  # a few problem rows, never data
            if messages:
                raise ValueError(problem_report(table, staging, messages))
    metrics = metrics_step(plan)
    if metrics:
        counts = [row.asDict() for row in spark.table(metrics).collect()]
        problem = balance_problem(table, counts) or reject_share_problem(table, counts, plan.get("max_reject_share"))
        if problem:
            raise ValueError(problem)
        for note in missing_column_notes(table, counts):
            print(note)
        rows_by_file = file_rows(counts)
        ledger["entries"] = ([ledger_entry(item, run_id, rows_by_file.get(item["Path"], 0)) for item in selection.new]
                             + list(selection.refreshed))  # their new ETags, so the next run need not ask S3 again
    removed = {o["view"]: [row["_file"] for row in spark.table(o["removed_files"]).collect()]
               for o in plan["outputs"] if o["mode"] == "merge"}
    pending = pending_prefix(root, table, run_id)
    for output, (_, _, partition_by, file_format, options) in zip(plan["outputs"], writes):
        for step in written_steps(output, removed.get(output["view"])):
            frame = spark.table(step)
            if step == metrics:
                frame = frame.unionByName(spark.sql(archived_metric_sql(len(selection.archived))))
            if output["mode"] != "replace" and not frame.take(1):
                continue  # no empty files, as the local engine writes none outside replace
            if file_format == "json":
                frame = frame.coalesce(1)  # a handful of metric rows: one small file
            writer = frame.write.mode("overwrite").options(**options)
            if partition_by:
                writer = writer.partitionBy(*partition_by)
            writer.format(file_format).save(f"s3://{bucket}/{pending}{step}/")
    problems = staging_changes(s3, staging, selection.new) if selection.new else []
    if problems:
        raise ValueError(problem_report(table, staging, problems))  # before the commit point: the next run discards pending
    present = [o["Key"] for folder in folders_to_clear(plan, root, run_id, full_refresh) for o in list_objects(s3, bucket, folder)]
    manifest = commit_manifest(plan, bucket, root, run_id, [o["Key"] for o in list_objects(s3, bucket, pending)],
                               present, removed, ledger)
    write_manifest(s3, bucket, manifest)
    apply_manifest(s3, bucket, manifest)
    print(f"table {table}: committed run {run_id}: {len(manifest['copies'])} file(s) written, {len(manifest['deletes'])} replaced")


if __name__ == "__main__":
    main(sys.argv)
