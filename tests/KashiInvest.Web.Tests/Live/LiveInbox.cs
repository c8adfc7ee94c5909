using KashiInvest.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace KashiInvest.Web.Tests.Live;

/// <summary>Everything one hub connection received, in order, with a way to wait for a particular event.</summary>
public sealed class LiveInbox
{
    private readonly object _lock = new();
    private readonly List<LiveEvent> _events = [];
    private readonly List<(Func<LiveEvent, bool> Match, TaskCompletionSource<LiveEvent> Done)> _waiters = [];

    public LiveInbox(HubConnection connection) => connection.On<LiveEvent>(nameof(ILiveClient.Changed), Add);

    public IReadOnlyList<LiveEvent> Events
    {
        get
        {
            lock (_lock) return [.. _events];
        }
    }

    public Task<LiveEvent> WaitForAsync(Func<LiveEvent, bool> match, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_events.FirstOrDefault(match) is { } seen) return Task.FromResult(seen);
            _waiters.Add((match, done));
        }
        return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
    }

    private void Add(LiveEvent e)
    {
        lock (_lock)
        {
            _events.Add(e);
            foreach (var waiter in _waiters.Where(w => w.Match(e)).ToList())
            {
                waiter.Done.TrySetResult(e);
                _waiters.Remove(waiter);
            }
        }
    }
}
