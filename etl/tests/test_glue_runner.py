"""Tests of the pure helpers of etl/glue_runner.py; run: python3 -m unittest discover -s etl/tests

The plans are the C# compiler's own output (tests/Infra.Tests/Compiler/Snapshots/*.plan.json), kept current by the
C# snapshot tests, so both sides test the same contract.
"""
import base64
import codecs
import json
import os
import sys
import unittest
from datetime import datetime, timedelta, timezone
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "etl"))

import glue_runner  # noqa: E402  (pyspark and awsglue are imported only inside main)

SNAPSHOTS = os.path.join(ROOT, "tests", "Infra.Tests", "Compiler", "Snapshots")


def plan_text(name):
    with open(os.path.join(SNAPSHOTS, name), encoding="utf-8") as file:
        return file.read()


def albums():
    return glue_runner.parse_plan(plan_text("albums.spark.plan.json"))


def track_details():
    return glue_runner.parse_plan(plan_text("track_details.spark.plan.json"))


class ParsePlanTests(unittest.TestCase):
    def test_module_imports_without_spark(self):
        self.assertNotIn("pyspark", sys.modules)
        self.assertNotIn("awsglue", sys.modules)

    def test_table_plan_is_read(self):
        self.assertEqual(("albums", "table"), (albums()["table"], albums()["kind"]))

    def test_plan_of_another_version_is_refused(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        plan["version"] = 1
        with self.assertRaisesRegex(ValueError, "version 1, this runner runs version 3"):
            glue_runner.parse_plan(json.dumps(plan))

    def test_plan_of_another_dialect_is_refused(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        plan["dialect"] = "duckdb"
        with self.assertRaisesRegex(ValueError, "written for 'duckdb'; compile it with the Spark dialect"):
            glue_runner.parse_plan(json.dumps(plan))

    def test_table_plan_without_source_is_refused(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        del plan["source"]
        with self.assertRaisesRegex(ValueError, "has no 'source'"):
            glue_runner.parse_plan(json.dumps(plan))

    def test_plan_of_an_unknown_kind_is_refused(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        plan["kind"] = "view"
        with self.assertRaisesRegex(ValueError, "kind is 'view'"):
            glue_runner.parse_plan(json.dumps(plan))

    def test_derived_plan_without_inputs_is_refused(self):
        plan = json.loads(plan_text("track_details.spark.plan.json"))
        plan["inputs"] = []
        with self.assertRaisesRegex(ValueError, "has no 'inputs'"):
            glue_runner.parse_plan(json.dumps(plan))

    def test_table_plan_without_ledger_is_refused(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        del plan["ledger"]
        with self.assertRaisesRegex(ValueError, "has no 'ledger'"):
            glue_runner.parse_plan(json.dumps(plan))

    def test_plan_without_steps_is_refused(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        plan["steps"] = []
        with self.assertRaisesRegex(ValueError, "has no 'steps'"):
            glue_runner.parse_plan(json.dumps(plan))


CONTRACT = os.path.join(ROOT, "tests", "contract")


def vectors(name):
    with open(os.path.join(CONTRACT, name), encoding="utf-8") as file:
        return json.load(file)


class StagingFileTests(unittest.TestCase):
    """Which staging files are read: the vectors the C# tests of the local engine read too."""

    def test_every_vector_is_read_or_ignored_as_the_contract_says(self):
        data = vectors("staging_files.json")
        wrong = []
        for case in data["cases"]:
            objects = [{"Key": "staging/t/" + case["path"], "Size": 2, "StorageClass": "STANDARD"}]
            read, _, _ = glue_runner.select_files(objects, "staging/t/", data["patterns"][case["format"]])
            if bool(read) != case["read"]:
                wrong.append(f"{case['format']} {case['path']}")
        self.assertEqual([], wrong)

    def test_the_plan_carries_the_pattern_of_its_format(self):
        self.assertEqual(vectors("staging_files.json")["patterns"]["csv"], albums()["source"]["file_pattern"])

    def test_objects_of_classes_that_may_be_archived_are_set_apart(self):
        objects = [{"Key": "staging/t/a.csv", "Size": 1, "StorageClass": "GLACIER"},
                   {"Key": "staging/t/b.csv", "Size": 1, "StorageClass": "DEEP_ARCHIVE"},
                   {"Key": "staging/t/c.csv", "Size": 1, "StorageClass": "GLACIER_IR"},
                   {"Key": "staging/t/d.csv", "Size": 1, "StorageClass": "STANDARD_IA"},
                   {"Key": "staging/t/e.csv", "Size": 1, "StorageClass": "INTELLIGENT_TIERING"}]
        read, ignored, maybe_archived = glue_runner.select_files(objects, "staging/t/", albums()["source"]["file_pattern"])
        self.assertEqual((["c.csv", "d.csv"], [], ["a.csv", "b.csv", "e.csv"]),
                         ([o["Path"] for o in read], ignored, [o["Path"] for o in maybe_archived]))

    def test_a_folder_marker_is_ignored(self):
        read, ignored, _ = glue_runner.select_files([{"Key": "staging/t/sub/", "Size": 0}], "staging/t/", albums()["source"]["file_pattern"])
        self.assertEqual(([], ["sub/"]), (read, [o["Path"] for o in ignored]))

    def test_a_file_ending_in_upper_case_gz_is_refused_with_its_path_and_what_to_do(self):
        files = [{"Path": "sub/a.csv.GZ"}, {"Path": "b.csv.gz"}, {"Path": "c.csv"}]
        self.assertEqual("Table 'albums' cannot be read:\n  s3://b/staging/albums/sub/a.csv.GZ: ends in '.GZ', which Spark "
                         "does not read as gzip (it decompresses only files ending in '.gz', in lower case); rename the "
                         "file to end in .gz.",
                         glue_runner.problem_report("albums", "s3://b/staging/albums/", glue_runner.gzip_suffix_problems(files)))

    def test_a_file_ending_in_mixed_case_gz_is_refused(self):
        self.assertEqual(["a.csv.Gz", "b.csv.gZ"], [m.split(":")[0] for m in glue_runner.gzip_suffix_problems([{"Path": "a.csv.Gz"}, {"Path": "b.csv.gZ"}])])

    def test_a_file_whose_name_holds_a_bracket_is_refused_with_the_character_and_what_to_do(self):
        self.assertEqual(["a[1].csv: holds '[', which Spark reads as part of a pattern or a URI, not as a name; rename "
                          "the file (or its folder) without * ? [ ] { } \\ or :."],
                         glue_runner.file_name_problems([{"Path": "a[1].csv"}]))

    def test_each_character_spark_reads_as_a_pattern_or_a_uri_is_refused(self):
        names = [f"a{c}b.csv" for c in "*?[]{}\\:"]
        self.assertEqual([f"{name}: holds '{name[1]}'" for name in names],
                         [m.split(",")[0] for m in glue_runner.file_name_problems([{"Path": name} for name in names])])

    def test_the_first_such_character_of_the_path_is_named(self):
        self.assertEqual(["2024-05-06T07:08:09/a*.csv: holds ':'"],
                         [m.split(",")[0] for m in glue_runner.file_name_problems([{"Path": "2024-05-06T07:08:09/a*.csv"}])])

    def test_a_folder_whose_name_holds_such_a_character_is_refused(self):
        self.assertEqual(["{x}/a.csv: holds '{'"], [m.split(",")[0] for m in glue_runner.file_name_problems([{"Path": "{x}/a.csv"}])])

    def test_names_with_spaces_percent_signs_plus_signs_and_equals_signs_are_no_problem(self):
        self.assertEqual([], glue_runner.file_name_problems([{"Path": "a b.csv"}, {"Path": "year=2024/a+b%20c.csv"}]))

    def test_file_name_problems_come_one_per_file_in_the_order_given(self):
        self.assertEqual(["b?.csv", "a?.csv"], [m.split(":")[0] for m in glue_runner.file_name_problems([{"Path": "b?.csv"}, {"Path": "c.csv"}, {"Path": "a?.csv"}])])

    def test_name_and_gzip_suffix_problems_are_reported_together_in_path_order(self):
        files = [{"Path": "c.csv.GZ"}, {"Path": "b[1].csv"}, {"Path": "a.csv.GZ"}]
        self.assertEqual([("a.csv.GZ", "ends"), ("b[1].csv", "holds"), ("c.csv.GZ", "ends")],
                         [(m.split(": ")[0], m.split(": ")[1].split(" ")[0]) for m in glue_runner.name_problems(files)])

    def test_only_a_lower_case_gz_file_is_decompressed(self):
        self.assertEqual((True, False), (glue_runner.is_gzip("staging/t/a.csv.gz"), glue_runner.is_gzip("staging/t/a.csv.GZ")))

    def test_arrival_is_utc_microseconds_then_the_path(self):
        moment = datetime(2024, 5, 6, 9, 8, 7, 123, tzinfo=timezone(timedelta(hours=2)))
        self.assertEqual("2024-05-06T07:08:07.000123Z sub/a.csv", glue_runner.arrival(moment, "sub/a.csv"))


class FirstLineTests(unittest.TestCase):
    """A file's first line: the vectors the C# tests of the local engine read too."""

    def test_every_vector_gives_its_first_line(self):
        wrong = []
        for case in vectors("first_lines.json")["cases"]:
            data = base64.b64decode(case["bytes"])
            read = lambda start, end, data=data: data[start:end + 1]
            line = glue_runner.first_line(read, len(data), case["encoding"], case["gzip"])
            if line != case["first_line"]:
                wrong.append(case["name"])
        self.assertEqual([], wrong)

    def test_only_what_is_needed_is_read(self):
        data = b"id,name\n" + b"x" * 1_000_000
        ranges = []
        read = lambda start, end: ranges.append((start, end)) or data[start:end + 1]
        self.assertEqual("id,name", glue_runner.first_line(read, len(data), "utf-8", False))
        self.assertEqual([(0, glue_runner.FIRST_LINE_CHUNK - 1)], ranges)

    def test_a_16_mb_file_without_a_line_end_is_decoded_once(self):
        data = b"x" * (16 * 1024 * 1024)
        decoded = []
        real = codecs.getincrementaldecoder

        def counting(codec):
            class Counting(real(codec)):
                def decode(self, data, final=False):
                    decoded.append(len(data))
                    return super().decode(data, final)
            return Counting

        with mock.patch.object(glue_runner.codecs, "getincrementaldecoder", counting):
            line = glue_runner.first_line(lambda start, end: data[start:end + 1], len(data), "utf-8", False)
        self.assertEqual((len(data), len(data)), (len(line), sum(decoded)))

    def test_a_character_cut_by_a_chunk_end_is_decoded_whole(self):
        data = b"a" + "\u00e9".encode("utf-8") * glue_runner.FIRST_LINE_CHUNK + b"\nb"
        line = glue_runner.first_line(lambda start, end: data[start:end + 1], len(data), "utf-8", False)
        self.assertEqual("a" + "\u00e9" * glue_runner.FIRST_LINE_CHUNK, line)

    def test_a_utf_16_line_longer_than_a_chunk_is_decoded_whole(self):
        text = "\u00e9" * glue_runner.FIRST_LINE_CHUNK
        data = ("\ufeff" + text + "\r\nb").encode("utf-16-le")
        line = glue_runner.first_line(lambda start, end: data[start:end + 1], len(data), "utf-16", False)
        self.assertEqual(text, line)


class FilesViewTests(unittest.TestCase):
    """files_<table>: one row per file read, with the first line only where the plan reads it."""

    FILES = [{"Path": "a", "Size": 5, "LastModified": datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)},
             {"Path": "b", "Size": 0, "LastModified": datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)}]

    def rows(self, source_format):
        asked = []
        rows = glue_runner.files_view_rows(self.FILES, {"format": source_format}, lambda item: asked.append(item["Path"]) or "[")
        return rows, asked

    def test_the_columns_are_the_plan_s_files_view(self):
        self.assertEqual(("_source_file", "_first_line", "_arrival"), glue_runner.FILES_VIEW_COLUMNS)

    def test_a_json_file_s_first_line_is_not_read(self):
        self.assertEqual(([("a", None, "2024-05-06T07:08:09.123456Z a"), ("b", None, "2024-05-06T07:08:09.123456Z b")], []),
                         self.rows("json"))

    def test_a_jsonl_file_s_first_line_is_read_unless_it_is_empty(self):
        self.assertEqual(([("a", "[", "2024-05-06T07:08:09.123456Z a"), ("b", None, "2024-05-06T07:08:09.123456Z b")], ["a"]),
                         self.rows("jsonl"))

    def test_a_csv_file_s_first_line_is_read(self):
        self.assertEqual(["a"], self.rows("csv")[1])

    def test_a_csv_plan_reads_the_first_line_it_is_given(self):
        self.assertIn("`_first_line`", "\n".join(step["sql"] for step in albums()["steps"]))


class LineReaderTests(unittest.TestCase):
    def test_lines_are_read_whole_with_quoting_off(self):
        options = glue_runner.line_reader_options(albums()["source"])
        self.assertEqual(("false", "", "false", "\n"), (options["header"], options["quote"], options["multiLine"], options["lineSep"]))

    def test_a_line_holding_the_separator_is_kept_whole_in_the_corrupt_record(self):
        options = glue_runner.line_reader_options(albums()["source"])
        self.assertEqual(("PERMISSIVE", "_corrupt_record"), (options["mode"], options["columnNameOfCorruptRecord"]))

    def test_spaces_around_a_line_are_kept(self):
        options = glue_runner.line_reader_options(albums()["source"])
        self.assertEqual(("false", "false"), (options["ignoreLeadingWhiteSpace"], options["ignoreTrailingWhiteSpace"]))

    def test_the_encoding_is_spark_s_name_of_the_plan_s(self):
        self.assertEqual(["UTF-8", "ISO-8859-1", "UTF-16LE"],
                         [glue_runner.line_reader_options(dict(albums()["source"], encoding=e))["encoding"] for e in ("utf-8", "latin-1", "utf-16")])

    def test_a_record_is_its_line_without_the_cr_of_crlf_and_without_a_byte_order_mark(self):
        self.assertEqual("regexp_replace(regexp_replace(coalesce(_corrupt_record, value), '\\r$', ''), '^\\uFEFF', '')", glue_runner.LINE_TEXT)

    def test_json_arrays_are_not_read_line_by_line(self):
        with self.assertRaisesRegex(ValueError, "'json' is not read line by line"):
            glue_runner.line_reader_options(dict(albums()["source"], format="json"))

    def test_source_file_is_the_path_under_the_staging_folder_with_escapes_undone(self):
        expression = glue_runner.source_file_expression("s3://b/staging/albums")
        self.assertEqual("substr(reflect('java.net.URLDecoder', 'decode', replace(input_file_name(), '+', '%2B'), 'UTF-8'), 23)", expression)

    def test_steps_read_the_views_the_runner_registers(self):
        sql = "\n".join(step["sql"] for step in albums()["steps"])
        self.assertIn("`raw_albums`", sql)
        self.assertIn("`files_albums`", sql)


class StepAndOutputTests(unittest.TestCase):
    def test_steps_run_in_plan_order(self):
        self.assertEqual(["albums_layout", "albums_problems", "albums_typed", "albums_duplicate_keys", "albums_clean",
                          "albums_matched", "albums_contest", "albums_upserts", "albums_replaced", "albums_removed_files",
                          "albums_kept", "albums_rejects", "albums_metrics"],
                         [name for name, _, _, _ in glue_runner.ordered_steps(albums())])

    def test_only_the_steps_read_several_times_are_materialized(self):
        self.assertEqual(["albums_layout", "albums_typed", "albums_duplicate_keys", "albums_matched", "albums_contest", "albums_metrics"],
                         [name for name, _, materialize, _ in glue_runner.ordered_steps(albums()) if materialize])

    def test_only_the_problems_step_stops_the_table(self):
        self.assertEqual(["albums_problems"], [name for name, _, _, stops in glue_runner.ordered_steps(albums()) if stops])

    def test_the_problems_reported_are_the_first_50_in_message_order_as_on_the_local_engine(self):
        self.assertEqual("SELECT `message` FROM `albums_problems` ORDER BY 1 NULLS LAST LIMIT 50", glue_runner.problems_sql("albums_problems"))

    def test_problems_are_reported_under_the_staging_folder(self):
        report = glue_runner.problem_report("albums", "s3://b/staging/albums", ["b.csv: two", "a.csv: one"])
        self.assertEqual("Table 'albums' cannot be read:\n  s3://b/staging/albums/a.csv: one\n  s3://b/staging/albums/b.csv: two", report)

    def test_a_step_named_twice_is_refused(self):
        plan = albums()
        plan["steps"].append(plan["steps"][0])
        with self.assertRaisesRegex(ValueError, "appears twice"):
            glue_runner.ordered_steps(plan)

    def test_outputs_land_under_the_warehouse_path(self):
        writes = glue_runner.output_writes(albums(), "s3://bucket/")
        self.assertEqual([
            ("albums_upserts", "s3://bucket/data-warehouse/albums/", ["release_year"], "parquet", {"compression": "zstd"}),
            ("albums_rejects", "s3://bucket/quarantine/albums/", [], "parquet", {"compression": "zstd"}),
            ("albums_metrics", "s3://bucket/_metrics/albums/", [], "json", {"ignoreNullFields": "false"}),
        ], writes)

    def test_json_outputs_write_null_fields_as_duckdb_does(self):
        options = {view: options for view, _, _, file_format, options in glue_runner.output_writes(albums(), "s3://bucket/") if file_format == "json"}
        self.assertEqual({"albums_metrics": {"ignoreNullFields": "false"}}, options)

    def test_parquet_output_without_a_codec_is_refused(self):
        plan = albums()
        del plan["outputs"][0]["compression"]
        with self.assertRaisesRegex(ValueError, "'albums_upserts' of 'albums' has no compression; recompile the plan"):
            glue_runner.output_writes(plan, "s3://bucket/")

    def test_warehouse_path_without_a_trailing_slash_works(self):
        self.assertEqual("s3://bucket/data-warehouse/albums/", glue_runner.join_path("s3://bucket", "data-warehouse/albums/"))

    def test_outputs_are_written_in_the_modes_the_plan_says(self):
        self.assertEqual(["merge", "append_run", "append_run"], [o["mode"] for o in albums()["outputs"]])

    def test_output_of_an_unknown_mode_is_refused(self):
        plan = albums()
        plan["outputs"][0]["mode"] = "upsert"
        with self.assertRaisesRegex(ValueError, "'albums_upserts' of 'albums' has mode 'upsert', which this runner does not know"):
            glue_runner.output_writes(plan, "s3://bucket/")

    def test_merge_without_its_kept_step_is_refused(self):
        plan = albums()
        del plan["outputs"][0]["kept"]
        with self.assertRaisesRegex(ValueError, "merges without its 'kept' and 'removed_files' steps"):
            glue_runner.output_writes(plan, "s3://bucket/")

    def test_output_of_an_unknown_step_is_refused(self):
        plan = albums()
        plan["outputs"][0]["view"] = "nope"
        with self.assertRaisesRegex(ValueError, "'nope' is not a step"):
            glue_runner.output_writes(plan, "s3://bucket/")


class DerivedPlanTests(unittest.TestCase):
    def test_inputs_are_read_from_the_warehouse_in_order(self):
        self.assertEqual([
            ("tracks", "s3://b/data-warehouse/tracks/"),
            ("features", "s3://b/data-warehouse/features/"),
            ("albums", "s3://b/data-warehouse/albums/"),
            ("artists", "s3://b/data-warehouse/artists/"),
        ], glue_runner.input_paths(track_details(), "s3://b/"))

    def test_table_plan_has_no_inputs(self):
        self.assertEqual([], glue_runner.input_paths(albums(), "s3://b/"))

    def test_derived_result_is_written_to_the_warehouse(self):
        self.assertEqual([("track_details_result", "s3://b/data-warehouse/track_details/", [], "parquet", {"compression": "zstd"})],
                         glue_runner.output_writes(track_details(), "s3://b/"))


class SettingsTests(unittest.TestCase):
    def test_old_dates_are_written_as_duckdb_writes_them(self):
        self.assertEqual(["CORRECTED"] * 4, [glue_runner.SPARK_SETTINGS[f"spark.sql.parquet.{k}"] for k in
                                             ("datetimeRebaseModeInWrite", "int96RebaseModeInWrite", "datetimeRebaseModeInRead", "int96RebaseModeInRead")])

    def test_timestamps_are_written_as_microseconds_in_utc(self):
        self.assertEqual(("TIMESTAMP_MICROS", "UTC"), (glue_runner.SPARK_SETTINGS["spark.sql.parquet.outputTimestampType"],
                                                       glue_runner.SPARK_SETTINGS["spark.sql.session.timeZone"]))

    def test_bad_dates_and_numbers_become_null_instead_of_failing(self):
        self.assertEqual("CORRECTED", glue_runner.SPARK_SETTINGS["spark.sql.legacy.timeParserPolicy"])
        self.assertEqual("false", glue_runner.SPARK_SETTINGS["spark.sql.ansi.enabled"])

    def test_the_codec_comes_from_the_plan_not_from_a_session_setting(self):
        self.assertNotIn("spark.sql.parquet.compression.codec", glue_runner.SPARK_SETTINGS)

    def test_job_arguments_are_the_documented_four(self):
        self.assertEqual(["JOB_NAME", "plan_path", "staging_root", "warehouse_path"], glue_runner.ARGUMENTS)

    def test_optional_job_arguments_are_full_refresh_and_run_id(self):
        self.assertEqual(["full_refresh", "run_id"], glue_runner.OPTIONAL_ARGUMENTS)



class PlanFileTests(unittest.TestCase):
    """The job's plans arrive as one S3 object holding a JSON list (--plan_path), fetched before anything else."""

    def plans_text(self, *names):
        return "[" + ",".join(plan_text(name) for name in names) + "]"

    def test_plans_are_read_in_the_order_written(self):
        plans = glue_runner.parse_plans(self.plans_text("albums.spark.plan.json", "track_details.spark.plan.json"))
        self.assertEqual(["albums", "track_details"], [p["table"] for p in plans])

    def test_every_plan_of_the_file_is_checked(self):
        broken = json.loads(plan_text("albums.spark.plan.json"))
        broken["dialect"] = "duckdb"
        text = "[" + plan_text("track_details.spark.plan.json") + "," + json.dumps(broken) + "]"
        with self.assertRaisesRegex(ValueError, "written for 'duckdb'"):
            glue_runner.parse_plans(text)

    def test_an_empty_plan_file_is_refused(self):
        with self.assertRaisesRegex(ValueError, "holds no list of plans"):
            glue_runner.parse_plans("[]")

    def test_a_single_plan_object_is_not_a_plan_file(self):
        with self.assertRaisesRegex(ValueError, "holds no list of plans"):
            glue_runner.parse_plans(plan_text("albums.spark.plan.json"))

    def test_a_table_written_twice_is_refused(self):
        with self.assertRaisesRegex(ValueError, "writes 'albums' twice"):
            glue_runner.parse_plans(self.plans_text("albums.spark.plan.json", "albums.spark.plan.json"))

    def test_the_plan_file_url_splits_into_bucket_and_key(self):
        self.assertEqual(("cdk-assets", "ab12/plans.json"), glue_runner.plan_object("s3://cdk-assets/ab12/plans.json"))

    def test_a_plan_file_url_without_a_key_is_refused(self):
        for url in ["s3://bucket", "s3://bucket/", "s3://bucket/folder/"]:
            with self.assertRaisesRegex(ValueError, "names no plan file"):
                glue_runner.plan_object(url)

    def test_a_plan_file_url_that_is_not_s3_is_refused(self):
        with self.assertRaisesRegex(ValueError, "is not an s3://bucket/prefix path"):
            glue_runner.plan_object("https://bucket/key")

    def test_each_table_reads_its_own_folder_under_the_staging_root(self):
        self.assertEqual("s3://b/staging/albums/", glue_runner.table_staging_path("s3://b/staging/", "albums"))
        self.assertEqual("s3://b/staging/albums/", glue_runner.table_staging_path("s3://b/staging", "albums"))

MOMENT = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)


def staged(path, etag="abc", size=10, storage_class="STANDARD"):
    """A listed staging object as list_objects_v2 returns it."""
    return {"Key": "staging/t/" + path, "Size": size, "ETag": f'"{etag}"', "LastModified": MOMENT, "StorageClass": storage_class}


def entry(path, fingerprint="abc", size=10, run_id="R0", rows_read=1):
    return {"path": path, "size": size, "fingerprint": fingerprint, "modified": "2024-05-06T07:08:09.123456Z",
            "run_id": run_id, "rows_read": rows_read}


CSV = vectors("staging_files.json")["patterns"]["csv"]


class JobArgumentTests(unittest.TestCase):
    def test_full_refresh_true_is_a_full_refresh(self):
        self.assertIs(True, glue_runner.parse_full_refresh("true"))

    def test_full_refresh_false_is_an_incremental_run(self):
        self.assertIs(False, glue_runner.parse_full_refresh("false"))

    def test_full_refresh_takes_only_true_or_false(self):
        for value in ["True", "FALSE", "yes", "1", "", " true"]:
            with self.assertRaises(ValueError) as raised:
                glue_runner.parse_full_refresh(value)
            self.assertEqual(f"The job argument --full_refresh is '{value}'; set it to true or false.", str(raised.exception))

    def test_a_run_without_full_refresh_is_incremental(self):
        self.assertEqual((False, "R1"), glue_runner.run_settings({"run_id": "R1"}))

    def test_a_run_id_is_generated_as_the_local_engine_makes_them(self):
        self.assertEqual((True, "20240506T070809Z-1a2b3c"),
                         glue_runner.run_settings({"full_refresh": "true"}, now=MOMENT, token="1a2b3c4d5e"))

    def test_a_generated_run_id_is_utc_time_and_six_hex_digits(self):
        self.assertRegex(glue_runner.run_settings({})[1], r"^\d{8}T\d{6}Z-[0-9a-f]{6}$")

    def test_a_run_id_that_cannot_name_a_folder_is_refused(self):
        with self.assertRaisesRegex(ValueError, "--run_id is 'a/b'; use letters, digits"):
            glue_runner.run_settings({"run_id": "a/b"})

    def test_only_the_optional_arguments_passed_are_resolved(self):
        argv = ["script.py", "--JOB_NAME", "j", "--full_refresh", "true", "--run_idx", "x"]
        self.assertEqual(["full_refresh"], glue_runner.present_optional_arguments(argv))

    def test_an_optional_argument_written_with_an_equals_sign_is_resolved(self):
        self.assertEqual(["run_id"], glue_runner.present_optional_arguments(["script.py", "--run_id=R1"]))


class LedgerTests(unittest.TestCase):
    """The ledger's lines are the local engine's (local/Engine/LedgerEntry.cs), with the S3 ETag as fingerprint."""

    def test_a_ledger_line_has_the_local_engine_s_fields_in_its_order(self):
        line = glue_runner.ledger_text({"a.csv": glue_runner.ledger_entry(dict(staged("a.csv", etag="9f-2"), Path="a.csv"), "R1", 3)})
        self.assertEqual('{"path":"a.csv","size":10,"fingerprint":"9f-2","modified":"2024-05-06T07:08:09.123456Z","run_id":"R1","rows_read":3}\n', line)

    def test_the_fingerprint_is_the_etag_without_its_quotes(self):
        self.assertEqual("d41d8cd98f00b204e9800998ecf8427e", glue_runner.fingerprint({"ETag": '"d41d8cd98f00b204e9800998ecf8427e"'}))

    def test_a_ledger_reads_back_as_written(self):
        entries = {"b.csv": entry("b.csv"), "a.csv": entry("a.csv", rows_read=0)}
        self.assertEqual(entries, glue_runner.parse_ledger(glue_runner.ledger_text(entries), "ledger"))

    def test_a_ledger_is_written_in_path_order(self):
        text = glue_runner.ledger_text({"b.csv": entry("b.csv"), "a.csv": entry("a.csv")})
        self.assertEqual(["a.csv", "b.csv"], [json.loads(line)["path"] for line in text.splitlines()])

    def test_a_later_line_for_a_path_wins(self):
        text = json.dumps(entry("a.csv", run_id="R1")) + "\n\n" + json.dumps(entry("a.csv", run_id="R2")) + "\n"
        self.assertEqual("R2", glue_runner.parse_ledger(text, "ledger")["a.csv"]["run_id"])

    def test_a_line_that_is_not_an_entry_is_refused(self):
        with self.assertRaises(ValueError) as raised:
            glue_runner.parse_ledger(json.dumps(entry("a.csv")) + "\n{\"path\": \"b.csv\"}\n", "s3://w/_state/t/ledger.jsonl")
        self.assertEqual("s3://w/_state/t/ledger.jsonl line 2 is not a ledger entry; run the job with --full_refresh true "
                         "to rebuild the table and its ledger.", str(raised.exception))

    def test_records_per_file_come_from_the_file_rows_metrics(self):
        rows = [{"metric": "files_read", "reason": None, "rows": 2}, {"metric": "file_rows", "reason": "a.csv", "rows": 5},
                {"metric": "file_rows", "reason": "b.csv", "rows": 0}]
        self.assertEqual({"a.csv": 5, "b.csv": 0}, glue_runner.file_rows(rows))


class NewFileTests(unittest.TestCase):
    """Which listed staging files a run reads: those the ledger does not hold with the same fingerprint and size."""

    def select(self, objects, ledger):
        return glue_runner.staging_selection(objects, "staging/t/", CSV, ledger, lambda key: {})

    def test_a_file_the_ledger_does_not_hold_is_new(self):
        self.assertEqual(["a.csv"], [o["Path"] for o in self.select([staged("a.csv")], {}).new])

    def test_an_unchanged_file_is_not_read_again(self):
        selection = self.select([staged("a.csv")], {"a.csv": entry("a.csv")})
        self.assertEqual(([], 1), (selection.new, selection.processed))

    def test_a_file_with_another_fingerprint_is_read_again(self):
        self.assertEqual(["a.csv"], [o["Path"] for o in self.select([staged("a.csv", etag="def")], {"a.csv": entry("a.csv")}).new])

    def test_a_file_of_another_size_is_read_again(self):
        self.assertEqual(["a.csv"], [o["Path"] for o in self.select([staged("a.csv", size=11)], {"a.csv": entry("a.csv")}).new])

    def test_entries_of_files_gone_from_staging_do_not_matter(self):
        selection = self.select([staged("b.csv")], {"a.csv": entry("a.csv")})
        self.assertEqual((["b.csv"], 0), ([o["Path"] for o in selection.new], selection.processed))

    def test_an_archived_file_read_before_is_processed_not_archived(self):
        selection = self.select([staged("a.csv", storage_class="GLACIER")], {"a.csv": entry("a.csv")})
        self.assertEqual(([], [], 1), (selection.new, selection.archived, selection.processed))

    def test_a_new_archived_file_is_skipped_and_counted(self):
        selection = self.select([staged("a.csv", storage_class="DEEP_ARCHIVE")], {})
        self.assertEqual(([], ["a.csv"]), (selection.new, [o["Path"] for o in selection.archived]))


def checked(checksums):
    """checksum(key) of staging_selection from a dict of key: head_object HTTP headers (s3rver stores no checksums)."""
    return lambda key: glue_runner.content_checksum({"ResponseMetadata": {"HTTPHeaders": checksums.get(key, {})}})


CRC = {"x-amz-checksum-crc64nvme": "u/4yvQ6qvL8=", "x-amz-checksum-type": "FULL_OBJECT"}


class UploadedAgainTests(unittest.TestCase):
    """A table without a key gets a file's rows twice if it reads the file twice: an SSE-KMS object uploaded again has a
    new ETag for the same bytes, so its content checksum (S3 stores one for every new object) decides."""

    def select(self, objects, ledger, checksums):
        return glue_runner.staging_selection(objects, "staging/t/", CSV, ledger, lambda key: {}, checked(checksums))

    def test_s3_s_stored_checksum_is_read_from_the_answer_s_headers(self):
        self.assertEqual("crc64nvme:FULL_OBJECT:u/4yvQ6qvL8=", glue_runner.content_checksum({"ResponseMetadata": {"HTTPHeaders": CRC}}))

    def test_an_object_without_a_stored_checksum_has_none(self):
        self.assertIsNone(glue_runner.content_checksum({"ResponseMetadata": {"HTTPHeaders": {"etag": '"abc"'}}}))

    def test_a_file_uploaded_again_with_the_same_content_is_not_read_and_its_entry_takes_the_new_etag(self):
        ledger = {"a.csv": dict(entry("a.csv"), checksum="crc64nvme:FULL_OBJECT:u/4yvQ6qvL8=")}
        selection = self.select([staged("a.csv", etag="new")], ledger, {"staging/t/a.csv": CRC})
        self.assertEqual(([], 1, ["new"]), (selection.new, selection.processed, [e["fingerprint"] for e in selection.refreshed]))

    def test_a_file_with_other_content_is_read_and_carries_its_checksum_to_the_ledger(self):
        ledger = {"a.csv": dict(entry("a.csv"), checksum="crc64nvme:FULL_OBJECT:other=")}
        selection = self.select([staged("a.csv", etag="new")], ledger, {"staging/t/a.csv": CRC})
        self.assertEqual((["crc64nvme:FULL_OBJECT:u/4yvQ6qvL8="], []),
                         ([glue_runner.ledger_entry(i, "R1", 1)["checksum"] for i in selection.new], selection.refreshed))

    def test_a_file_whose_entry_has_no_checksum_is_read_again_as_before(self):
        selection = self.select([staged("a.csv", etag="new")], {"a.csv": entry("a.csv")}, {"staging/t/a.csv": CRC})
        self.assertEqual((["a.csv"], []), ([i["Path"] for i in selection.new], selection.refreshed))

    def test_a_table_with_a_key_asks_for_no_checksum(self):
        selection = glue_runner.staging_selection([staged("a.csv")], "staging/t/", CSV, {}, lambda key: {})
        self.assertEqual([None], [i.get("Checksum") for i in selection.new])

    def test_a_checksum_is_written_to_the_ledger_and_read_back(self):
        entries = {"a.csv": dict(entry("a.csv"), checksum="crc32:FULL_OBJECT:AAAAAA=="), "b.csv": entry("b.csv")}
        text = glue_runner.ledger_text(entries)
        self.assertEqual((entries, ["checksum" in json.loads(line) for line in text.splitlines()]),
                         (glue_runner.parse_ledger(text, "ledger"), [True, False]))


class CommittedRunTests(unittest.TestCase):
    """A retry or rerun with the same --run_id skips the tables that run committed (their ledgers hold its entries)."""

    def test_a_table_whose_ledger_holds_a_file_of_the_run_was_committed_by_it(self):
        self.assertIs(True, glue_runner.committed_by({"a.csv": entry("a.csv", run_id="R0"), "b.csv": entry("b.csv", run_id="R1")}, "R1"))

    def test_a_table_whose_ledger_holds_only_other_runs_files_was_not_committed_by_the_run(self):
        self.assertIs(False, glue_runner.committed_by({"a.csv": entry("a.csv", run_id="R0")}, "R1"))

    def test_a_table_without_a_ledger_was_committed_by_no_run(self):
        self.assertIs(False, glue_runner.committed_by({}, "R1"))

    def test_a_run_id_is_matched_whole_not_as_a_prefix(self):
        self.assertIs(False, glue_runner.committed_by({"a.csv": entry("a.csv", run_id="R10")}, "R1"))

    def test_the_log_says_the_table_was_skipped_and_by_which_run(self):
        self.assertEqual("table albums: already committed by run R1; skipped", glue_runner.skipped_note("albums", "R1"))

    def test_a_retry_that_finds_nothing_new_skips_the_table_its_run_committed(self):
        self.assertIsNone(glue_runner.reused_run_problem("albums", "R1", [], False, {"a.csv": entry("a.csv", run_id="R1")}))

    def test_a_retry_of_a_full_refresh_skips_the_table_its_run_rebuilt(self):
        self.assertIsNone(glue_runner.reused_run_problem("albums", "R1", [{"Path": "a.csv"}], True, {"a.csv": entry("a.csv", run_id="R1")}))

    def test_a_full_refresh_under_the_id_of_an_incremental_run_that_committed_the_table_is_refused(self):
        stored = {"a.csv": entry("a.csv", run_id="R0"), "b.csv": entry("b.csv", run_id="daily")}
        self.assertEqual("table albums: run daily committed this table already, and this full refresh would replace what "
                         "it committed; give each run its own --run_id, or leave it out to have one generated.",
                         glue_runner.reused_run_problem("albums", "daily", [{"Path": "a.csv"}, {"Path": "b.csv"}], True, stored))

    def test_a_run_id_given_again_to_a_run_with_new_files_is_refused(self):
        self.assertEqual("table albums: run daily committed this table already, and 2 staging file(s) arrived since; "
                         "give each run its own --run_id, or leave it out to have one generated.",
                         glue_runner.reused_run_problem("albums", "daily", [{"Path": "a.csv"}, {"Path": "b.csv"}], False, {"a.csv": entry("a.csv", run_id="daily")}))


class ChangedWhileReadTests(unittest.TestCase):
    """A staging file listed again after Spark read it must still have the ETag and size the ledger will record."""

    def read(self, *paths):
        return [dict(staged(path), Path=path) for path in paths]

    def test_files_unchanged_since_their_listing_are_no_problem(self):
        self.assertEqual([], glue_runner.changed_while_read(self.read("a.csv", "sub/b.csv"), [staged("a.csv"), staged("sub/b.csv")], "staging/t/"))

    def test_a_file_with_another_etag_is_reported_with_what_to_do(self):
        self.assertEqual(["a.csv: changed while this run read it (its ETag or size is not what the listing said); nothing "
                          "was committed, so run the job again."],
                         glue_runner.changed_while_read(self.read("a.csv"), [staged("a.csv", etag="def")], "staging/t/"))

    def test_a_file_of_another_size_is_reported_as_changed(self):
        self.assertEqual(["a.csv: changed"], [m.split(" while")[0] for m in glue_runner.changed_while_read(self.read("a.csv"), [staged("a.csv", size=11)], "staging/t/")])

    def test_a_file_gone_from_the_listing_is_reported_as_deleted_with_what_to_do(self):
        self.assertEqual(["a.csv: was deleted while this run read it; nothing was committed, so run the job again."],
                         glue_runner.changed_while_read(self.read("a.csv", "b.csv"), [staged("b.csv")], "staging/t/"))

    def test_an_object_outside_the_prefix_is_not_taken_for_the_file(self):
        self.assertEqual(["a.csv: was deleted"], [m.split(" while")[0] for m in glue_runner.changed_while_read(self.read("a.csv"), [dict(staged("a.csv"), Key="staging/tt/a.csv")], "staging/t/")])

    def test_a_file_added_since_the_listing_is_no_problem(self):
        self.assertEqual([], glue_runner.changed_while_read(self.read("a.csv"), [staged("a.csv"), staged("b.csv")], "staging/t/"))

    def test_changed_files_are_reported_one_per_file_in_the_order_given(self):
        self.assertEqual(["b.csv", "a.csv"], [m.split(":")[0] for m in glue_runner.changed_while_read(self.read("b.csv", "a.csv"), [], "staging/t/")])

    def test_the_report_names_each_file_under_the_staging_folder(self):
        self.assertEqual("Table 't' cannot be read:\n  s3://b/staging/t/a.csv: was deleted while this run read it; nothing was "
                         "committed, so run the job again.",
                         glue_runner.problem_report("t", "s3://b/staging/t/", glue_runner.changed_while_read(self.read("a.csv"), [], "staging/t/")))


class FakeListing:
    """A stand-in for the S3 client: its list_objects_v2 paginator, and head_object answering from heads (key: the
    answer's StorageClass, Restore, ArchiveStatus). Used for storage classes alone: s3rver stores every object as
    STANDARD and models neither GLACIER, DEEP_ARCHIVE, GLACIER_IR, Intelligent-Tiering's archive tiers nor restores."""

    def __init__(self, pages, heads=None):
        self.pages, self.calls, self.heads, self.asked = pages, [], heads or {}, []

    def get_paginator(self, name):
        assert name == "list_objects_v2"
        return self

    def paginate(self, **kwargs):
        self.calls.append(kwargs)
        return iter(self.pages)

    def head_object(self, Bucket, Key):
        self.asked.append((Bucket, Key))
        return self.heads[Key]


class StorageClassTests(unittest.TestCase):
    def selection(self):
        listing = FakeListing([{"Contents": [staged("a.csv", storage_class="GLACIER"), staged("b.csv", storage_class="GLACIER_IR")]},
                               {"Contents": [staged("c.csv", storage_class="DEEP_ARCHIVE"), staged("d.csv", storage_class="STANDARD_IA")]}],
                              {"staging/t/a.csv": {"StorageClass": "GLACIER"}, "staging/t/c.csv": {"StorageClass": "DEEP_ARCHIVE"}})
        _, prefix, objects = glue_runner.list_staging(listing, "s3://b/staging/t")
        return glue_runner.staging_selection(objects, prefix, CSV, {}, glue_runner.object_heads(listing, "b"))

    def test_glacier_and_deep_archive_files_are_skipped(self):
        self.assertEqual(["a.csv", "c.csv"], [o["Path"] for o in self.selection().archived])

    def test_glacier_instant_retrieval_and_infrequent_access_files_are_read(self):
        self.assertEqual(["b.csv", "d.csv"], [o["Path"] for o in self.selection().new])

    def test_skipped_files_are_counted_in_a_metrics_row_of_the_plan_s_shape(self):
        self.assertEqual("SELECT 'files_archived' AS `metric`, CAST(NULL AS STRING) AS `reason`, CAST(2 AS BIGINT) AS `rows`",
                         glue_runner.archived_metric_sql(len(self.selection().archived)))

    def test_the_row_is_added_to_the_metrics_step_of_a_table(self):
        self.assertEqual(("albums_metrics", None), (glue_runner.metrics_step(albums()), glue_runner.metrics_step(track_details())))


RESTORED = 'ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"'


class ArchivedObjectTests(unittest.TestCase):
    """New objects of a class that may be archived are read or skipped as their head_object says."""

    def selection(self, listed, heads, ledger=None):
        client = FakeListing([{"Contents": listed}], {"staging/t/" + path: head for path, head in heads.items()})
        _, prefix, objects = glue_runner.list_staging(client, "s3://b/staging/t")
        return glue_runner.staging_selection(objects, prefix, CSV, ledger or {}, glue_runner.object_heads(client, "b")), client

    def test_a_restored_glacier_file_is_read(self):
        selection, _ = self.selection([staged("a.csv", storage_class="GLACIER")], {"a.csv": {"StorageClass": "GLACIER", "Restore": RESTORED}})
        self.assertEqual((["a.csv"], []), ([o["Path"] for o in selection.new], selection.archived))

    def test_a_deep_archive_file_being_restored_is_skipped(self):
        selection, _ = self.selection([staged("a.csv", storage_class="DEEP_ARCHIVE")],
                                      {"a.csv": {"StorageClass": "DEEP_ARCHIVE", "Restore": 'ongoing-request="true"'}})
        self.assertEqual(([], ["a.csv"]), (selection.new, [o["Path"] for o in selection.archived]))

    def test_an_intelligent_tiering_file_in_an_archive_tier_is_skipped(self):
        selection, _ = self.selection([staged("a.csv", storage_class="INTELLIGENT_TIERING")],
                                      {"a.csv": {"StorageClass": "INTELLIGENT_TIERING", "ArchiveStatus": "ARCHIVE_ACCESS"}})
        self.assertEqual(([], ["a.csv"]), (selection.new, [o["Path"] for o in selection.archived]))

    def test_an_intelligent_tiering_file_in_an_access_tier_is_read(self):
        selection, _ = self.selection([staged("a.csv", storage_class="INTELLIGENT_TIERING")], {"a.csv": {"StorageClass": "INTELLIGENT_TIERING"}})
        self.assertEqual((["a.csv"], []), ([o["Path"] for o in selection.new], selection.archived))

    def test_an_intelligent_tiering_file_restored_from_an_archive_tier_is_read(self):
        selection, _ = self.selection([staged("a.csv", storage_class="INTELLIGENT_TIERING")],
                                      {"a.csv": {"StorageClass": "INTELLIGENT_TIERING", "ArchiveStatus": "DEEP_ARCHIVE_ACCESS", "Restore": RESTORED}})
        self.assertEqual(["a.csv"], [o["Path"] for o in selection.new])

    def test_only_new_files_of_those_classes_are_asked_about(self):
        listed = [staged("a.csv", storage_class="GLACIER"), staged("b.csv", storage_class="GLACIER"), staged("c.csv"), staged("d.csv", storage_class="GLACIER_IR")]
        _, client = self.selection(listed, {"b.csv": {"StorageClass": "GLACIER"}}, ledger={"a.csv": entry("a.csv")})
        self.assertEqual([("b", "staging/t/b.csv")], client.asked)

    def test_read_files_stay_in_key_order(self):
        listed = [staged("a.csv", storage_class="GLACIER"), staged("b.csv")]
        selection, _ = self.selection(listed, {"a.csv": {"StorageClass": "GLACIER", "Restore": RESTORED}})
        self.assertEqual(["a.csv", "b.csv"], [o["Path"] for o in selection.new])

    def test_a_full_refresh_with_archived_files_stops_before_writing_with_their_count_and_tiers(self):
        selection, _ = self.selection([staged("a.csv", storage_class="GLACIER"), staged("b.csv", storage_class="DEEP_ARCHIVE"), staged("c.csv")],
                                      {"a.csv": {"StorageClass": "GLACIER"}, "b.csv": {"StorageClass": "DEEP_ARCHIVE"}})
        self.assertEqual("Table 't' cannot be rebuilt with --full_refresh true: 2 of its staging files are archived (storage "
                         "class DEEP_ARCHIVE, GLACIER) and cannot be read, so their rows would be lost. Nothing was written. "
                         "Restore them with S3 RestoreObject (to keep them readable, copy the restored objects to STANDARD) "
                         "and run the full refresh once the restores have finished, or run incrementally (--full_refresh false).",
                         glue_runner.full_refresh_problem("t", selection.archived))

    def test_a_full_refresh_of_readable_files_may_start(self):
        selection, _ = self.selection([staged("a.csv", storage_class="GLACIER"), staged("b.csv")], {"a.csv": {"StorageClass": "GLACIER", "Restore": RESTORED}})
        self.assertIsNone(glue_runner.full_refresh_problem("t", selection.archived))

    def test_the_log_says_how_many_were_skipped_in_which_tiers_and_what_to_do(self):
        archived = [{"StorageClass": "INTELLIGENT_TIERING", "ArchiveStatus": "ARCHIVE_ACCESS"}, {"StorageClass": "GLACIER", "ArchiveStatus": None},
                    {"StorageClass": "GLACIER", "ArchiveStatus": None}]
        self.assertEqual("table t: skipped 3 archived staging file(s) (storage class GLACIER, INTELLIGENT_TIERING (ARCHIVE_ACCESS)); "
                         "restore them with S3 RestoreObject (to keep them readable, copy the restored objects to STANDARD), "
                         "and a run after the restore has finished reads them", glue_runner.archived_note("t", archived))


class BalanceTests(unittest.TestCase):
    ROWS = {"lines_read": 10, "header_lines": 2, "rows_read": 8, "rows_written": 5, "rows_rejected": 2, "duplicates_dropped": 1}

    def rows(self, **changes):
        return [{"metric": k, "reason": None, "rows": v} for k, v in dict(self.ROWS, **changes).items()]

    def test_a_run_that_accounts_for_every_record_balances(self):
        self.assertIsNone(glue_runner.balance_problem("t", self.rows()))

    def test_a_run_that_loses_a_record_stops_with_the_counts(self):
        self.assertEqual("Table 't' does not balance: 10 lines read, 2 header lines, 8 rows read, 4 written, 2 rejected, "
                         "1 duplicates dropped. Nothing was written; please report this with the staging files.",
                         glue_runner.balance_problem("t", self.rows(rows_written=4)))


class MissingColumnNoteTests(unittest.TestCase):
    def test_each_optional_column_a_header_lacked_is_a_warning_with_its_file_count(self):
        rows = [{"metric": "column_missing", "reason": "track_rank", "rows": 1200}, {"metric": "rows_read", "reason": None, "rows": 9},
                {"metric": "column_missing", "reason": "channel", "rows": 1}]
        self.assertEqual(["warning: table t: the header of 1 file(s) read this run has no column channel, so their rows have it NULL (optional_in_header)",
                          "warning: table t: the header of 1,200 file(s) read this run has no column track_rank, so their rows have it NULL (optional_in_header)"],
                         glue_runner.missing_column_notes("t", rows))

    def test_a_run_whose_headers_hold_every_column_warns_of_none(self):
        self.assertEqual([], glue_runner.missing_column_notes("t", [{"metric": "rows_read", "reason": None, "rows": 9}]))


class RejectShareTests(unittest.TestCase):
    """The plan's max_reject_share (absent or null: no limit), checked as the local engine checks it, with its message."""

    def rows(self, read, rejected, reasons=None):
        rows = [{"metric": "rows_read", "reason": None, "rows": read}, {"metric": "rows_rejected", "reason": None, "rows": rejected}]
        return rows + [{"metric": "rejected", "reason": r, "rows": n} for r, n in (reasons or {"bad_type:capacity": rejected}).items()]

    def test_a_plan_without_a_limit_accepts_any_share(self):
        self.assertIsNone(glue_runner.reject_share_problem("t", self.rows(3, 3), None))

    def test_a_share_equal_to_the_limit_is_accepted(self):
        self.assertIsNone(glue_runner.reject_share_problem("t", self.rows(20, 1), 0.05))

    def test_a_run_that_read_no_rows_is_accepted(self):
        self.assertIsNone(glue_runner.reject_share_problem("t", self.rows(0, 0), 0))

    def test_a_larger_share_stops_the_run_with_the_local_engine_s_message(self):
        self.assertEqual("Table 'stadiums' rejected 1 of 3 rows (33.3%), more than its max_reject_share of 20%; nothing was "
                         "written. The reasons: bad_type:capacity 1.",
                         glue_runner.reject_share_problem("stadiums", self.rows(3, 1), 0.2))

    def test_the_reasons_come_in_ordinal_order_with_thousands_separated(self):
        message = glue_runner.reject_share_problem("t", self.rows(10_000, 2_500, {"required:name": 1_250, "bad_type:b": 1_000, "Z": 250}), 0.1)
        self.assertEqual("Table 't' rejected 2,500 of 10,000 rows (25%), more than its max_reject_share of 10%; nothing was "
                         "written. The reasons: Z 250, bad_type:b 1,000, required:name 1,250.", message)

    def test_the_percentages_round_halves_away_from_zero_as_dotnet_does(self):
        message = glue_runner.reject_share_problem("t", self.rows(16, 1), 0.00125)
        self.assertEqual("Table 't' rejected 1 of 16 rows (6.3%), more than its max_reject_share of 0.13%; nothing was "
                         "written. The reasons: bad_type:capacity 1.", message)

    def test_a_limit_outside_0_to_1_is_refused(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        plan["max_reject_share"] = 1.5
        with self.assertRaises(ValueError) as raised:
            glue_runner.parse_plan(json.dumps(plan))
        self.assertEqual("The plan of 'albums' has max_reject_share 1.5; expected a number from 0 to 1, or none for no "
                         "limit; recompile it.", str(raised.exception))

    def test_a_limit_that_is_not_a_number_is_refused(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        plan["max_reject_share"] = "0.1"
        with self.assertRaisesRegex(ValueError, "has max_reject_share \"0.1\"; expected a number"):
            glue_runner.parse_plan(json.dumps(plan))

    def test_a_null_limit_is_no_limit(self):
        plan = json.loads(plan_text("albums.spark.plan.json"))
        plan["max_reject_share"] = None
        self.assertIsNone(glue_runner.parse_plan(json.dumps(plan))["max_reject_share"])


class CurrentViewTests(unittest.TestCase):
    def test_the_warehouse_rows_are_read_with_the_plan_s_types_partition_columns_included(self):
        ddl = glue_runner.schema_ddl(albums()["current"]["columns"])
        self.assertTrue(ddl.startswith("`track_name` STRING, `track_id` STRING, `track_number` INT, "), ddl)
        self.assertTrue(ddl.endswith("`duration_sec` DECIMAL(10,3), `release_year` INT, `_arrival` STRING"), ddl)

    def test_each_row_names_its_file_as_an_s3_uri_with_escapes_undone(self):
        self.assertEqual("reflect('java.net.URLDecoder', 'decode', replace(input_file_name(), '+', '%2B'), 'UTF-8') AS `_file`",
                         glue_runner.current_columns(albums()["current"])[-1])

    def test_a_table_without_files_has_an_empty_view_of_its_columns_and_file(self):
        columns = [{"name": "id", "type": "STRING"}, {"name": "n", "type": "DECIMAL(10,3)"}]
        self.assertEqual("SELECT CAST(NULL AS STRING) AS `id`, CAST(NULL AS DECIMAL(10,3)) AS `n`, CAST(NULL AS STRING) AS `_file` WHERE false",
                         glue_runner.empty_view_sql(columns, with_file=True))

    def test_a_column_stored_with_another_type_than_the_plan_s_stops_the_table_with_what_to_do(self):
        stored = {c["name"]: c["type"].lower() for c in albums()["current"]["columns"]}
        stored["track_number"] = "string"
        self.assertEqual(
            "Table 'albums': its warehouse files (data-warehouse/albums) store a column with another type than the table "
            "definition: track_number is stored as STRING, the table definition says INT. The files of a table must agree "
            "on each column's type. Set the type back in the table definition, or rebuild the table from its staging files "
            "with the job argument --full_refresh true (the rows of staging files that are gone are then lost).",
            glue_runner.stored_type_changes("albums", albums()["current"], stored))

    def test_a_column_added_to_the_table_since_the_files_were_written_is_no_change_of_type(self):
        stored = {c["name"]: c["type"].lower() for c in albums()["current"]["columns"] if c["name"] != "label"}
        self.assertIsNone(glue_runner.stored_type_changes("albums", albums()["current"], stored))

    def test_a_partition_column_is_typed_by_the_plan_whatever_spark_infers_from_folder_names(self):
        stored = {c["name"]: c["type"].lower() for c in albums()["current"]["columns"]}
        stored["release_year"] = "bigint"
        self.assertIsNone(glue_runner.stored_type_changes("albums", albums()["current"], stored))

    def test_files_laid_out_by_other_partition_columns_than_the_plan_s_stop_the_table_with_what_to_do(self):
        keys = ["release_year=2020/part-1.zstd.parquet", "part-0.zstd.parquet", "_SUCCESS"]
        self.assertEqual(
            "Table 'albums': its warehouse files (data-warehouse/albums) are laid out by partition_by []; the table "
            "definition says partition_by [release_year]. Set partition_by back, or rebuild the table from its staging "
            "files with the job argument --full_refresh true (the rows of staging files that are gone are then lost).",
            glue_runner.partition_layout_problem("albums", albums()["current"], keys))

    def test_files_in_the_plan_s_partition_folders_are_no_change_of_layout(self):
        keys = ["release_year=2020/part-1.zstd.parquet", "release_year=2021/part-2.zstd.parquet", "release_year=2021_$folder$"]
        self.assertIsNone(glue_runner.partition_layout_problem("albums", albums()["current"], keys))

    def test_partition_folders_whose_values_the_plan_s_type_cannot_hold_stop_the_table_with_what_to_do(self):
        current = albums()["current"]
        current = {**current, "columns": [{**c, "type": "DATE"} if c["name"] == "release_year" else c for c in current["columns"]]}
        keys = ["release_year=2020/part-1.zstd.parquet", "release_year=2021/part-2.zstd.parquet", "release_year=2021/part-3.zstd.parquet"]
        self.assertEqual(
            "Table 'albums': its warehouse files (data-warehouse/albums) sit in partition folders whose values do not fit "
            "the partition column's type in the table definition: release_year=2020 is not DATE; release_year=2021 is not "
            "DATE. Set the type back in the table definition, or rebuild the table from its staging files with the job "
            "argument --full_refresh true (the rows of staging files that are gone are then lost).",
            glue_runner.partition_value_problems("albums", current, keys))

    def test_partition_folders_whose_values_fit_the_plan_s_type_are_no_problem(self):
        keys = ["release_year=2020/part-1.zstd.parquet", "release_year=__HIVE_DEFAULT_PARTITION__/part-2.zstd.parquet", "release_year=x_$folder$"]
        self.assertIsNone(glue_runner.partition_value_problems("albums", albums()["current"], keys))

    def test_only_the_first_five_misfits_are_named_and_the_rest_counted(self):
        keys = [f"release_year=x{i}/part-1.zstd.parquet" for i in range(7)]
        self.assertIn("release_year=x4 is not INT; and 2 more. ", glue_runner.partition_value_problems("albums", albums()["current"], keys))

    def test_partition_values_follow_the_grammar_the_local_engine_applies(self):
        fits = [("INT", "2020"), ("INT", "-3"), ("BIGINT", "9000000000"), ("DOUBLE", "1.5e3"), ("DECIMAL(10,3)", "12.5"),
                ("BOOLEAN", "true"), ("DATE", "2024-02-29"), ("TIMESTAMP", "2024-01-01 10:00:00"), ("STRING", "north")]
        misfits = [("INT", "north"), ("INT", "1.5"), ("INT", "3000000000"), ("DECIMAL(4,2)", "123.4"), ("DECIMAL(4,2)", "1.234"),
                   ("BOOLEAN", "yes"), ("DATE", "2023-02-29")]
        self.assertEqual(([True] * len(fits), [False] * len(misfits)),
                         ([glue_runner.partition_value_fits(v, t) for t, v in fits], [glue_runner.partition_value_fits(v, t) for t, v in misfits]))

    def test_a_folder_marker_named_like_a_parquet_file_is_no_file_of_a_table(self):
        self.assertIs(False, glue_runner.holds_parquet(["t/k=1/part-0.parquet_$folder$"]))

    def test_only_parquet_objects_count_as_files_of_a_table(self):
        self.assertEqual((False, True), (glue_runner.holds_parquet(["t/_SUCCESS", "t/k=1_$folder$"]),
                                         glue_runner.holds_parquet(["t/_SUCCESS", "t/k=1/part-0.zstd.parquet"])))


PENDING = "_state/albums/pending/R1/"
WRITTEN = [PENDING + "albums_upserts/release_year=2020/part-00000-a.zstd.parquet", PENDING + "albums_upserts/_SUCCESS",
           PENDING + "albums_kept/release_year=2019/part-00000-b.zstd.parquet", PENDING + "albums_rejects/part-00000-c.zstd.parquet",
           PENDING + "albums_metrics/part-00000-d.json", PENDING + "albums_metrics/.part-00000-d.json.crc"]
OLD = "s3://wh/data-warehouse/albums/release_year=2019/part-old.zstd.parquet"


class ManifestTests(unittest.TestCase):
    """What a commit does, decided before it does anything."""

    def manifest(self, plan=None, present=(), removed=None, root=""):
        return glue_runner.commit_manifest(plan or albums(), "wh", root, "R1", [root + key for key in WRITTEN], list(present),
                                           {"albums_upserts": [OLD]} if removed is None else removed, None)

    def test_written_files_go_to_their_output_folders_and_markers_stay_behind(self):
        self.assertEqual([
            ("albums_kept/release_year=2019/part-00000-b.zstd.parquet", "data-warehouse/albums/release_year=2019/part-00000-b.zstd.parquet"),
            ("albums_metrics/part-00000-d.json", "_metrics/albums/run_id=R1/part-00000-d.json"),
            ("albums_rejects/part-00000-c.zstd.parquet", "quarantine/albums/run_id=R1/part-00000-c.zstd.parquet"),
            ("albums_upserts/release_year=2020/part-00000-a.zstd.parquet", "data-warehouse/albums/release_year=2020/part-00000-a.zstd.parquet"),
        ], [(c["from"][len(PENDING):], c["to"]) for c in self.manifest()["copies"]])

    def test_a_file_left_under_a_temporary_folder_is_not_copied(self):
        left = PENDING + "albums_upserts/_temporary/0/_temporary/attempt_1/release_year=2020/part-00000-z.zstd.parquet"
        manifest = glue_runner.commit_manifest(albums(), "wh", "", "R1", WRITTEN + [left], [], {}, None)
        self.assertNotIn(left, [c["from"] for c in manifest["copies"]])

    def test_a_file_under_a_hidden_folder_is_not_copied(self):
        self.assertIs(False, glue_runner.is_data_object(".spark-staging-1/part-00000-a.zstd.parquet"))

    def test_a_folder_marker_is_not_copied(self):
        self.assertIs(False, glue_runner.is_data_object("release_year=2020_$folder$"))

    def test_a_file_under_a_partition_folder_starting_with_an_underscore_is_copied(self):
        self.assertIs(True, glue_runner.is_data_object("_arrival=2024/part-00000-a.zstd.parquet"))

    def test_a_merge_deletes_the_files_that_held_replaced_rows(self):
        self.assertEqual(["data-warehouse/albums/release_year=2019/part-old.zstd.parquet"], self.manifest()["deletes"])

    def test_a_warehouse_under_a_prefix_keeps_every_key_under_it(self):
        manifest = self.manifest(root="lake/", removed={"albums_upserts": ["s3://wh/lake/data-warehouse/albums/k=1/old.parquet"]})
        self.assertEqual(("lake/_state/albums/pending/R1/", "lake/_metrics/albums/run_id=R1/part-00000-d.json", ["lake/data-warehouse/albums/k=1/old.parquet"]),
                         (manifest["pending"], manifest["copies"][1]["to"], manifest["deletes"]))

    def test_a_file_to_rewrite_outside_the_table_folder_is_refused(self):
        with self.assertRaisesRegex(ValueError, "names 's3://wh/data-warehouse/artists/a.parquet' as a file to rewrite, which is not under s3://wh/data-warehouse/albums/"):
            self.manifest(removed={"albums_upserts": ["s3://wh/data-warehouse/artists/a.parquet"]})

    def test_a_file_to_rewrite_in_another_bucket_is_refused(self):
        with self.assertRaisesRegex(ValueError, "not under s3://wh/data-warehouse/albums/"):
            self.manifest(removed={"albums_upserts": ["s3://other/data-warehouse/albums/a.parquet"]})

    def test_present_files_of_cleared_folders_are_deleted(self):
        present = ["data-warehouse/albums/release_year=2018/part-x.zstd.parquet", "data-warehouse/albums/release_year=2020/part-00000-a.zstd.parquet"]
        self.assertEqual(["data-warehouse/albums/release_year=2018/part-x.zstd.parquet"], self.manifest(present=present, removed={})["deletes"])

    def test_an_incremental_run_clears_only_its_own_run_folders(self):
        self.assertEqual(["quarantine/albums/run_id=R1/", "_metrics/albums/run_id=R1/"],
                         glue_runner.folders_to_clear(albums(), "", "R1", full_refresh=False))

    def test_a_full_refresh_clears_the_table_folder_too(self):
        self.assertEqual(["data-warehouse/albums/", "quarantine/albums/run_id=R1/", "_metrics/albums/run_id=R1/"],
                         glue_runner.folders_to_clear(albums(), "", "R1", full_refresh=True))

    def test_a_derived_table_is_replaced_whole(self):
        self.assertEqual(["data-warehouse/track_details/"], glue_runner.folders_to_clear(track_details(), "", "R1", full_refresh=False))

    def test_a_merge_writes_the_kept_rows_only_when_it_rewrites_files(self):
        output = albums()["outputs"][0]
        self.assertEqual((["albums_upserts"], ["albums_upserts", "albums_kept"]),
                         (glue_runner.written_steps(output, []), glue_runner.written_steps(output, [OLD])))


class PendingRunTests(unittest.TestCase):
    """Which runs left something under a table's pending folder; a folder marker is never a run of its own."""
    PREFIX = "_state/albums/pending/"

    def test_keys_are_grouped_by_the_run_folder_holding_them(self):
        keys = [self.PREFIX + "R1/manifest.json", self.PREFIX + "R1/albums_upserts/part-0.parquet", self.PREFIX + "R2/albums_metrics/m.json"]
        self.assertEqual({self.PREFIX + "R1/": keys[:2], self.PREFIX + "R2/": keys[2:]}, glue_runner.pending_runs(self.PREFIX, keys))

    def test_the_folder_marker_of_a_run_is_no_run(self):
        self.assertEqual({}, glue_runner.pending_runs(self.PREFIX, [self.PREFIX + "R1_$folder$"]))

    def test_the_folder_marker_of_a_run_goes_with_the_run_s_keys(self):
        keys = [self.PREFIX + "R1_$folder$", self.PREFIX + "R1/manifest.json"]
        self.assertEqual({self.PREFIX + "R1/": [keys[1], keys[0]]}, glue_runner.pending_runs(self.PREFIX, keys))

    def test_a_folder_marker_inside_a_run_is_one_of_its_keys_so_a_discard_deletes_it(self):
        keys = [self.PREFIX + "R1/albums_upserts_$folder$", self.PREFIX + "R1/albums_upserts/part-0.parquet"]
        self.assertEqual({self.PREFIX + "R1/": keys}, glue_runner.pending_runs(self.PREFIX, keys))


if __name__ == "__main__":
    unittest.main()
