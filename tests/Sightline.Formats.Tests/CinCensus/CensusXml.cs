using System.Text;
using Sightline.Formats.CinCensus;

namespace Sightline.Formats.Tests.CinCensus;

/// <summary>Hand-made census files: a header for council 201 and children written out element by element, so that a
/// test shows exactly what the file holds.</summary>
public static class CensusXml
{
    /// <summary>A census file with the given children, for the census whose reference date is 31 March of <paramref name="year"/>.</summary>
    public static string File(int year, params string[] children) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Message>
          <Header>
            <CollectionDetails>
              <Collection>CIN</Collection>
              <Year>{year}</Year>
              <ReferenceDate>{year}-03-31</ReferenceDate>
            </CollectionDetails>
            <Source>
              <SourceLevel>L</SourceLevel>
              <LEA>201</LEA>
            </Source>
          </Header>
          <Children>
        {string.Join("\n", children)}
          </Children>
        </Message>
        """;

    /// <summary>A child with the given identifier and episodes; the identifiers and characteristics default to a
    /// valid boy of white British ethnicity with no disability.</summary>
    public static string Child(string id, params string[] episodes) =>
        ChildWith($"<LAchildID>{id}</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>M</Sex>",
            "<Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities>", episodes);

    /// <summary>A child with its identifiers and characteristics written out in full.</summary>
    public static string ChildWith(string identifiers, string characteristics, params string[] episodes) => $"""
            <Child>
              <ChildIdentifiers>{identifiers}</ChildIdentifiers>
              <ChildCharacteristics>{characteristics}</ChildCharacteristics>
              {string.Join("\n      ", episodes)}
            </Child>
        """;

    /// <summary>A CIN episode referred on <paramref name="referral"/> by a family member, not NFA, holding <paramref name="body"/>.</summary>
    public static string Episode(string referral, string body = "") =>
        $"<CINdetails><CINreferralDate>{referral}</CINreferralDate><ReferralSource>1A</ReferralSource>{body}<ReferralNFA>0</ReferralNFA></CINdetails>";

    /// <summary>One of the shared sample census files (../shared/data/cin-census/samples); missing, the test fails.</summary>
    public static string Sample(string name) => Sightline.Testing.SharedData.Path("data", "cin-census", "samples", name);

    /// <summary>Reads a census held in a string.</summary>
    public static (CinCensusReader Reader, List<CinCensusChild> Children) Read(string xml, string name = "census.xml")
    {
        var reader = CinCensusReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(xml)), name);
        return (reader, reader.Children().ToList());
    }
}
