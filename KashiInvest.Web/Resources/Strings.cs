namespace KashiInvest.Web.Resources;

/// <summary>Marker type for the UI strings in <c>Strings.resx</c> (English) and <c>Strings.zh-CN.resx</c>.</summary>
public sealed class Strings;
