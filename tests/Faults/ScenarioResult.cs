using System.Globalization;

namespace Cybercrime.Faults;

/// <summary>
/// One scenario's outcome. Operations are a registration and its completion each; reporting counts one
/// participation, one completion and one practitioner per operation. Lost: acknowledged and not
/// counted once the pipeline was quiet (or at the deadline); double-counted: counted beyond what was
/// acknowledged. Recovery runs from the end of the fault to the moment reporting showed everything.
/// </summary>
internal sealed record ScenarioResult(
    string Scenario, int Acknowledged, long Counted, long Lost, long DoubleCounted, long Parked, long Replayed, double RecoverySeconds,
    int Unavailable, int Unanswered, int Refused, double SlowestAnswerSeconds, int Stalls, double Seconds, string? Failure)
{
    public bool Passed => Failure is null && Lost == 0 && DoubleCounted == 0 && Refused == 0 && Stalls == 0;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{(Passed ? "PASS" : "FAIL"),-4} {Scenario,-22} acknowledged {Acknowledged,6}  counted {Counted,6}  lost {Lost}  double-counted {DoubleCounted}  " +
        $"parked {Parked} (replayed {Replayed})  recovered in {RecoverySeconds:0.0} s  503s {Unavailable}  unanswered {Unanswered}  refused {Refused}  " +
        $"slowest answer {SlowestAnswerSeconds:0.0} s  stalls {Stalls}  ({Seconds:0} s){(Failure is null ? "" : $"  {Failure}")}");
}
