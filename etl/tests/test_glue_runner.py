"""Tests of the pure helpers of etl/glue_runner.py; run: python3 -m unittest discover -s etl/tests

The plans are the C# compiler's own output (tests/Infra.Tests/Compiler/Snapshots/*.plan.json), kept current by the
C# snapshot tests, so both sides test the same contract.
"""
import base64
import json
import os
import sys
import unittest
from datetime import datetime, timedelta, timezone

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
        with self.assertRaisesRegex(ValueError, "version 1, this runner runs version 2"):
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

    def test_archived_objects_are_skipped_and_counted_apart(self):
        objects = [{"Key": "staging/t/a.csv", "Size": 1, "StorageClass": "GLACIER"},
                   {"Key": "staging/t/b.csv", "Size": 1, "StorageClass": "DEEP_ARCHIVE"},
                   {"Key": "staging/t/c.csv", "Size": 1, "StorageClass": "GLACIER_IR"},
                   {"Key": "staging/t/d.csv", "Size": 1, "StorageClass": "STANDARD_IA"}]
        read, ignored, archived = glue_runner.select_files(objects, "staging/t/", albums()["source"]["file_pattern"])
        self.assertEqual((["c.csv", "d.csv"], [], ["a.csv", "b.csv"]),
                         ([o["Path"] for o in read], ignored, [o["Path"] for o in archived]))

    def test_a_folder_marker_is_ignored(self):
        read, ignored, _ = glue_runner.select_files([{"Key": "staging/t/sub/", "Size": 0}], "staging/t/", albums()["source"]["file_pattern"])
        self.assertEqual(([], ["sub/"]), (read, [o["Path"] for o in ignored]))

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
    def test_steps_run_in_plan_order_and_only_typed_is_materialized(self):
        steps = glue_runner.ordered_steps(albums())
        self.assertEqual(["albums_layout", "albums_problems", "albums_typed", "albums_duplicate_keys", "albums_clean", "albums_rejects", "albums_metrics"],
                         [name for name, _, _, _ in steps])
        self.assertEqual(["albums_typed"], [name for name, _, materialize, _ in steps if materialize])

    def test_only_the_problems_step_stops_the_table(self):
        self.assertEqual(["albums_problems"], [name for name, _, _, stops in glue_runner.ordered_steps(albums()) if stops])

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
            ("albums_clean", "s3://bucket/data-warehouse/albums/", ["release_year"], "parquet", {"compression": "zstd"}),
            ("albums_rejects", "s3://bucket/quarantine/albums/", [], "parquet", {"compression": "zstd"}),
            ("albums_metrics", "s3://bucket/_metrics/albums/", [], "json", {}),
        ], writes)

    def test_parquet_output_without_a_codec_is_refused(self):
        plan = albums()
        del plan["outputs"][0]["compression"]
        with self.assertRaisesRegex(ValueError, "'albums_clean' of 'albums' has no compression; recompile the plan"):
            glue_runner.output_writes(plan, "s3://bucket/")

    def test_warehouse_path_without_a_trailing_slash_works(self):
        self.assertEqual("s3://bucket/data-warehouse/albums/", glue_runner.join_path("s3://bucket", "data-warehouse/albums/"))

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

if __name__ == "__main__":
    unittest.main()
