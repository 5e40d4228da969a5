"""Tests of etl/glue_runner.py's S3 functions against a real S3 API: s3rver (the npm devDependency), started here on
127.0.0.1 on a free port with a temporary folder and stopped at the end. Without node_modules/.bin/s3rver (run npm ci)
these tests fail; they are never skipped.

s3rver stores every object as STANDARD, so storage classes and restores are tested with a fake client in test_glue_runner.py.
"""
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "etl"))

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402

import glue_runner  # noqa: E402

S3RVER = os.path.join(ROOT, "node_modules", ".bin", "s3rver")
SNAPSHOTS = os.path.join(ROOT, "tests", "Infra.Tests", "Compiler", "Snapshots")
CSV = "(?i)^(?:[^/._][^/]*/)*[^/._][^/]*\\.(?:csv|tsv)(?:\\.gz)?$"
server = {}


def setUpModule():
    if not os.path.exists(S3RVER):
        raise RuntimeError(f"{S3RVER} is missing: these tests run against s3rver, a devDependency in package.json; run npm ci first.")
    folder = tempfile.mkdtemp(prefix="s3rver-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # s3rver makes ListObjectsV2 continuation tokens with DES, which Node's OpenSSL 3 offers only with its legacy provider.
    env = dict(os.environ, NODE_OPTIONS=(os.environ.get("NODE_OPTIONS", "") + " --openssl-legacy-provider").strip())
    process = subprocess.Popen([S3RVER, "--directory", folder, "--address", "127.0.0.1", "--port", str(port), "--silent"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    server.update(process=process, folder=folder, endpoint=f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    tearDownModule()
    raise RuntimeError(f"s3rver did not start on 127.0.0.1:{port}: {process.stderr.read().decode(errors='replace') if process.poll() is not None else 'no answer in 20 s'}")


def tearDownModule():
    process = server.get("process")
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process:
        process.stderr.close()
    shutil.rmtree(server.get("folder", ""), ignore_errors=True)


def unescape_copy_source(request, **_):
    """s3rver looks up CopyObject's x-amz-copy-source header without undoing its percent-escapes (S3 undoes them), so
    the keys of Hive partitions (release_year=2019) are sent to it unescaped; the test keys hold no '%' or space."""
    request.headers.replace_header("x-amz-copy-source", urllib.parse.unquote(request.headers["x-amz-copy-source"]))


def client():
    s3 = boto3.client("s3", endpoint_url=server["endpoint"], region_name="us-east-1",
                      aws_access_key_id="S3RVER", aws_secret_access_key="S3RVER",
                      config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2}))
    s3.meta.events.register("before-sign.s3.CopyObject", unescape_copy_source)
    return s3


def plan(name):
    with open(os.path.join(SNAPSHOTS, name), encoding="utf-8") as file:
        return glue_runner.parse_plan(file.read())


class S3TestCase(unittest.TestCase):
    """Each test has a bucket of its own."""

    def setUp(self):
        self.s3 = client()
        self.bucket = "t-" + uuid.uuid4().hex[:16]
        self.s3.create_bucket(Bucket=self.bucket)
        self.addCleanup(self.s3.close)

    def put(self, key, body=b"x"):
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=body)

    def put_many(self, keys):
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(self.put, keys))

    def keys(self, prefix=""):
        return [o["Key"] for o in glue_runner.list_objects(self.s3, self.bucket, prefix)]

    def text(self, key):
        return self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read().decode("utf-8")


