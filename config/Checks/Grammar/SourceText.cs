namespace DataPipeline.Config.Checks.Grammar;

/// <summary>A piece of the SQL as written, and its line.</summary>
internal sealed record SourceText(string Text, int Line);
