using System.IO.Compression;
using System.Xml;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Checks a workbook's sheets and shared strings before MiniExcel reads them, streaming, in bounded memory: MiniExcel
/// materialises each cell's text, so one 300 MB cell (a 300 KB file: text compresses well) once took 3.6 GB. No cell
/// may hold more than Excel itself allows (32,767 characters) and no row more than Excel's 16,384 columns.
/// </summary>
internal static class XlsxGuard
{
    public const int MaxCellChars = 32_767;
    public const int MaxRowCells = 16_384;

    public static void Check(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var buf = new char[8192];
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                bool strings = name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                if (!strings && !(name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
                    continue;
                using var s = entry.Open();
                using var xr = XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                long text = 0; // characters of the current cell (a shared string is the sum of its runs)
                int cells = 0, row = 0;
                while (xr.Read())
                {
                    if (xr.NodeType == XmlNodeType.Element)
                    {
                        switch (xr.LocalName)
                        {
                            case "row": cells = 0; row++; break;
                            case "c":
                                text = 0;
                                if (++cells > MaxRowCells)
                                    throw new EntryFileException($"{path}: sheet {Part(name)}, row {row}: more than {MaxRowCells:N0} cells (the most an Excel row holds)");
                                break;
                            case "si": text = 0; break;
                        }
                    }
                    else if (xr.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                    {
                        int n;
                        while ((n = xr.ReadValueChunk(buf, 0, buf.Length)) > 0)
                        {
                            text += n;
                            if (text > MaxCellChars)
                                throw new EntryFileException(strings
                                    ? $"{path}: a text cell holds more than {MaxCellChars:N0} characters (the most an Excel cell holds); not an entry workbook, or a damaged one"
                                    : $"{path}: sheet {Part(name)}, row {row}: a cell holds more than {MaxCellChars:N0} characters (the most an Excel cell holds)");
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException && e is not EntryFileException)
        {
            throw new EntryFileException($"{path}: not a readable .xlsx workbook ({e.Message})");
        }
    }

    private static string Part(string name) => Path.GetFileNameWithoutExtension(name);
}
