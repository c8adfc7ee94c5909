namespace KashiInvest.Domain.Common;

/// <summary>
/// An amount of money in 万元 (10,000 CNY), the unit officials count in. The policy documents state thresholds in
/// 亿元 (100 million CNY): 1亿 = 10,000万.
/// </summary>
public readonly record struct Money(decimal Wan) : IComparable<Money>
{
    public const decimal WanPerYi = 10_000m;

    public static Money Zero => new(0m);

    public static Money FromWan(decimal wan) => new(wan);

    public static Money FromYi(decimal yi) => new(yi * WanPerYi);

    public decimal Yi => Wan / WanPerYi;

    /// <summary>Whether officials would read this amount in 亿元 rather than 万元.</summary>
    public bool IsYiScale => Math.Abs(Wan) >= WanPerYi;

    public bool IsNegative => Wan < 0m;

    public int CompareTo(Money other) => Wan.CompareTo(other.Wan);

    public static Money operator +(Money a, Money b) => new(a.Wan + b.Wan);
    public static Money operator -(Money a, Money b) => new(a.Wan - b.Wan);
    public static bool operator >(Money a, Money b) => a.Wan > b.Wan;
    public static bool operator <(Money a, Money b) => a.Wan < b.Wan;
    public static bool operator >=(Money a, Money b) => a.Wan >= b.Wan;
    public static bool operator <=(Money a, Money b) => a.Wan <= b.Wan;

    public override string ToString() => $"{Wan:0.####}万";
}