class StagingListingTests(S3TestCase):
    def test_every_object_under_the_prefix_is_listed_across_pages(self):
        self.put_many([f"staging/t/{name}" for name in ["e.csv", "a.csv", "sub/c.csv", "b.csv", "d.csv"]] + ["staging/tt/x.csv"])
        _, prefix, objects = glue_runner.list_staging(self.s3, f"s3://{self.bucket}/staging/t", page_size=2)
        self.assertEqual(("staging/t/", ["staging/t/a.csv", "staging/t/b.csv", "staging/t/d.csv", "staging/t/e.csv", "staging/t/sub/c.csv"]),
                         (prefix, [o["Key"] for o in objects]))

    def test_a_missing_staging_folder_lists_no_object(self):
        self.assertEqual((self.bucket, "staging/t/", []), glue_runner.list_staging(self.s3, f"s3://{self.bucket}/staging/t/"))

    def test_listed_files_are_read_as_the_plan_s_pattern_selects(self):
        self.put_many(["staging/t/a.csv", "staging/t/sub/b.csv.gz", "staging/t/_hidden.csv", "staging/t/notes.txt"])
        _, prefix, objects = glue_runner.list_staging(self.s3, f"s3://{self.bucket}/staging/t/")
        selection = glue_runner.staging_selection(objects, prefix, CSV, {}, glue_runner.object_heads(self.s3, self.bucket))
        self.assertEqual((["a.csv", "sub/b.csv.gz"], ["_hidden.csv", "notes.txt"]),
                         ([o["Path"] for o in selection.new], [o["Path"] for o in selection.ignored]))

    def read_now(self):
        """The files a run reads from staging/t/, as listed now."""
        _, prefix, objects = glue_runner.list_staging(self.s3, f"s3://{self.bucket}/staging/t/")
        return glue_runner.staging_selection(objects, prefix, CSV, {}, glue_runner.object_heads(self.s3, self.bucket)).new

    def test_a_staging_file_overwritten_after_its_listing_is_reported_as_changed(self):
        self.put_many(["staging/t/a.csv", "staging/t/b.csv"])
        new = self.read_now()
        self.put("staging/t/a.csv", b"y")
        self.assertEqual(["a.csv: changed while this run read it (its ETag or size is not what the listing said); nothing "
                          "was committed, so run the job again."],
                         glue_runner.staging_changes(self.s3, f"s3://{self.bucket}/staging/t/", new))

    def test_staging_files_left_as_listed_are_no_change(self):
        self.put_many(["staging/t/a.csv", "staging/t/b.csv"])
        new = self.read_now()
        self.put("staging/t/c.csv")
        self.assertEqual([], glue_runner.staging_changes(self.s3, f"s3://{self.bucket}/staging/t/", new))

    def test_a_listed_file_s_fingerprint_is_its_etag(self):
        self.put("staging/t/a.csv", b"id\n1\n")
        _, _, objects = glue_runner.list_staging(self.s3, f"s3://{self.bucket}/staging/t/")
        self.assertEqual(hashlib.md5(b"id\n1\n").hexdigest(), glue_runner.fingerprint(objects[0]))


