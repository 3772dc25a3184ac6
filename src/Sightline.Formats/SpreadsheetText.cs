namespace Sightline.Formats;

/// <summary>Text made safe for a spreadsheet (formula injection): every export meant to be opened in Excel or the
/// like goes through here.</summary>
public static class SpreadsheetText
{
    /// <summary>=, +, -, @, tab and carriage return start a formula (or a DDE payload) in spreadsheets.</summary>
    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with a leading apostrophe when it begins with a character that starts a formula, so that a
    /// spreadsheet shows it as text and never runs it.</summary>
    public static string? Neutralise(string? text) => text is { Length: > 0 } && IsFormulaStart(text[0]) ? "'" + text : text;
}
