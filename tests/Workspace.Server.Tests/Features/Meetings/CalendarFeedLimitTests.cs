using System.Net;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Meetings;

public sealed class CalendarFeedLimitTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task GuessingFeedTokensIsRateLimitedPerClientAddress()
    {
        await using var factory = new WorkspaceFactory()
            .With("RateLimits:CalendarFeedPermitLimit", "3").With("RateLimits:CalendarFeedWindow", "00:10:00");
        var anonymous = await factory.AnonymousClientAsync(_ct);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await anonymous.GetAsync($"/api/calendar-feeds/{Guid.NewGuid():N}", _ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }
}
