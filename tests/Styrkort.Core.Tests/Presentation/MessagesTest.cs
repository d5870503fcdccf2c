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
    public void AMessageOutsideTheCatalogue_StaysAsWritten()
    {
        var error = new StyrkortException(new SourceLocation("f", 1, 1), "something in English");
        Assert.Equal("something in English", error.ReasonIn(Language.Sv));
    }
}