class LedgerOnS3Tests(S3TestCase):
    LEDGER = "_state/t/ledger.jsonl"

    def listed(self):
        _, prefix, objects = glue_runner.list_staging(self.s3, f"s3://{self.bucket}/staging/t/")
        return prefix, objects

    def commit(self, run_id, entries, replace=False):
        """Commits a run that wrote nothing but its ledger entries."""
        manifest = {"table": "t", "run_id": run_id, "pending": f"_state/t/pending/{run_id}/", "copies": [], "deletes": [],
                    "ledger": {"key": self.LEDGER, "replace": replace, "entries": entries}}
        glue_runner.write_manifest(self.s3, self.bucket, manifest)
        glue_runner.apply_manifest(self.s3, self.bucket, manifest)

    def run_once(self, run_id):
        """A run's new files, recorded in the ledger as read with one record each."""
        prefix, objects = self.listed()
        selection = glue_runner.staging_selection(objects, prefix, CSV, glue_runner.read_ledger(self.s3, self.bucket, self.LEDGER),
                                                  glue_runner.object_heads(self.s3, self.bucket))
        self.commit(run_id, [glue_runner.ledger_entry(item, run_id, 1) for item in selection.new])
        return [item["Path"] for item in selection.new]

    def test_a_table_without_a_ledger_has_no_entries(self):
        self.assertEqual({}, glue_runner.read_ledger(self.s3, self.bucket, self.LEDGER))

    def test_a_committed_ledger_reads_back_entry_for_entry(self):
        self.put_many(["staging/t/a.csv", "staging/t/b.csv"])
        _, objects = self.listed()
        entries = [glue_runner.ledger_entry(item, "R1", 2) for item in glue_runner.staging_selection(objects, "staging/t/", CSV, {}, glue_runner.object_heads(self.s3, self.bucket)).new]
        self.commit("R1", entries)
        self.assertEqual({e["path"]: e for e in entries}, glue_runner.read_ledger(self.s3, self.bucket, self.LEDGER))

    def test_the_ledger_object_holds_one_json_line_per_file(self):
        self.put("staging/t/a.csv", b"abc")
        self.run_once("R1")
        line = json.loads(self.text(self.LEDGER))
        self.assertEqual(["path", "size", "fingerprint", "modified", "run_id", "rows_read"], list(line))
        self.assertEqual(("a.csv", 3, hashlib.md5(b"abc").hexdigest(), "R1", 1),
                         (line["path"], line["size"], line["fingerprint"], line["run_id"], line["rows_read"]))

    def test_unchanged_files_are_not_read_again(self):
        self.put_many(["staging/t/a.csv", "staging/t/b.csv"])
        self.run_once("R1")
        self.assertEqual([], self.run_once("R2"))

    def test_a_file_rewritten_with_other_bytes_of_the_same_size_is_read_again(self):
        self.put_many(["staging/t/a.csv", "staging/t/b.csv"])
        self.run_once("R1")
        self.put("staging/t/a.csv", b"y")
        self.assertEqual(["a.csv"], self.run_once("R2"))

    def test_a_new_file_is_read_and_the_others_are_not(self):
        self.put("staging/t/a.csv")
        self.run_once("R1")
        self.put("staging/t/b.csv")
        self.assertEqual(["b.csv"], self.run_once("R2"))

    def test_expired_staging_files_keep_their_ledger_entries(self):
        self.put_many(["staging/t/a.csv", "staging/t/b.csv"])
        self.run_once("R1")
        self.s3.delete_object(Bucket=self.bucket, Key="staging/t/a.csv")
        self.put("staging/t/c.csv")
        self.run_once("R2")
        ledger = glue_runner.read_ledger(self.s3, self.bucket, self.LEDGER)
        self.assertEqual({"a.csv": "R1", "b.csv": "R1", "c.csv": "R2"}, {path: e["run_id"] for path, e in ledger.items()})

    def test_an_object_s3rver_stores_without_a_checksum_has_none_so_its_new_etag_decides(self):
        self.put("staging/t/a.csv")
        self.assertIsNone(glue_runner.object_checksums(self.s3, self.bucket)("staging/t/a.csv"))

    def test_a_run_that_committed_the_table_finds_its_entries_in_the_ledger(self):
        self.put("staging/t/a.csv")
        self.run_once("R1")
        known, stored = glue_runner.ledger_for_run(self.s3, self.bucket, self.LEDGER, False)
        self.assertEqual((["a.csv"], True), (list(known), glue_runner.committed_by(stored, "R1")))

    def test_another_run_has_not_committed_the_table(self):
        self.put("staging/t/a.csv")
        self.run_once("R1")
        self.assertIs(False, glue_runner.committed_by(glue_runner.ledger_for_run(self.s3, self.bucket, self.LEDGER, False)[1], "R2"))

    def test_a_full_refresh_knows_no_file_but_still_sees_that_its_run_committed_the_table(self):
        self.put("staging/t/a.csv")
        self.run_once("R1")
        known, stored = glue_runner.ledger_for_run(self.s3, self.bucket, self.LEDGER, True)
        self.assertEqual(({}, True), (known, glue_runner.committed_by(stored, "R1")))

    def test_a_full_refresh_replaces_the_ledger(self):
        self.put_many(["staging/t/a.csv", "staging/t/b.csv"])
        self.run_once("R1")
        _, objects = self.listed()
        selection = glue_runner.staging_selection(objects, "staging/t/", CSV, {}, glue_runner.object_heads(self.s3, self.bucket))
        self.commit("R2", [glue_runner.ledger_entry(item, "R2", 1) for item in selection.new if item["Path"] == "b.csv"], replace=True)
        self.assertEqual({"b.csv": "R2"}, {p: e["run_id"] for p, e in glue_runner.read_ledger(self.s3, self.bucket, self.LEDGER).items()})


