namespace DataPipeline.Config.Checks.Grammar;

/// <summary>A function called by name, as written.</summary>
internal sealed record FunctionCall(string Name, int Line);
