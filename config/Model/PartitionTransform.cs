namespace DataPipeline.Config.Model;

public enum PartitionTransform
{
    Identity,
    Year,
    Month,
    Day,
}
