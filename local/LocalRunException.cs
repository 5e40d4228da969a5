namespace DataPipeline.Local;

/// <summary>A local run cannot go on; the message names the file or folder at fault and what to do.</summary>
public sealed class LocalRunException(string message, Exception? inner = null) : Exception(message, inner);
