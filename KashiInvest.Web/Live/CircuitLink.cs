using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KashiInvest.Web.Live;

/// <summary>
/// Tells the circuit's live pages when the browser's connection came back after a drop (<see cref="Restored"/>),
/// so that they re-read their state instead of trusting what they held during the gap.
/// </summary>
public sealed class CircuitLink : CircuitHandler
{
    private bool _wasDown;

    public event Action? Restored;

    public bool IsConnected { get; private set; } = true;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsConnected = false;
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsConnected = true;
        if (_wasDown)
        {
            _wasDown = false;
            Restored?.Invoke();
        }
        return Task.CompletedTask;
    }
}