PENDING = "_state/albums/pending/R2/"
REPLACED = "data-warehouse/albums/release_year=2019/part-00000-old1.zstd.parquet"
UNTOUCHED = "data-warehouse/albums/release_year=2020/part-00000-old2.zstd.parquet"
PREVIOUS_RUN = ["quarantine/albums/run_id=R1/part-00000-q.zstd.parquet", "_metrics/albums/run_id=R1/part-00000-m.json"]
WRITTEN = {
    PENDING + "albums_upserts/release_year=2019/part-00000-new.zstd.parquet": b"upserts",
    PENDING + "albums_upserts/_SUCCESS": b"",
    PENDING + "albums_kept/release_year=2019/part-00000-kept.zstd.parquet": b"kept",
    PENDING + "albums_metrics/part-00000-m.json": b"{}",
}
AFTER = sorted([
    "_metrics/albums/run_id=R1/part-00000-m.json",
    "_metrics/albums/run_id=R2/part-00000-m.json",
    "_state/albums/ledger.jsonl",
    "data-warehouse/albums/release_year=2019/part-00000-kept.zstd.parquet",
    "data-warehouse/albums/release_year=2019/part-00000-new.zstd.parquet",
    UNTOUCHED,
    "quarantine/albums/run_id=R1/part-00000-q.zstd.parquet",
    "staging/albums/new.csv",
])


