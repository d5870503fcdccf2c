using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Accounts.Ratios;

/// <summary>A metric of the ratio library, as shown: its name (the JSON key), label and unit (percent, SEK, days, times).</summary>
public sealed record RatioDefinition(string Name, LocalizedText Label, string? Unit);

/// <summary>Medians of similar companies for one fiscal year: the industry row that matched (SNI prefix, size class).</summary>
public sealed record IndustryFigures(string Sni, string SizeClass, IReadOnlyDictionary<string, double> Medians);

/// <summary>One fiscal year and the value of every ratio in it; null where there is no value.</summary>
public sealed record RatioYear(int Index, DateOnly Start, DateOnly End, IReadOnlyDictionary<string, Quantity?> Values, IndustryFigures? Industry);

/// <summary>A company's ratios, year by year, newest first.</summary>
public sealed record RatioReport(string Company, string? OrgNr, IReadOnlyList<RatioDefinition> Ratios, IReadOnlyList<RatioYear> Years);

/// <summary>An industry table to compare with, the company's SNI code, and optionally its size class (else by net revenue).</summary>
public sealed record IndustryRequest(string TablePath, string Sni, string? SizeClass = null);

/// <summary>The value of every ratio in one period (a month, a quarter, a year); null where there is no value.</summary>
public sealed record RatioPeriod(string Period, DateOnly Start, DateOnly End, IReadOnlyDictionary<string, Quantity?> Values);

/// <summary>A company's ratios for the periods asked, in the order asked.</summary>
public sealed record RatioPeriodReport(string Company, string? OrgNr, IReadOnlyList<RatioDefinition> Ratios, IReadOnlyList<RatioPeriod> Periods);
