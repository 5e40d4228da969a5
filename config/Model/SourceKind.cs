namespace DataPipeline.Config.Model;

public enum SourceKind
{
    Csv,
    JsonLines,
}
