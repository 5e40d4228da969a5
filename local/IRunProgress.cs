namespace DataPipeline.Local;

/// <summary>Receives one line per step of a run, for the terminal.</summary>
public interface IRunProgress
{
    void Step(string dataset, string message);
}
