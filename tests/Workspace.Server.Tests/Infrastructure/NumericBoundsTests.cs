using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Workspace.Server.Infrastructure;
using Workspace.Server.Tests.Kernel;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// Extreme numbers, dates and texts are refused on the way in (400 naming the field, nothing changed), and figures
/// derived from whatever is stored stay finite, so goals and the dashboard always answer.
/// </summary>
public sealed class NumericBoundsTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Refused by every number field: too large, or not a number at all.</summary>
    private static readonly JsonNode[] NeverANumber = [1e308, -1e308, "NaN", "Infinity", "-Infinity"];

    [Fact]
    public async Task EveryNumberDateAndTextOfARequestIsBounded()
    {
        var world = await PartnershipWorld.CreateAsync(factory, "Bounds", _ct);
        var before = await world.SnapshotAsync(_ct);
        var failures = new List<string>();
        var probes = 0;
        foreach (var endpoint in ContractWalk.PartnershipEndpoints(factory))
        {
            var body = endpoint.Body is null ? null : await world.ValidBodyAsync(endpoint.Body, endpoint, _ct);
            var fields = endpoint.Body is null ? [] : ContractWalk.Fields(endpoint.Body).ToList();
            if (body is null && fields.Count > 0)
            {
                failures.Add(
                    $"{endpoint}: no valid {endpoint.Body!.Name} known; add one to PartnershipWorld.ValidBodyAsync");
                continue;
            }
            foreach (var (path, property) in fields)
            {
                foreach (var value in ExtremesFor(property))
                {
                    failures.AddRange(await ProbeAsync(world, endpoint, body, "body", path, value));
                    probes++;
                }
            }
            foreach (var p in endpoint.Query.Where(p => ContractWalk.IsNumber(p.ParameterType)))
            {
                foreach (var value in NeverANumber.Concat([int.MaxValue, -1, 1e-300]))
                {
                    failures.AddRange(await ProbeAsync(world, endpoint, body, "query", p.Name!, value));
                    probes++;
                }
            }
            foreach (var name in endpoint.RouteParameters.Where(n => !n.EndsWith("Id", StringComparison.Ordinal)))
            {
                foreach (var value in new JsonNode[] { long.MaxValue, int.MaxValue, -1, "1e308" })
                {
                    failures.AddRange(await ProbeAsync(world, endpoint, body, "route", name, value));
                    probes++;
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
        Assert.True(probes >= 100, $"only {probes} probes");
        Assert.Equal(before, await world.SnapshotAsync(_ct));
        Assert.Equal(HttpStatusCode.OK, (await world.Owner.Http.GetAsync(world.Url("/goals"), _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Owner.Http.GetAsync(world.Url("/dashboard"), _ct)).StatusCode);
        // The control: each body the probes started from is accepted as it is, so every refusal was the probed field's.
        foreach (
            var endpoint in ContractWalk.PartnershipEndpoints(factory)
                .Where(e => e.Body is not null && !e.RouteParameters.Contains("revision")))
        {
            await world.BeforeControlAsync(endpoint, _ct);
            var (status, text) = await ReferenceIntegrityTests.SendAsync(
                world,
                endpoint,
                await world.ValidBodyAsync(endpoint.Body!, endpoint, _ct),
                "",
                "",
                "",
                _ct);
            Assert.True((int)status is >= 200 and < 300, $"control {endpoint} answered {(int)status}: {Cut(text)}");
        }
    }

    /// <summary>
    /// Values the field must refuse: every number field the non-numbers, integers also the out-of-range ones.
    /// </summary>
    private static IEnumerable<JsonNode> ExtremesFor(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (ContractWalk.IsInteger(type))
        {
            return NeverANumber.Concat([int.MaxValue, -1, 1e-300, 0.5]);
        }
        if (ContractWalk.IsNumber(type))
        {
            // A board position is halved again and again, so only there is a tiny number a sensible one.
            var anyPrecision = property.GetCustomAttribute<SensibleNumberAttribute>()?.AnyPrecision == true;
            return anyPrecision ? NeverANumber : NeverANumber.Concat([1e-300, 1e13, -1e13, 0.1234567]);
        }
        if (type == typeof(DateOnly))
        {
            return ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"];
        }
        if (type == typeof(string))
        {
            return [new string('x', 1_000_001)];
        }
        return [];
    }

    private static async Task<IEnumerable<string>> ProbeAsync(
        PartnershipWorld world, ApiEndpoint endpoint, JsonObject? body, string where, string path, JsonNode value)
    {
        var text = value.ToJsonString().Trim('"');
        var sent = where == "body" ? body!.With(path, value.DeepClone()) : body;
        var (status, answer) = await ReferenceIntegrityTests.SendAsync(world, endpoint, sent, where, path, text);
        var shown = text.Length > 20 ? text[..20] + "…" : text;
        if (where == "route")
        {
            return status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound
                ? []
                : [$"{endpoint} route {path}={shown}: {(int)status} {answer}"];
        }
        if (status != HttpStatusCode.BadRequest)
        {
            return [$"{endpoint} {where} {path}={shown}: {(int)status} {Cut(answer)}"];
        }
        var errors = JsonDocument.Parse(answer)
            .RootElement.TryGetProperty("errors", out var e) ? e.EnumerateObject()
            .Select(p => p.Name)
            .ToList() : [];
        // A refusal of a whole record inside the body (the anchor is no passage of the document) names that record.
        var named = new[] { path, path.Contains('.', StringComparison.Ordinal) ? path[..path.LastIndexOf('.')] : path };
        return errors.Any(n => named.Contains(n, StringComparer.OrdinalIgnoreCase))
            ? []
            : [$"{endpoint} {where} {path}={shown}: 400 without naming the field: {Cut(answer)}"];
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [Theory]
    [InlineData(-1L, 0, 0)]
    [InlineData(0L, -1, 0)]
    [InlineData(0L, 0, int.MinValue)]
    [InlineData(0L, int.MaxValue, 0)]
    [InlineData(0L, 0, int.MaxValue)]
    public async Task ACursorOutsideTheDocumentIsRefused(long revision, int anchor, int head)
    {
        var world = await PartnershipWorld.CreateAsync(factory, $"Cursor {anchor} {head}", _ct);
        await using var connection = factory.Hub(world.Owner, "/hubs/documents");
        await connection.StartAsync(_ct);
        await connection.InvokeCoreAsync("OpenDocument", typeof(object), [world.DocumentId, null], _ct);

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            connection.InvokeCoreAsync(
                "UpdatePresence",
                typeof(object),
                [world.DocumentId, revision, anchor, head],
                _ct));
        Assert.Contains("cursor", error.Message, StringComparison.Ordinal);
        // The control: a cursor inside the document is taken.
        await connection.InvokeCoreAsync("UpdatePresence", typeof(object), [world.DocumentId, 0L, 0, 0], _ct);
    }

    [Fact]
    public async Task ExtremeFiguresAlreadyStoredDoNotBreakGoalsOrDashboard()
    {
        var directory = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        TestUser owner;
        PartnershipWorld world;
        await using (var first = new WorkspaceFactory().With("Database:DataDirectory", directory))
        {
            world = await PartnershipWorld.CreateAsync(first, "Stored", _ct);
            owner = world.Owner;
            var lower = await owner.Http.PostJsonAsync(world.Url("/kpis"), new
            {
                name = "Rejected lots", unit = "", direction = "LowerIsBetter", target = 100,
                ownerPartyId = world.PartyId, goalId = world.GoalId, version = 0,
            }, _ct);
            var lowerId = lower.Body.GetProperty("id").GetGuid();
            await owner.Http.PostJsonAsync(
                world.Url($"/kpis/{lowerId}/measurements"),
                new { date = PartnershipWorld.Today, value = 5, note = "" },
                _ct);
        }

        // What the review stored before numbers were bounded, and what only a damaged file can hold.
        await using (
            var sqlite = new SqliteConnection($"Data Source={Path.Combine(directory, "workspace.db")};Pooling=False"))
        {
            await sqlite.OpenAsync(_ct);
            await ExecuteAsync(sqlite, "UPDATE Kpi SET Target = 1e308 WHERE Direction = 'LowerIsBetter'");
            await ExecuteAsync(
                sqlite,
                "UPDATE KpiMeasurement SET Value = 1e-300 WHERE KpiId IN (SELECT Id FROM Kpi WHERE Direction = "
                    + "'LowerIsBetter')");
            await ExecuteAsync(sqlite, "UPDATE Kpi SET Baseline = -1e308 WHERE Direction = 'HigherIsBetter'");
            await ExecuteAsync(
                sqlite,
                "UPDATE KpiMeasurement SET Value = 9e999 WHERE KpiId IN (SELECT Id FROM Kpi WHERE Direction = "
                    + "'HigherIsBetter')");
            await ExecuteAsync(sqlite, "UPDATE ActionItem SET DueDate = '0001-01-01', Status = 'Open'");
        }

        await using var second = new WorkspaceFactory().With("Database:DataDirectory", directory);
        using var http = second.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", owner.Cookie);
        foreach (var path in new[] {
            "/goals",
            "/dashboard",
            "/action-items?dueWithinDays=3650",
            "/action-items?overdue=true"
        })
        {
            using var response = await http.GetAsync(world.Url(path), _ct);
            Assert.True(
                response.StatusCode == HttpStatusCode.OK,
                $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(_ct)}");
        }
        var board = JsonDocument.Parse(await http.GetStringAsync(world.Url("/goals"), _ct)).RootElement;
        foreach (var kpi in board.GetProperty("kpis").EnumerateArray())
        {
            Assert.True(
                kpi.GetProperty("attainment").ValueKind is JsonValueKind.Null or JsonValueKind.Number,
                kpi.ToString());
        }
        var progress = board.GetProperty("goals")[0].GetProperty("progress");
        Assert.True(
            progress.ValueKind == JsonValueKind.Null || progress.GetDouble() is >= 0 and <= 1,
            progress.ToString());
        Directory.Delete(directory, recursive: true);
    }

    private async Task ExecuteAsync(SqliteConnection sqlite, string sql)
    {
        await using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync(_ct) > 0, $"no row changed by {sql}");
    }
}
