using Cybercrime.Platform.Http;

namespace Cybercrime.Platform.Tests.Http;

public sealed class ProblemExceptionHandlerTests
{
    [Theory]
    [InlineData("$.topics[0]", "topics[0]")]
    [InlineData("$.participant.gender", "participant.gender")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void A_json_path_names_the_field_at_fault(string? path, string field) =>
        Assert.Equal(field, ProblemExceptionHandler.FieldOf(path));
}
