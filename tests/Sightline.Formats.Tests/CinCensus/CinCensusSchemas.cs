using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Sightline.Formats.Tests.CinCensus;

/// <summary>The DfE CIN census schemas in the shared folder beside the repository (../shared).</summary>
public static class CinCensusSchemas
{
    public static IEnumerable<object[]> Years() =>
        Enumerable.Range(Sightline.Formats.CinCensus.CinCensusWriter.FirstCensusYear, 10).Select(y => new object[] { y });

    /// <summary>The schema for a census year. Missing schemas fail the test: they are never a reason to skip it.</summary>
    public static string Path(int censusYear)
    {
        return Sightline.Testing.SharedData.Path("data", "cin-census", "xsd", $"CIN_schema_{censusYear}.xsd");
    }

    /// <summary>Validates a census file against the year's schema; returns every error and warning (an element the
    /// schema does not declare is only a warning, so warnings count too).</summary>
    public static List<string> Validate(Stream xml, int censusYear)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path(censusYear));
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
            problems.Add($"{e.Severity} at line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    /// <summary>The values a simple type of the year's schema enumerates (for example "assessmentfactorstype").</summary>
    public static HashSet<string> Enumeration(int censusYear, string simpleType)
    {
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var type = XDocument.Load(Path(censusYear)).Descendants(xs + "simpleType")
            .Single(t => (string?)t.Attribute("name") == simpleType);
        return type.Descendants(xs + "enumeration").Select(e => (string)e.Attribute("value")!).ToHashSet();
    }
}
