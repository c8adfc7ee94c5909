namespace KashiInvest.Web.Shared;

/// <summary>Text made fit for the Office documents and workbooks the app writes.</summary>
public static class XmlText
{
    /// <summary>
    /// The text without the characters XML cannot carry (control characters other than tab and line breaks, U+FFFE,
    /// U+FFFF, lone surrogates): typed or pasted into a title, a decision or a cell, they would make the document or workbook unwritable.
    /// </summary>
    public static string Safe(string value)
    {
        if (string.IsNullOrEmpty(value)) return value;
        var safe = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                safe.Append(c).Append(value[++i]);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(c))
            {
                safe.Append(c);
            }
        }
        return safe.Length == value.Length ? value : safe.ToString();
    }
}
