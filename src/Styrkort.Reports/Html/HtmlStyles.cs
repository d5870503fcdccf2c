namespace Styrkort.Reports.Html;

/// <summary>The page's styles, every rule under <c>.board-report</c> so the report can sit inside another page.</summary>
internal static class HtmlStyles
{
    public const string Css = """

        .board-report { font-family: "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #212121; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; line-height: 1.4; }
        .board-report h1, .board-report h2, .board-report h3 { color: #1F4E79; }
        .board-report h2 { border-bottom: 2px solid #1F4E79; padding-bottom: .2rem; margin-top: 2.5rem; }
        .board-report .cover { background: #1F4E79; color: #fff; padding: 1.5rem 2rem; border-radius: 4px; }
        .board-report .cover h1 { color: #fff; margin: .2rem 0; font-size: 2.2rem; }
        .board-report .cover .org { font-weight: bold; font-size: 1.3rem; margin: 0; }
        .board-report .cover dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1.5rem; }
        .board-report .cover dt { opacity: .8; }
        .board-report .cover dd { margin: 0; font-weight: bold; }
        .board-report table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
        .board-report th { background: #E8EEF4; color: #555; text-align: left; padding: .3rem .4rem; font-size: .8rem; }
        .board-report td { border-bottom: 1px solid #ddd; padding: .3rem .4rem; vertical-align: top; }
        .board-report tbody tr:nth-child(even) { background: #f7f7f7; }
        .board-report tr.total td { font-weight: bold; }
        .board-report table.results { table-layout: fixed; }
        .board-report table.results th:first-child { width: 34%; }
        .board-report .num { text-align: right; white-space: nowrap; }
        .board-report th.num { white-space: normal; }
        .board-report small, .board-report .muted { color: #6B6B6B; }
        .board-report .dot { display: inline-block; width: .65em; height: .65em; border-radius: 50%; margin-right: .4em; }
        .board-report .figures { display: flex; gap: .5rem; flex-wrap: wrap; }
        .board-report .figures div { background: #F2F5F9; padding: .5rem .75rem; flex: 1 1 8rem; }
        .board-report .figures .label { display: block; font-size: .75rem; color: #6B6B6B; }
        .board-report .figures .value { display: block; font-size: 1.25rem; font-weight: bold; white-space: nowrap; }
        .board-report img.chart { width: 100%; height: auto; }
        .board-report .legend { font-size: .8rem; margin: 0 0 1rem 2.5rem; }
        .board-report .swatch { display: inline-block; width: 1.2em; margin: 0 .3em 0 .8em; vertical-align: middle; border-top: 2px solid var(--c); }
        .board-report .swatch.dashed { border-top-style: dashed; }
        .board-report .swatch.dotted { border-top-style: dotted; }
        .board-report .swatch.band { border: 0; height: .7em; background: color-mix(in srgb, var(--c) 20%, transparent); }
        .board-report .swatch.dot { border: 0; width: .65em; height: .65em; border-radius: 50%; background: var(--c); }
        .board-report pre { background: #f3f3f3; padding: .5rem; font-size: .8rem; white-space: pre-wrap; }
        .board-report a { color: inherit; }
        @media print { .board-report section.goal, .board-report #appendix { break-before: page; } }

        """;
}
