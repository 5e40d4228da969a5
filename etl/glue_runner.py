"""Generic Glue job: runs the transform plans compiled for Spark by the C# TransformCompiler, one after another.

Arguments: --plan_path (s3:// URL of a JSON list of plans, a CDK asset), --staging_root (s3://bucket/staging/),
--warehouse_path (s3://bucket/). The plans live in S3, not in the job's arguments, so the template stays small.
The logic is in the plan's SQL; this script reads, registers views, runs the steps and writes the outputs.
Helpers import neither pyspark nor awsglue (only main does), so etl/tests test them without Spark.
"""
import json
import sys

CORRUPT_RECORD = "_corrupt_record"
ARGUMENTS = ["JOB_NAME", "plan_path", "staging_root", "warehouse_path"]
# Bad dates and numbers become NULL instead of failing the job; the plan's SQL rejects them itself.
SPARK_SETTINGS = {
    "spark.sql.legacy.timeParserPolicy": "CORRECTED",
    "spark.sql.ansi.enabled": "false",
    # Parse every column of every line, so _corrupt_record does not depend on the columns a query reads.
    "spark.sql.csv.parser.columnPruning.enabled": "false",
}


def parse_plan(text):
    """The plan as a dict; refuses plans of another dialect or without steps and outputs."""
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


def split_s3_url(url):
    """(bucket, key) of s3://bucket/key."""
    if not url.startswith("s3://") or "/" not in url[len("s3://"):]:
        raise ValueError(f"'{url}' is not an s3://bucket/key URL.")
    bucket, key = url[len("s3://"):].split("/", 1)
    if not bucket or not key:
        raise ValueError(f"'{url}' is not an s3://bucket/key URL.")
    return bucket, key


def staging_path(staging_root, table):
    """The staging folder of one table: <staging_root><table>/."""
    return join_path(staging_root, table) + "/"


def check_plan(plan):
    """The plan itself if it is one this runner can execute."""
    if not isinstance(plan, dict):
        raise ValueError("A plan is a JSON object; recompile it.")
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


def raw_view(table):
    """The view the table plan's first step reads."""
    return "raw_" + table


def read_format(source):
    """'csv' or 'json' (Spark's reader for JSON lines)."""
    formats = {"csv": "csv", "jsonl": "json"}
    if source["format"] not in formats:
        raise ValueError(f"Source format '{source['format']}' is not supported; use csv or jsonl.")
    return formats[source["format"]]


def read_options(source):
    """Reader options: keep unparsable lines in _corrupt_record instead of failing or dropping them."""
    options = {"mode": "PERMISSIVE", "columnNameOfCorruptRecord": CORRUPT_RECORD}
    if read_format(source) == "csv":
        options.update({
            "header": "true" if source["header"] else "false",
            "sep": source["delimiter"],
            "quote": source["quote"],
            "escape": source["quote"],  # a quote inside a quoted value is doubled (RFC 4180)
        })
    return options


def schema_columns(source):
    """Every column is read as text, in file order, then the corrupt record column."""
    return list(source["columns"]) + [CORRUPT_RECORD]


def input_paths(plan, warehouse_path):
    """Derived plans: each input table's folder in the warehouse, in the order listed."""
    return [(name, join_path(warehouse_path, f"data-warehouse/{name}/")) for name in plan.get("inputs", [])]


def ordered_steps(plan):
    """(name, sql, materialize) in plan order; a step may read only the views registered before it."""
    steps, seen = [], set()
    for step in plan["steps"]:
        if step["name"] in seen:
            raise ValueError(f"Step '{step['name']}' appears twice in the plan of '{plan['table']}'.")
        seen.add(step["name"])
        steps.append((step["name"], step["sql"], bool(step.get("materialize", False))))
    return steps


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


def read_plans(plan_path):
    """Fetches the job's plan file from S3 before anything else runs."""
    import boto3

    bucket, key = split_s3_url(plan_path)
    return parse_plans(boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8"))


def main(argv):
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    args = getResolvedOptions(argv, ARGUMENTS)
    plans = read_plans(args["plan_path"])
    glue_context = GlueContext(SparkContext.getOrCreate())
    spark = glue_context.spark_session
    for key, value in SPARK_SETTINGS.items():
        spark.conf.set(key, value)
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)  # bookmarks: spark.read keeps none, every run rewrites its outputs
    for plan in plans:
        run_plan(spark, plan, args)
        spark.catalog.clearCache()  # the next table starts with the memory the last one persisted
    job.commit()


def run_plan(spark, plan, args):
    """Reads one table's inputs, runs its steps and writes its outputs."""
    from pyspark import StorageLevel
    from pyspark.sql.types import StringType, StructField, StructType

    if plan["kind"] == "table":
        source = plan["source"]
        schema = StructType([StructField(name, StringType(), True) for name in schema_columns(source)])
        reader = spark.read.format(read_format(source)).options(**read_options(source)).schema(schema)
        reader.load(staging_path(args["staging_root"], plan["table"])).createOrReplaceTempView(raw_view(plan["table"]))
    for name, path in input_paths(plan, args["warehouse_path"]):
        spark.read.parquet(path).createOrReplaceTempView(name)
    for name, sql, materialize in ordered_steps(plan):
        frame = spark.sql(sql)
        if materialize:
            frame = frame.persist(StorageLevel.MEMORY_AND_DISK)  # staging is read once for every output
        frame.createOrReplaceTempView(name)
    for view, path, partition_by, file_format, options in output_writes(plan, args["warehouse_path"]):
        frame = spark.table(view)
        if file_format == "json":
            frame = frame.coalesce(1)  # a handful of metric rows: one small file
        writer = frame.write.mode("overwrite").options(**options)
        if partition_by:
            writer = writer.partitionBy(*partition_by)
        writer.format(file_format).save(path)


if __name__ == "__main__":
    main(sys.argv)
