using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace Workspace.Server.Tests.Kernel;

/// <summary>A hub connection without a network, for the kernel's connection bookkeeping: only its id, and whether the
/// server cut it off.</summary>
internal sealed class FakeContext(string connectionId) : HubCallerContext
{
    public bool Aborted { get; private set; }

    public override string ConnectionId => connectionId;

    public override string? UserIdentifier => null;

    public override ClaimsPrincipal? User => null;

    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override CancellationToken ConnectionAborted => CancellationToken.None;

    public override void Abort() => Aborted = true;
}
