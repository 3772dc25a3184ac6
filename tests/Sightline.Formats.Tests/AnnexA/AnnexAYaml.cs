using YamlDotNet.RepresentationModel;
using Sightline.Testing;

namespace Sightline.Formats.Tests.AnnexA;

/// <summary>The community Annex A schema (<c>../shared/data/annex-a/Annex_A_schema.yml</c>), read as written: every
/// scalar as its text, anchors followed, merge keys (<c>&lt;&lt;</c>) applied.</summary>
public static class AnnexAYaml
{
    public sealed record Category(string Code, IReadOnlyList<string> Names, IReadOnlyList<string> CellPatterns);

    public sealed record Column(string Header, string Kind, bool? CanBeBlank, IReadOnlyList<string> HeaderPatterns, IReadOnlyList<Category> Categories);

    /// <summary>Each list ("list_1" … "list_11") with its columns in the YAML's order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Column>> Lists { get; } = Load();

    private static Dictionary<string, IReadOnlyList<Column>> Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(SharedData.Path("data", "annex-a", "Annex_A_schema.yml")))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var lists = new Dictionary<string, IReadOnlyList<Column>>();
        foreach (var (name, node) in Entries((YamlMappingNode)root["column_map"]))
        {
            lists[name] = Entries((YamlMappingNode)node).Select(c => ToColumn(c.Key, Merged((YamlMappingNode)c.Value))).ToList();
        }

        return lists;
    }

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping) =>
        mapping.Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value));

    /// <summary>A mapping with its <c>&lt;&lt;</c> merge applied: the merged mapping's entries, then the mapping's own.</summary>
    private static Dictionary<string, YamlNode> Merged(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, YamlNode>();
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merged))
        {
            foreach (var (key, value) in Merged((YamlMappingNode)merged))
            {
                result[key] = value;
            }
        }

        foreach (var (key, value) in Entries(mapping).Where(e => e.Key != "<<"))
        {
            result[key] = value;
        }

        return result;
    }

    private static Column ToColumn(string header, Dictionary<string, YamlNode> spec)
    {
        var kind = new[] { "string", "date", "numeric", "category" }.Single(spec.ContainsKey);
        bool? blank = spec.TryGetValue("canbeblank", out var b) && b is YamlScalarNode { Value: { } text } ? text == "true" : null;
        var patterns = spec.TryGetValue("header_regex", out var h) ? ((YamlSequenceNode)h).Select(Text).ToList() : [];
        var categories = kind == "category"
            ? ((YamlSequenceNode)spec["category"]).Cast<YamlMappingNode>().Select(ToCategory).ToList()
            : [];
        return new Column(header, kind, blank, patterns, categories);
    }

    private static Category ToCategory(YamlMappingNode node)
    {
        var code = Text(node["code"]);
        var names = node.Children.TryGetValue(new YamlScalarNode("name"), out var n)
            ? n is YamlSequenceNode sequence ? sequence.Select(Text).ToList() : [Text(n)]
            : [];
        var cells = node.Children.TryGetValue(new YamlScalarNode("cell_regex"), out var c) ? ((YamlSequenceNode)c).Select(Text).ToList() : [];
        return new Category(code, names, cells);
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    /// <summary>A YAML header or cell pattern ("/…/i") as a .NET regular expression; the YAML's one slip, an alias
    /// written after a pattern ("/.*date of.*referral.*/i *date-not-blank"), is dropped.</summary>
    public static System.Text.RegularExpressions.Regex Pattern(string yaml)
    {
        var body = yaml.Trim();
        body = body[1..body.LastIndexOf('/')];
        return new System.Text.RegularExpressions.Regex(body, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }
}
