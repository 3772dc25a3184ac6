using Microsoft.AspNetCore.Mvc;
using Sightline.Formats.Csv;

namespace Sightline.Web.Pages;

/// <summary>A CSV file for the browser to save: UTF-8 with a byte order mark, so that Excel reads it as UTF-8. The
/// text is written with <see cref="CsvWriter.Line"/>, which neutralises formulas.</summary>
public static class CsvDownload
{
    public static FileContentResult Of(string csv, string fileName) =>
        new([.. CsvWriter.Utf8WithBom.GetPreamble(), .. CsvWriter.Utf8WithBom.GetBytes(csv)], "text/csv; charset=utf-8") { FileDownloadName = fileName };
}