class CommitProtocolTests(S3TestCase):
    """A merge run of albums (R2) after a first run (R1): the warehouse holds two files, one of which holds a row that
    R2's new version of a key replaces; R2 read staging/albums/new.csv."""

    def setUp(self):
        super().setUp()
        self.plan = plan("albums.spark.plan.json")
        self.put_many([REPLACED, UNTOUCHED, *PREVIOUS_RUN, "staging/albums/new.csv"])
        self.put("_state/albums/ledger.jsonl", (json.dumps({"path": "old.csv", "size": 1, "fingerprint": "f", "modified": "m",
                                                            "run_id": "R1", "rows_read": 1}) + "\n").encode())

    def write_outputs(self):
        for key, body in WRITTEN.items():
            self.put(key, body)

    def manifest(self):
        _, prefix, objects = glue_runner.list_staging(self.s3, f"s3://{self.bucket}/staging/albums/")
        new = glue_runner.staging_selection(objects, prefix, CSV, {}, glue_runner.object_heads(self.s3, self.bucket)).new
        present = [k for folder in glue_runner.folders_to_clear(self.plan, "", "R2", False) for k in self.keys(folder)]
        return glue_runner.commit_manifest(self.plan, self.bucket, "", "R2", self.keys(PENDING), present,
                                           {"albums_upserts": [f"s3://{self.bucket}/{REPLACED}"]},
                                           {"key": "_state/albums/ledger.jsonl", "replace": False,
                                            "entries": [glue_runner.ledger_entry(item, "R2", 3) for item in new]})

    def commit(self):
        self.write_outputs()
        manifest = self.manifest()
        glue_runner.write_manifest(self.s3, self.bucket, manifest)
        glue_runner.apply_manifest(self.s3, self.bucket, manifest)

    def test_a_commit_puts_new_files_in_place_and_deletes_the_replaced_one(self):
        self.commit()
        self.assertEqual(AFTER, self.keys())

    def test_a_commit_copies_each_file_as_written(self):
        self.commit()
        self.assertEqual(("upserts", "kept"), (self.text("data-warehouse/albums/release_year=2019/part-00000-new.zstd.parquet"),
                                                self.text("data-warehouse/albums/release_year=2019/part-00000-kept.zstd.parquet")))

    def test_a_commit_adds_the_run_s_files_to_the_ledger(self):
        self.commit()
        ledger = glue_runner.read_ledger(self.s3, self.bucket, "_state/albums/ledger.jsonl")
        self.assertEqual({"old.csv": ("R1", 1), "new.csv": ("R2", 3)}, {p: (e["run_id"], e["rows_read"]) for p, e in ledger.items()})

    def test_a_commit_leaves_no_pending_folder(self):
        self.commit()
        self.assertEqual([], self.keys("_state/albums/pending/"))

    def test_a_run_stopped_after_its_manifest_is_completed_by_the_next_run(self):
        self.write_outputs()
        glue_runner.write_manifest(self.s3, self.bucket, self.manifest())
        done = glue_runner.recover_pending(self.s3, self.bucket, "", "albums")
        self.assertEqual((["table albums: completed the commit of run R2, stopped after its manifest was written"], AFTER),
                         (done, self.keys()))

    def test_a_run_stopped_in_the_middle_of_its_commit_is_completed_by_the_next_run(self):
        self.write_outputs()
        manifest = self.manifest()
        glue_runner.write_manifest(self.s3, self.bucket, manifest)
        glue_runner.copy_objects(self.s3, self.bucket, manifest["copies"][:1])
        glue_runner.delete_keys(self.s3, self.bucket, manifest["deletes"])
        glue_runner.recover_pending(self.s3, self.bucket, "", "albums")
        self.assertEqual(AFTER, self.keys())

    def test_a_completed_commit_records_each_file_once_in_the_ledger(self):
        self.write_outputs()
        manifest = self.manifest()
        glue_runner.write_manifest(self.s3, self.bucket, manifest)
        glue_runner.apply_manifest(self.s3, self.bucket, dict(manifest, pending="_state/albums/elsewhere/"))  # stopped before its cleanup
        glue_runner.recover_pending(self.s3, self.bucket, "", "albums")
        self.assertEqual(["new.csv", "old.csv"], [json.loads(line)["path"] for line in self.text("_state/albums/ledger.jsonl").splitlines()])

    def test_a_run_stopped_before_its_manifest_is_discarded_by_the_next_run(self):
        before = self.keys()
        self.write_outputs()
        done = glue_runner.recover_pending(self.s3, self.bucket, "", "albums")
        self.assertEqual(([f"table albums: discarded s3://{self.bucket}/{PENDING}, left by a run stopped before its commit"], before),
                         (done, self.keys()))

    def test_a_folder_marker_beside_the_runs_is_not_taken_for_an_abandoned_run(self):
        self.put("_state/albums/pending/R2_$folder$", b"")
        self.assertEqual(([], ["_state/albums/pending/R2_$folder$"]),
                         (glue_runner.recover_pending(self.s3, self.bucket, "", "albums"), self.keys("_state/albums/pending/")))

    def test_a_discarded_run_s_folder_markers_are_deleted_with_it(self):
        keys = ["_state/albums/pending/R3_$folder$", "_state/albums/pending/R3/albums_upserts_$folder$",
                "_state/albums/pending/R3/albums_upserts/part-0.parquet"]
        self.put_many(keys)
        self.assertEqual((["table albums: discarded s3://" + self.bucket + "/_state/albums/pending/R3/, left by a run stopped before its commit"], []),
                         (glue_runner.recover_pending(self.s3, self.bucket, "", "albums"), self.keys("_state/albums/pending/")))

    def test_a_run_beside_its_folder_marker_is_still_completed(self):
        self.put("_state/albums/pending/R2_$folder$", b"")
        self.write_outputs()
        glue_runner.write_manifest(self.s3, self.bucket, self.manifest())
        self.assertEqual(["table albums: completed the commit of run R2, stopped after its manifest was written"],
                         glue_runner.recover_pending(self.s3, self.bucket, "", "albums"))

    def test_a_table_without_pending_runs_has_nothing_to_recover(self):
        self.assertEqual([], glue_runner.recover_pending(self.s3, self.bucket, "", "albums"))

    def test_a_replace_output_holds_only_the_new_files_after_its_commit(self):
        derived = plan("track_details.spark.plan.json")
        pending = "_state/track_details/pending/R2/"
        self.put_many(["data-warehouse/track_details/part-00000-old.zstd.parquet", pending + "track_details_result/part-00000-new.zstd.parquet"])
        present = [k for folder in glue_runner.folders_to_clear(derived, "", "R2", False) for k in self.keys(folder)]
        manifest = glue_runner.commit_manifest(derived, self.bucket, "", "R2", self.keys(pending), present, {}, None)
        glue_runner.write_manifest(self.s3, self.bucket, manifest)
        glue_runner.apply_manifest(self.s3, self.bucket, manifest)
        self.assertEqual(["data-warehouse/track_details/part-00000-new.zstd.parquet"], self.keys("data-warehouse/track_details/"))

    def test_more_than_1000_deletes_go_in_requests_of_at_most_1000_keys(self):
        keys = [f"many/{i:05d}" for i in range(1001)]
        self.put_many(keys)
        batches = []
        self.s3.meta.events.register("provide-client-params.s3.DeleteObjects",
                                     lambda params, **_: batches.append(len(params["Delete"]["Objects"])))
        glue_runner.delete_keys(self.s3, self.bucket, keys)
        self.assertEqual(([1000, 1], []), (batches, self.keys("many/")))

    def fail_first_answer(self, code):
        """Makes the first DeleteObjects answer report its first key as failed with code (s3rver never fails a key)."""
        calls = []

        def answer(parsed, **_):
            calls.append(1)
            if len(calls) == 1:
                parsed["Errors"] = [{"Key": "few/0", "Code": code, "Message": "injected"}]
        self.s3.meta.events.register("after-call.s3.DeleteObjects", answer)
        return calls

    def test_a_key_that_failed_with_slow_down_is_asked_again_alone(self):
        self.put_many(["few/0", "few/1"])
        asked, waits = [], []
        self.s3.meta.events.register("provide-client-params.s3.DeleteObjects",
                                     lambda params, **_: asked.append([o["Key"] for o in params["Delete"]["Objects"]]))
        self.fail_first_answer("SlowDown")
        glue_runner.delete_keys(self.s3, self.bucket, ["few/0", "few/1"], sleep=waits.append)
        self.assertEqual(([["few/0", "few/1"], ["few/0"]], [0.5], []), (asked, waits, self.keys("few/")))

    def test_an_error_naming_a_key_the_request_did_not_hold_is_reported_not_asked_again(self):
        self.put_many(["few/1"])
        calls = []
        self.s3.meta.events.register("after-call.s3.DeleteObjects", lambda parsed, **_: (calls.append(1), parsed.update(
            Errors=[{"Key": "other/9", "Code": "SlowDown", "Message": "injected"}]) if len(calls) == 1 else None))
        with self.assertRaises(RuntimeError) as raised:
            glue_runner.delete_keys(self.s3, self.bucket, ["few/1"], sleep=lambda _: None)
        self.assertEqual((f"S3 did not delete 1 object(s) of s3://{self.bucket}/, first other/9: SlowDown injected; "
                          "run the job again to finish the commit.", 1), (str(raised.exception), len(calls)))

    def test_a_key_that_failed_with_access_denied_stops_the_commit_at_once(self):
        self.put_many(["few/0", "few/1"])
        calls = self.fail_first_answer("AccessDenied")
        with self.assertRaises(RuntimeError) as raised:
            glue_runner.delete_keys(self.s3, self.bucket, ["few/0", "few/1"], sleep=lambda _: None)
        self.assertEqual((f"S3 did not delete 1 object(s) of s3://{self.bucket}/, first few/0: AccessDenied injected; "
                          "run the job again to finish the commit.", 1), (str(raised.exception), len(calls)))


if __name__ == "__main__":
    unittest.main()
