using System.Text.RegularExpressions;
using Cybercrime.Contracts.Training;
using MassTransit;

namespace Cybercrime.Contracts.Tests;

/// <summary>Every event has a stable name, independent of its class, that the envelope and the outbox carry.</summary>
public sealed partial class EventNameTests
{
    [Fact]
    public void Every_event_has_a_unique_stable_name_of_the_form_area_dot_event()
    {
        var names = EventNames.Events.Select(EventNames.Of).ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches(NameForm(), name));
    }

    [Fact]
    public void The_message_type_in_the_envelope_is_the_stable_name_not_the_class_name()
    {
        Assert.Equal("urn:message:training.participant-registered", MessageUrn.ForTypeString<ParticipantRegistered>());
        Assert.Equal("urn:message:training.session-scheduled", MessageUrn.ForTypeString(typeof(TrainingSessionScheduled)));
    }

    [Fact]
    public void A_name_resolves_to_its_event_and_so_does_the_full_class_name_older_outbox_entries_hold()
    {
        Assert.Equal(typeof(ParticipantCompleted), EventNames.Resolve("training.participant-completed"));
        Assert.Equal(typeof(ParticipantCompleted), EventNames.Resolve("Cybercrime.Contracts.Training.ParticipantCompleted"));
        Assert.Null(EventNames.Resolve("training.participant-vanished"));
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$")]
    private static partial Regex NameForm();
}
