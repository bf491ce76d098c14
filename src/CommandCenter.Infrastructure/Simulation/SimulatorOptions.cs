using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Infrastructure.Simulation;

/// <summary>Section "Simulator": feeds the running app a stream of realistic cases (demos, load).</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public bool Enabled { get; set; }

    [Range(0.1, 60_000)]
    public double CasesPerMinute { get; set; } = 6;
}
