using System.Text.Json;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Outbox;
using MassTransit;

namespace Cybercrime.Platform.Tests.Outbox;

/// <summary>The outbox keeps events by their stable names, so renaming a class strands no entry.</summary>
public sealed class OutboxMessageTests
{
    private static readonly ParticipantCompleted Completed = new(
        Guid.NewGuid(), DateTimeOffset.UnixEpoch, "GUA", Guid.NewGuid(), 3,
        new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.Prosecution, null, EnrolmentStatus.Completed));

    [Fact]
    public void An_entry_names_the_event_by_its_stable_name_and_reads_back_as_the_same_event()
    {
        var message = OutboxMessage.From(Completed);

        Assert.Equal("training.participant-completed", message.Type);
        Assert.Equal((Completed, typeof(ParticipantCompleted)), message.Deserialize());
    }

    [Fact]
    public void An_entry_written_before_stable_names_with_the_full_class_name_still_reads()
    {
        var old = new OutboxMessage(Completed.EventId, typeof(ParticipantCompleted).FullName!, JsonSerializer.Serialize(Completed, ContractJson.Options));

        Assert.Equal(Completed, old.Deserialize().Message);
    }

    [Fact]
    public void An_entry_naming_no_known_event_throws_so_the_dispatcher_can_park_it()
    {
        var unknown = new OutboxMessage(Guid.NewGuid(), "training.participant-vanished", "{}");

        Assert.Throws<InvalidOperationException>(() => unknown.Deserialize());
    }

    [Fact]
    public void Exchanges_are_named_after_the_stable_names_and_other_messages_keep_masstransits_names()
    {
        var names = new EventEntityNames(new MessageUrnEntityNameFormatter());

        Assert.Equal("training.participant-completed", names.FormatEntityName<ParticipantCompleted>());
        Assert.Equal(MessageUrn.ForTypeString<Fault<ParticipantCompleted>>(), names.FormatEntityName<Fault<ParticipantCompleted>>());
    }
}
