using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;

namespace Cybercrime.Evidence.Requests;

/// <summary>
/// How many days after submission a request falls due, by addressee (a provider or a state), priority
/// and type. The defaults follow practice: providers answer emergencies in a day or two and ordinary
/// requests in weeks; mutual legal assistance takes months. Each can be set, in days, as
/// <c>Evidence:Deadlines:{provider|state}:{standard|emergency}:{request-type}</c>.
/// </summary>
internal sealed class Deadlines
{
    public const string Section = "Evidence:Deadlines";

    private readonly Dictionary<(bool Mla, EvidencePriority Priority, EvidenceRequestType Type), int> _days = [];

    private Deadlines()
    {
        foreach (var type in Enum.GetValues<EvidenceRequestType>())
        {
            _days[(false, EvidencePriority.Standard, type)] = type switch
            {
                EvidenceRequestType.Preservation => 7,
                EvidenceRequestType.SubscriberInformation => 30,
                EvidenceRequestType.TrafficData => 45,
                EvidenceRequestType.ContentData => 60,
                _ => 3,
            };
            _days[(false, EvidencePriority.Emergency, type)] = 2;
            _days[(true, EvidencePriority.Standard, type)] = type switch
            {
                EvidenceRequestType.Preservation or EvidenceRequestType.EmergencyDisclosure => 30,
                EvidenceRequestType.ContentData => 270,
                _ => 180,
            };
            _days[(true, EvidencePriority.Emergency, type)] = 14;
        }
    }

    public static Deadlines Default { get; } = new();

    public static Deadlines From(IConfiguration configuration)
    {
        var deadlines = new Deadlines();
        foreach (var mla in (bool[])[false, true])
        {
            foreach (var priority in Enum.GetValues<EvidencePriority>())
            {
                foreach (var type in Enum.GetValues<EvidenceRequestType>())
                {
                    var key = $"{Section}:{(mla ? "state" : "provider")}:{ContractJson.Name(priority)}:{ContractJson.Name(type)}";
                    if (configuration[key] is { } value)
                    {
                        deadlines._days[(mla, priority, type)] = int.TryParse(value, out var days) && days is > 0 and <= 3650
                            ? days
                            : throw new InvalidOperationException($"{key} is '{value}'; it must be a number of days from 1 to 3650.");
                    }
                }
            }
        }

        return deadlines;
    }

    public int DaysFor(RequestDetails details) => _days[(details.IsMutualLegalAssistance, details.Priority, details.RequestType)];

    /// <summary>The last day the request is on time: overdue from the day after.</summary>
    public DateOnly DueOn(RequestDetails details, DateOnly submittedOn) => submittedOn.AddDays(DaysFor(details));
}
