using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Presentation;

namespace Styrkort.Core.Tests.Presentation;

using Language = Styrkort.Core.Presentation.Language;

public sealed class MessagesTest
{
    [Fact]
    public void EveryCode_RendersInBothLanguages_WithItsArguments()
    {
        foreach (var code in Messages.Codes)
        {
            var message = new Message(code, "A", "B", "C", "D");
            Assert.False(string.IsNullOrWhiteSpace(message.In(Language.Sv)), code);
            Assert.NotEqual(message.In(Language.Sv), message.In(Language.En));
            Assert.DoesNotMatch(@"\{\d+\}", message.In(Language.En));
            Assert.DoesNotMatch(@"\{\d+\}", message.In(Language.Sv));
        }
    }

    [Fact]
    public void AGoalFileError_IsEnglishForTheCli_AndSwedishOnRequest()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-messages-").FullName;
        var path = Path.Combine(folder, "goals.yaml");
        File.WriteAllText(path, "organisation: X\ncolour: green\n");
        var error = Assert.Throws<StyrkortException>(() => GoalFileReader.Read(path));
        Directory.Delete(folder, recursive: true);
        var unknown = error.Errors.First(e => e.Reason.StartsWith("unknown key 'colour'", StringComparison.Ordinal));
        Assert.StartsWith("unknown key 'colour' in the goal file; expected one of: ", unknown.Reason, StringComparison.Ordinal);
        Assert.StartsWith("okänd nyckel 'colour'; här går: ", unknown.ReasonIn(Language.Sv), StringComparison.Ordinal);
        Assert.Equal(unknown.Reason, unknown.ReasonIn(Language.En));
    }

    [Fact]
    public void ARefusedCell_SaysWhyAndWhatWasFound_InOneLanguage()
    {
        var error = new InputError(new SourceLocation("nps.csv", 2, 5, "score"), new Message("import.found", new Message("import.above_max", "10"), "11"));

        Assert.Equal("above the maximum 10, found '11'", error.Message);
        Assert.Equal("över maximum 10, hittade '11'", error.MessageIn(Language.Sv));
        Assert.Equal("nps.csv:2:5 (score): above the maximum 10, found '11'", error.ToString());
    }

    [Fact]
    public void AMessageOutsideTheCatalogue_StaysAsWritten()
    {
        var error = new StyrkortException(new SourceLocation("f", 1, 1), "something in English");
        Assert.Equal("something in English", error.ReasonIn(Language.Sv));
    }
}
