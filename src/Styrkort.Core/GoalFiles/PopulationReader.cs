using YamlDotNet.RepresentationModel;

namespace Styrkort.Core.GoalFiles;

internal static class PopulationReader
{
    public static Population Read(YamlSource y, string name, YamlNode keyNode, YamlNode node)
    {
        var what = $"population '{name}'";
        var map = y.Map(node, what, "entity", "members", "columns", "region", "where", "description");
        var members = new List<PopulationSource>();
        if (YamlSource.Get(map, "members") is { } list)
            foreach (var item in y.List(list, "member datasets"))
            {
                var m = y.Map(item, $"a member source of {what}", "from", "time");
                members.Add(new PopulationSource(y.Str(y.Required(m, "from", "a member source")), y.Str(y.Required(m, "time", "a member source")), y.Loc(item)));
            }
        var region = y.OptStr(map, "region");
        if (members.Count > 0 == region is not null)
            throw y.Error(map, $"{what} needs exactly one of 'members' (entities met in datasets within a window) or 'region' (entities of the unit's regions)");
        var columns = YamlSource.Get(map, "columns") is { } c ? y.List(c, "member columns").Select(y.Str).ToList() : [];
        return new Population(name, y.Str(y.Required(map, "entity", what)), members, columns, region,
            YamlSource.Get(map, "where") is { } w ? y.Formula(w) : null, y.OptStr(map, "description"), y.Loc(keyNode));
    }
}
