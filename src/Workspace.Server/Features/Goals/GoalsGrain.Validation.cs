using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Goals;

/// <summary>What a goal's and a KPI's fields may say; every id names something of this partnership.</summary>
public sealed partial class GoalsGrain
{
    private async Task<FieldError?> ValidateAsync(GoalInput input)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > GoalLimits.TitleMax)
        {
            return Problems.Length("title", title, GoalLimits.TitleMax,
                $"A goal needs a title of 1 to {GoalLimits.TitleMax} characters.");
        }
        var descriptionTooLong = (input.Description?.Length ?? 0) > GoalLimits.TextMax;
        if (descriptionTooLong || (input.SuccessCriteria?.Length ?? 0) > GoalLimits.TextMax)
        {
            return new FieldError(descriptionTooLong ? "description" : "successCriteria", ErrorCodes.TooLong,
                $"Description and success criteria are limited to {GoalLimits.TextMax} characters each.",
                Problems.Args(("max", GoalLimits.TextMax)));
        }
        if (!Enum.IsDefined(input.Status))
        {
            return new FieldError("status", ErrorCodes.UnknownOption, "Unknown goal status.", null);
        }
        if (input.TargetDate is { } date && !Bounds.IsSensible(date))
        {
            return new FieldError(
                "targetDate", ErrorCodes.DateOutOfRange, Bounds.DateMessage("The target date"), Bounds.DateArgs());
        }
        return await ValidatePartyAsync(input.OwnerPartyId);
    }

    private async Task<FieldError?> ValidateAsync(KpiInput input)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > GoalLimits.KpiNameMax)
        {
            return Problems.Length("name", name, GoalLimits.KpiNameMax,
                $"A KPI needs a name of 1 to {GoalLimits.KpiNameMax} characters.");
        }
        if ((input.Unit?.Length ?? 0) > GoalLimits.UnitMax)
        {
            return new FieldError("unit", ErrorCodes.TooLong,
                $"The unit is limited to {GoalLimits.UnitMax} characters.",
                Problems.Args(("max", GoalLimits.UnitMax)));
        }
        if (!Bounds.IsSensible(input.Target))
        {
            var (code, args) = Bounds.NumberRefusal(input.Target);
            return new FieldError("target", code, Bounds.NumberMessage("The target"), args);
        }
        if (input.Baseline is { } b && !Bounds.IsSensible(b))
        {
            var (code, args) = Bounds.NumberRefusal(b);
            return new FieldError("baseline", code, Bounds.NumberMessage("The baseline"), args);
        }
        if (!Enum.IsDefined(input.Direction))
        {
            return new FieldError("direction", ErrorCodes.UnknownOption,
                "Direction is HigherIsBetter or LowerIsBetter.", null);
        }
        if (input.GoalId is { } goalId && !_goals.ContainsKey(goalId))
        {
            return new FieldError("goalId", ErrorCodes.UnknownGoal, "The linked goal does not exist.", null);
        }
        var end = input.TargetDate ?? (input.GoalId is { } g ? _goals[g].TargetDate : null);
        if (KpiStatus.CheckPlan(input.StartDate, end, input.Milestones) is { } unplannable)
        {
            return unplannable;
        }
        return await ValidatePartyAsync(input.OwnerPartyId);
    }

    private async Task<FieldError?> ValidatePartyAsync(Guid partyId)
    {
        var partnership = await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync();
        return partnership?.Parties.Any(p => p.Id == partyId) == true
            ? null
            : new FieldError("ownerPartyId", ErrorCodes.UnknownParty,
                "The owner must be one of the partnership's organisations.", null);
    }
}
