using System.Security.Cryptography;
using System.Text;
using Cybercrime.Training.Registrations;

namespace Cybercrime.Training.Tests;

/// <summary>Pseudonyms are keyed per deployment (docs/decisions/0003).</summary>
public sealed class ParticipantIdentityTests
{
    private static readonly ParticipantIdentity Deployment = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void The_same_key_gives_the_same_id()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.Equal(new ParticipantIdentity(key).Of("GUA", "gua-0001"), new ParticipantIdentity([.. key]).Of("GUA", "gua-0001"));
    }

    [Fact]
    public void Another_key_gives_another_id()
    {
        var other = new ParticipantIdentity(RandomNumberGenerator.GetBytes(32));

        Assert.NotEqual(Deployment.Of("GUA", "gua-0001"), other.Of("GUA", "gua-0001"));
    }

    [Fact]
    public void The_id_is_not_the_unkeyed_hash_that_anyone_could_recompute_from_a_guessed_reference()
    {
        var unkeyed = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("participant\nGUA\ngua-0001"))[..16]);

        Assert.NotEqual(unkeyed, Deployment.Of("GUA", "gua-0001"));
    }

    [Fact]
    public void The_registration_id_is_deterministic()
    {
        var participant = Deployment.Of("GUA", "gua-0001");

        Assert.Equal(ParticipantIdentity.Registration("s-1", participant), ParticipantIdentity.Registration("s-1", participant));
        Assert.NotEqual(ParticipantIdentity.Registration("s-1", participant), ParticipantIdentity.Registration("s-2", participant));
    }
}
