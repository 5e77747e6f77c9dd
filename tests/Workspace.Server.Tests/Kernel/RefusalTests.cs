using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Tests.Kernel;

/// <summary>Every grain command refuses with the one <see cref="Refusal"/>, which maps to HTTP and SignalR
/// once.</summary>
public sealed class RefusalTests
{
    private static readonly Assembly Server = typeof(Refusal).Assembly;

    [Fact]
    public void GrainCommandsRefuseOnlyWithTheOneRefusal()
    {
        // An exception Orleans carries across a grain call is serializable; the only one is the raised Refusal.
        var carried = Server.GetTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && t.IsDefined(typeof(GenerateSerializerAttribute)))
            .ToList();
        Assert.Equal([typeof(CommandRejectedException)], carried);

        // A returned outcome holds its value or a Refusal, and no words or code of its own.
        var outcomeFields = typeof(Outcome<>).GetProperties()
            .Where(p => p.IsDefined(typeof(IdAttribute))).Select(p => p.PropertyType.Name).ToList();
        Assert.Equal(["OutcomeKind", "T", nameof(Refusal)], outcomeFields);

        // No grain answers with a home-made result (something with its own error code) instead.
        var homeMade = GrainMethods()
            .Where(m => Answer(m) is { } answer && !IsOutcome(answer) && answer.GetProperty("Code") is not null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.Empty(homeMade);
        Assert.Contains(GrainMethods(), m => Answer(m) is { } answer && IsOutcome(answer));
    }

    [Fact]
    public void MembershipAndCoEditingCommandsReturnTheirRefusalInsteadOfRaisingIt()
    {
        // Commands of the partnership and document grains answer an Outcome: a refusal is returned, never raised
        // across the grain boundary. Only reads (and leaving, which cannot be refused) answer plainly.
        string[] reads = ["GetAsync", "GetMemberAsync", "IsArchivedAsync", "GetActivityAsync", "GetInfoAsync",
            "PreviewInvitationAsync", "LeaveAsync"];
        var plain = new[] { typeof(IPartnershipGrain), typeof(Workspace.Server.Features.Documents.IDocumentGrain) }
            .SelectMany(t => t.GetMethods())
            .Where(m => m.DeclaringType != typeof(Workspace.Server.Kernel.ChecklistLinks.IChecklistDocument)
                && !reads.Contains(m.Name) && !(Answer(m) is { } answer && IsOutcome(answer)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.Empty(plain);
    }

    [Fact]
    public void ARaisedRefusalAndAReturnedOneMapAlike()
    {
        var returned = Outcome<int>.NotFound(ErrorCodes.UnknownDocument, "Unknown document.");
        var raised = new CommandRejectedException(ErrorCodes.UnknownDocument, "Unknown document.") { StatusCode = 404 };
        Assert.Equal(returned.Refusal, raised.Refusal);

        var problem = Assert.IsType<ProblemHttpResult>(returned.ToHttp().Result).ProblemDetails;
        var handled = raised.Refusal.ToProblemDetails();
        Assert.Equal((404, "Unknown document.", ErrorCodes.UnknownDocument),
            (problem.Status, problem.Detail, problem.Extensions["code"]));
        Assert.Equal((problem.Status, problem.Detail, problem.Extensions["code"]),
            (handled.Status, handled.Detail, handled.Extensions["code"]));

        var hub = HubError.From(raised.Refusal.ToHub());
        Assert.Equal((ErrorCodes.UnknownDocument, true), (hub?.Code, hub?.Final));
        var resync = HubError.From(new CommandRejectedException(ErrorCodes.Resync, "Resync required.")
        { StatusCode = 409 }.Refusal.ToHub());
        Assert.Equal((ErrorCodes.Resync, false), (resync?.Code, resync?.Final));
    }

    [Fact]
    public void AnInvalidInputIsAValidationProblemNamingItsField()
    {
        var outcome = Outcome<int>.Invalid("title", ErrorCodes.TooLong, "At most 200.", ("max", 200));
        var problem = Assert.IsType<ValidationProblem>(outcome.ToHttp().Result).ProblemDetails;
        Assert.Equal(["At most 200."], problem.Errors["title"]);
        Assert.Equal(400, outcome.Refusal?.Status);
    }

    private static IEnumerable<MethodInfo> GrainMethods() => Server.GetTypes()
        .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
        .SelectMany(t => t.GetMethods());

    private static Type? Answer(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? Nullable.GetUnderlyingType(method.ReturnType.GetGenericArguments()[0])
                ?? method.ReturnType.GetGenericArguments()[0]
            : null;

    private static bool IsOutcome(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Outcome<>);
}
