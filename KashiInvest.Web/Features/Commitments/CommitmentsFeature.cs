namespace KashiInvest.Web.Features.Commitments;

/// <summary>Policy commitments (政策承诺): the board of every commitment the user may see.</summary>
public static class CommitmentsFeature
{
    public static IServiceCollection AddCommitmentsFeature(this IServiceCollection services)
    {
        services.AddSingleton<CommitmentBoardQuery>();
        services.AddSingleton<CommitmentCommands>();
        services.AddSingleton<CommitmentDetailQuery>();
        return services;
    }
}
