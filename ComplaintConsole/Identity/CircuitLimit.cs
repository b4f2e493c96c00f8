using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Identity;

public sealed class CircuitLimitOptions
{
    public const string Section = "Circuits";

    /// <summary>Live (connected) circuits one user may hold at once: browser tabs or windows with the console open.</summary>
    [Range(1, 50)]
    public int MaxPerUser { get; set; } = 3;
}

/// <summary>Connected circuits per user, across the node. Thread-safe; the rule is plain C# and tested without a host.</summary>
public sealed class CircuitRegistry(IOptions<CircuitLimitOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _byUser = new(StringComparer.Ordinal);

    public int Max => options.Value.MaxPerUser;

    /// <summary>Admits the circuit unless the user already holds the maximum.</summary>
    public bool TryEnter(string user, string circuitId)
    {
        lock (_gate)
        {
            if (!_byUser.TryGetValue(user, out var circuits))
            {
                _byUser[user] = circuits = [];
            }

            if (circuits.Contains(circuitId))
            {
                return true;
            }

            if (circuits.Count >= Max)
            {
                return false;
            }

            circuits.Add(circuitId);
            return true;
        }
    }

    public void Leave(string user, string circuitId)
    {
        lock (_gate)
        {
            if (_byUser.TryGetValue(user, out var circuits) && circuits.Remove(circuitId) && circuits.Count == 0)
            {
                _byUser.Remove(user);
            }
        }
    }

    public int CountOf(string user)
    {
        lock (_gate)
        {
            return _byUser.TryGetValue(user, out var circuits) ? circuits.Count : 0;
        }
    }
}

/// <summary>
/// Scoped per circuit: admits the circuit when it connects, releases it when the connection drops (a reloaded tab
/// frees its slot at once) or the circuit closes. A refused circuit renders <see cref="CircuitGate"/>'s message
/// instead of the page, so a user cannot hold more live consoles than allowed.
/// </summary>
public sealed class CircuitLimitHandler(CircuitRegistry registry, AuthenticationStateProvider authentication) : CircuitHandler
{
    private string? _user;

    public bool Refused { get; private set; }

    public event Action? RefusedChanged;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var user = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user is null)
        {
            return;
        }

        _user = user;
        var refused = !registry.TryEnter(user, circuit.Id);
        if (refused != Refused)
        {
            Refused = refused;
            RefusedChanged?.Invoke();
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release(circuit);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release(circuit);
        return Task.CompletedTask;
    }

    private void Release(Circuit circuit)
    {
        if (_user is not null && !Refused)
        {
            registry.Leave(_user, circuit.Id);
        }
    }
}
