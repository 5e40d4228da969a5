using DataPipeline.Config;

namespace DataPipeline.Tests.Config;

public sealed class AwsNamesTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("Upper-case")]
    [InlineData("-starts-with-dash")]
    [InlineData("ends-with-dash-")]
    [InlineData("two..dots")]
    [InlineData("dot.-dash")]
    [InlineData("192.168.1.10")]
    [InlineData("xn--punycode")]
    [InlineData("sthree-bucket")]
    [InlineData("amzn-s3-demo-bucket")]
    [InlineData("access-point-s3alias")]
    [InlineData("object-lambda--ol-s3")]
    [InlineData("multi-region.mrap")]
    [InlineData("under_score")]
    public void Bucket_names_s3_refuses_are_rejected(string name) => Assert.NotNull(AwsNames.CheckBucket(name));

    [Theory]
    [InlineData("abc")]
    [InlineData("datapipe-prod-spotify-warehouse-222222222222")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Bucket_names_s3_accepts_pass(string name) => Assert.Null(AwsNames.CheckBucket(name));

    [Theory]
    [InlineData("Tracks")]
    [InlineData("1tracks")]
    [InlineData("_tracks")]
    [InlineData("track-name")]
    [InlineData("table")]
    [InlineData("user")]
    [InlineData("")]
    public void Catalog_names_glue_or_athena_refuse_are_rejected(string name) => Assert.NotNull(AwsNames.CheckCatalogName(name, "table"));

    [Theory]
    [InlineData("tracks")]
    [InlineData("genre_0")]
    [InlineData("explicit")]
    [InlineData("key")]
    public void Catalog_names_glue_and_athena_accept_pass(string name) => Assert.Null(AwsNames.CheckCatalogName(name, "column"));

    [Fact]
    public void Workgroup_names_longer_than_128_characters_or_with_other_characters_are_rejected()
    {
        Assert.Null(AwsNames.CheckWorkgroup("datapipe-prod-spotify_2.0"));
        Assert.NotNull(AwsNames.CheckWorkgroup(new string('w', 129)));
        Assert.NotNull(AwsNames.CheckWorkgroup("has space"));
    }

    [Fact]
    public void Role_names_of_64_characters_pass_and_65_are_rejected()
    {
        Assert.Null(AwsNames.CheckRole(new string('r', 64)));
        Assert.Equal(
            $"makes the IAM role name '{new string('r', 65)}' (65 characters); role names are at most 64 characters of letters, digits and +=,.@_-, so shorten the project, dataset or table name.",
            AwsNames.CheckRole(new string('r', 65)));
    }
}
