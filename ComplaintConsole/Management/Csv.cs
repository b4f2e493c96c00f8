using System.Text;

namespace ComplaintConsole.Management;

/// <summary>
/// CSV that Excel opens with Persian intact: UTF-8 with a byte order mark, CRLF rows, RFC 4180 quoting. Cells that a
/// spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.
/// </summary>
public static class Csv
{
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var builder = new StringBuilder();
        AppendRow(builder, header);
        foreach (var row in rows)
        {
            AppendRow(builder, row);
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(builder.ToString());
        return [.. preamble, .. body];
    }

    private static void AppendRow(StringBuilder builder, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            builder.Append(Escape(cell ?? ""));
        }

        builder.Append("\r\n");
    }

    private static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
