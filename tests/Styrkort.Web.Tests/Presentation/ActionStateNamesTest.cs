using Styrkort.Core.Presentation;
using Styrkort.Reports;
using Styrkort.Web.Localization;
using Language = Styrkort.Core.Presentation.Language;

namespace Styrkort.Web.Tests.Presentation;

/// <summary>A check-in action's state reads the same on the web pages and in the board report, in both languages.</summary>
public sealed class ActionStateNamesTest
{
    public static TheoryData<string, ActionState> States => new()
    {
        { Web.AppStore.ActionStates.Open, ActionState.Open },
        { Web.AppStore.ActionStates.InProgress, ActionState.InProgress },
        { Web.AppStore.ActionStates.Done, ActionState.Done },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void State_ReadsTheSame_OnThePageAndInTheReport(string key, ActionState state)
    {
        Assert.Equal(state, Reports.ActionStates.Parse(key));
        Assert.Equal(key, Reports.ActionStates.Key(state));
        foreach (var language in new[] { Language.Sv, Language.En })
            Assert.Equal(new Texts(language)[key], ReportText.For(language).ActionState(state));
    }

    [Fact]
    public void States_HaveOneSetOfNames()
    {
        Assert.Equal(["Ej påbörjad", "Pågår", "Klar"], ActionStateNames.Keys.Select(k => new Texts(Language.Sv)[k]));
        Assert.Equal(["Not started", "In progress", "Done"], ActionStateNames.Keys.Select(k => new Texts(Language.En)[k]));
        Assert.Equal(Web.AppStore.ActionStates.All, ActionStateNames.Keys);
    }
}
