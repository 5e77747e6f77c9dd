using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel.ClauseLinks;

/// <summary>
/// The two steps every feature that stores clause links takes: check a named clause, follow the stored ones.
/// </summary>
public static class ClauseLinkSteps
{
    /// <summary>
    /// The link to store for <paramref name="named"/> (a clause of an agreement of the partnership), or the field
    /// error saying which part of <c>clause</c> named nothing.
    /// </summary>
    public static async Task<(FieldError? Error, string? Stored)> StoredLinkAsync(
        this IClauseLinks links, Guid partnershipId, ClauseLinkInput named)
    {
        var linked = await links.LinkAsync(partnershipId, named);
        return linked.Link is { } link
            ? (null, ClauseLinkState.Write(link))
            : (new FieldError(linked.Code == ErrorCodes.UnknownAgreement ? "clause.agreementId" : "clause.number",
                linked.Code!, linked.Detail ?? "", null), null);
    }

    /// <summary>
    /// Moves the links of <paramref name="records"/> to the agreements' current text; each record whose stored link
    /// changed is given it (<paramref name="set"/>) and saved (<paramref name="save"/>). When the agreements cannot
    /// be read, the records keep their links as last seen (the next read tries again) and the read goes on.
    /// </summary>
    public static async Task FollowAsync<T>(this IClauseLinks links, Guid partnershipId, IEnumerable<T> records,
        Func<T, string?> stored, Action<T, string?> set, Func<IReadOnlyList<T>, Task> save, ILogger log)
    {
        var linked = records.Where(r => stored(r) is not null).ToList();
        if (linked.Count == 0)
        {
            return;
        }
        IReadOnlyList<ClauseLinkState> moved;
        try
        {
            moved = await links.FollowAsync(partnershipId, [.. linked.Select(r => ClauseLinkState.Read(stored(r))!)]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogWarning(e, "Clause links of partnership {PartnershipId} could not be followed", partnershipId);
            return;
        }
        var changed = new List<T>();
        foreach (var (record, link) in linked.Zip(moved))
        {
            var now = ClauseLinkState.Write(link);
            if (now != stored(record))
            {
                set(record, now);
                changed.Add(record);
            }
        }
        if (changed.Count > 0)
        {
            await save(changed);
        }
    }
}
