namespace Tariffscope.Data.Trade;

/// <summary>Trade data that cannot be read or stored: the message names the file or URL, the row and the field.</summary>
public sealed class TradeDataException(string message, Exception? inner = null) : IOException(message, inner);
