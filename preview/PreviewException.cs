namespace DataPipeline.Preview;

/// <summary>The preview cannot go on; the message says which step failed and what it printed.</summary>
public sealed class PreviewException(string message, Exception? inner = null) : Exception(message, inner);
