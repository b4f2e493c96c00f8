using ComplaintConsole.Desks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ComplaintConsole.Realtime;

/// <summary>What the hub sends: every case event with its sequence, and operators' presence.</summary>
public interface IComplaintsClient
{
    Task CaseEvent(CaseEventMessage message);

    Task PresenceChanged(PresenceMessage message);
}

/// <summary>
/// /hubs/complaints for wallboards and integrations. On connect a user joins the groups <see cref="CaseAccess"/>
/// allows: <c>desk:{id}</c> for each desk of an operator, <c>supervisors</c>, <c>managers</c>. The same events
/// reach circuits through <see cref="LiveFeed"/>; <see cref="LiveHubBridge"/> forwards them here.
/// </summary>
[Authorize(Roles = HubRoles)]
public sealed class ComplaintsHub(CaseAccessResolver resolver, DeskService desks) : Hub<IComplaintsClient>
{
    public const string Path = "/hubs/complaints";
    public const string HubRoles = $"{Domain.Roles.Operator},{Domain.Roles.Supervisor},{Domain.Roles.InspectionManager}";
    public const string SupervisorsGroup = "supervisors";
    public const string ManagersGroup = "managers";

    private const string AccessKey = "access";

    public static string DeskGroup(int deskId) => $"desk:{deskId}";

    public override async Task OnConnectedAsync()
    {
        var access = await resolver.ForAsync(Context.User!, Context.ConnectionAborted);
        Context.Items[AccessKey] = access;
        foreach (var group in GroupsOf(access))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Events after a sequence number that this user may read, oldest first, at most 500 per call.</summary>
    public async Task<IReadOnlyList<CaseEventMessage>> GetEventsAfter(long sequence)
    {
        var events = await desks.EventsAfterAsync(Access, sequence, DeskService.MaxEventsPerRead, Context.ConnectionAborted);
        return events.Select(e => CaseEventMessage.From(e, previousSequence: null)).ToList();
    }

    /// <summary>The load of the desks this user may watch (supervisors: their desks; managers: all).</summary>
    public async Task<IReadOnlyList<DeskLoadMessage>> GetDeskLoad()
    {
        var loads = await desks.LoadAsync(Access, Context.ConnectionAborted);
        return loads.Select(DeskLoadMessage.From).ToList();
    }

    public static IEnumerable<string> GroupsOf(CaseAccess access)
    {
        if (access.IsManager)
        {
            yield return ManagersGroup;
        }
        else if (access.IsSupervisor)
        {
            yield return SupervisorsGroup;
        }
        else if (access.IsOperator)
        {
            foreach (var desk in access.DeskIds)
            {
                yield return DeskGroup(desk);
            }
        }
    }

    private CaseAccess Access => Context.Items.TryGetValue(AccessKey, out var a) && a is CaseAccess access ? access : CaseAccess.Nobody;
}
