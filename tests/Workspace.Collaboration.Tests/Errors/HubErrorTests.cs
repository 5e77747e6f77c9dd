using Workspace.Collaboration.Errors;

namespace Workspace.Collaboration.Tests.Errors;

/// <summary>A hub refusal survives SignalR's wrapping: code, arguments and words come back as sent.</summary>
public sealed class HubErrorTests
{
    [Fact]
    public void ARefusalIsReadBackFromSignalRsWrappedMessage()
    {
        var sent = new HubError(ErrorCodes.PartyExists, "“Koperasi Maju” already takes part in this "
            + "partnership.", Final: true,
            new Dictionary<string, string> { ["name"] = "Koperasi Maju" });
        var wrapped = new InvalidOperationException(
            "An unexpected error occurred invoking 'AddParty' on the server. HubException: " + sent.ToMessage());

        var read = HubError.From(wrapped);

        Assert.NotNull(read);
        Assert.Equal(sent.Code, read.Code);
        Assert.Equal(sent.Detail, read.Detail);
        Assert.True(read.Final);
        Assert.Equal("Koperasi Maju", read.Args!["name"]);
        Assert.Contains("“Koperasi Maju”", sent.ToMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Connection lost.")]
    [InlineData("An unexpected error occurred invoking 'Submit' on the server.")]
    [InlineData("HubException: {not json")]
    public void AnErrorWithoutACodeIsNoRefusal(string message)
    {
        Assert.Null(HubError.From(new InvalidOperationException(message)));
        Assert.False(HubError.Is(new InvalidOperationException(message), ErrorCodes.Resync));
    }
}
