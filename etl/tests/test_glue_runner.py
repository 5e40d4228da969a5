"""Tests of the pure helpers of etl/glue_runner.py; run: python3 -m unittest discover -s etl/tests

The plans are the C# compiler's own output (tests/Infra.Tests/Compiler/Snapshots/*.plan.json), kept current by the
C# snapshot tests, so both sides test the same contract.
"""
import json
import os
import sys
import unittest

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


class ReadOptionsTests(unittest.TestCase):
    def test_csv_keeps_unparsable_lines_in_the_corrupt_record_column(self):
        options = glue_runner.read_options(albums()["source"])
        self.assertEqual(("PERMISSIVE", "_corrupt_record"), (options["mode"], options["columnNameOfCorruptRecord"]))

    def test_csv_options_come_from_the_source(self):
        options = glue_runner.read_options(albums()["source"])
        self.assertEqual(("true", ",", '"', '"'), (options["header"], options["sep"], options["quote"], options["escape"]))

    def test_csv_without_header_says_false(self):
        source = dict(albums()["source"], header=False)
        self.assertEqual("false", glue_runner.read_options(source)["header"])

    def test_jsonl_is_read_with_the_json_reader_and_no_csv_options(self):
        source = dict(albums()["source"], format="jsonl")
        self.assertEqual("json", glue_runner.read_format(source))
        self.assertEqual({"mode", "columnNameOfCorruptRecord"}, set(glue_runner.read_options(source)))

    def test_unknown_format_is_refused(self):
        with self.assertRaisesRegex(ValueError, "'parquet' is not supported"):
            glue_runner.read_format(dict(albums()["source"], format="parquet"))

    def test_schema_is_every_declared_column_then_the_corrupt_record(self):
        columns = glue_runner.schema_columns(albums()["source"])
        self.assertEqual(["track_name", "track_id"], columns[:2])
        self.assertEqual(["duration_sec", "_corrupt_record"], columns[-2:])
        self.assertEqual(27, len(columns))

    def test_raw_view_is_named_after_the_table(self):
        self.assertEqual("raw_albums", glue_runner.raw_view("albums"))

    def test_steps_read_the_raw_view(self):
        self.assertIn("`raw_albums`", albums()["steps"][0]["sql"])


class StepAndOutputTests(unittest.TestCase):
    def test_steps_run_in_plan_order_and_only_checked_is_materialized(self):
        steps = glue_runner.ordered_steps(albums())
        self.assertEqual([("albums_checked", True), ("albums_clean", False), ("albums_rejects", False), ("albums_metrics", False)],
                         [(name, materialize) for name, _, materialize in steps])

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

    def test_s3_url_splits_into_bucket_and_key(self):
        self.assertEqual(("cdk-assets", "ab12/plans.json"), glue_runner.split_s3_url("s3://cdk-assets/ab12/plans.json"))

    def test_a_url_without_a_key_is_refused(self):
        for url in ["s3://bucket", "s3://bucket/", "https://bucket/key", "s3:///key"]:
            with self.assertRaisesRegex(ValueError, "is not an s3://bucket/key URL"):
                glue_runner.split_s3_url(url)

    def test_each_table_reads_its_own_folder_under_the_staging_root(self):
        self.assertEqual("s3://b/staging/albums/", glue_runner.staging_path("s3://b/staging/", "albums"))
        self.assertEqual("s3://b/staging/albums/", glue_runner.staging_path("s3://b/staging", "albums"))

if __name__ == "__main__":
    unittest.main()
