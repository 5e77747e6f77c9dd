using System.Net;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Search.SearchTestKit;

namespace Workspace.Server.Tests.Features.Search;

/// <summary>A search reads many tables and documents, so each person may search a bounded number of times a
/// window; over it the answer is 429 with a code the browser words in the person's language, and other people of
/// the same partnership search on.</summary>
public sealed class SearchRateLimitTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnePersonsSearchesAreBoundedPerWindowAndOthersSearchOn()
    {
        await using var factory = new WorkspaceFactory()
            .With("RateLimits:SearchPermitLimit", "2")
            .With("RateLimits:SearchWindow", "01:00:00");
        var p = await TestPartnership.CreateAsync(factory, "Limit", ct: _ct);
        await ItemAsync(p.Owner, p.Id, "Durian montong", _ct);
        var colleague = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Limit colleague", ct: _ct);

        await FoundAsync(p.Owner.Http, p.Id, "durian", _ct);
        await FoundAsync(p.Owner.Http, p.Id, "montong", _ct);
        var (status, body) = await SearchAsync(p.Owner.Http, p.Id, "durian", _ct);
        var theirs = await FoundAsync(colleague.Http, p.Id, "durian", _ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("tooManyRequests", body.GetProperty("code").GetString());
        Assert.Equal(["Durian montong"], Titles(theirs, "actions"));
    }
}
