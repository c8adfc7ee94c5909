using KashiInvest.Infrastructure.Live;

namespace KashiInvest.Infrastructure.Tests.Live;

public class InMemoryLiveBusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTime At = new(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc);

    private static ChangeNotice Notice(int projectId) => new(ChangeKinds.ProjectUpdated, projectId, 7, 3, 21, 1, At);

    [Fact]
    public async Task A_subscriber_that_falls_behind_loses_its_oldest_notices_and_is_told_of_the_gap()
    {
        var bus = new InMemoryLiveBus(subscriberCapacity: 4);
        var gaps = 0;
        using var cts = new CancellationTokenSource(Patience);
        await using var reader = bus.SubscribeAsync(() => Interlocked.Increment(ref gaps), cts.Token).GetAsyncEnumerator(cts.Token);
        var first = reader.MoveNextAsync(); // subscribes
        await bus.PublishAsync(Notice(1), CancellationToken.None);
        Assert.True(await first);
        Assert.Equal(0, Volatile.Read(ref gaps));

        // The subscriber does not read while ten more notices arrive: six of them cannot be kept.
        for (var i = 2; i <= 11; i++) await bus.PublishAsync(Notice(i), CancellationToken.None);

        Assert.Equal(6, Volatile.Read(ref gaps));
        var kept = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await reader.MoveNextAsync());
            kept.Add(reader.Current.ProjectId!.Value);
        }
        Assert.Equal([8, 9, 10, 11], kept);
    }

    [Fact]
    public async Task A_subscriber_that_keeps_up_hears_every_notice_in_order_and_of_no_gap()
    {
        var bus = new InMemoryLiveBus(subscriberCapacity: 4);
        var gaps = 0;
        using var cts = new CancellationTokenSource(Patience);
        await using var reader = bus.SubscribeAsync(() => Interlocked.Increment(ref gaps), cts.Token).GetAsyncEnumerator(cts.Token);
        var next = reader.MoveNextAsync();

        for (var i = 1; i <= 10; i++)
        {
            await bus.PublishAsync(Notice(i), CancellationToken.None);
            Assert.True(await next);
            Assert.Equal(i, reader.Current.ProjectId);
            if (i < 10) next = reader.MoveNextAsync();
        }

        Assert.Equal(0, gaps);
    }
}
