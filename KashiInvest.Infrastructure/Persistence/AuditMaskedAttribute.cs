namespace KashiInvest.Infrastructure.Persistence;

/// <summary>
/// Marks a property whose value must never reach the audit log (a webhook token, a signing secret). The audit row
/// still records that the property was set or changed, with the value replaced by <see cref="Mask"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditMaskedAttribute : Attribute
{
    public const string Mask = "***";

    /// <summary>The model annotation that masks a domain property the same way (the domain cannot carry this attribute).</summary>
    public const string Annotation = "Kashi:AuditMasked";
}
