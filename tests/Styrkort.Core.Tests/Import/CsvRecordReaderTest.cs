using Styrkort.Core.Diagnostics;
using Styrkort.Core.Presentation;
using Styrkort.Core.Warehouse.Csv;

namespace Styrkort.Core.Tests.Import;

using Language = Styrkort.Core.Presentation.Language;

/// <summary>A broken record is refused by a catalogue message: the same English as ever, and Swedish for a page.</summary>
public sealed class CsvRecordReaderTest
{
    [Theory]
    [InlineData("a,b\n1,\"x\"y\n", "csv.text_after_quote", 2, 2, "text after a closing quote; a quote inside a field is written twice (\"\")",
        "text efter ett avslutande citattecken; ett citattecken inuti ett fält skrivs dubbelt (\"\")")]
    [InlineData("a,b\n1,x\"y\n", "csv.quote_in_field", 2, 2, "a quote inside an unquoted field; quote the whole field and write the quote twice (\"\")",
        "ett citattecken inuti ett fält utan citattecken; sätt hela fältet inom citattecken och skriv citattecknet dubbelt (\"\")")]
    [InlineData("a,b\n1,\"x\n", "csv.unclosed_quote", 3, 2, "a quoted field is not closed before the end of the file",
        "ett fält inom citattecken avslutas aldrig före filens slut")]
    public void ABrokenRecord_IsRefusedByCode_InEitherLanguage(string text, string code, int line, int column, string english, string swedish)
    {
        var reader = new CsvRecordReader(new StringReader(text), ',', "f.csv");
        reader.Next();

        var error = Assert.Single(Assert.Throws<InputErrorsException>(() => reader.Next()).Errors);

        Assert.Equal(new SourceLocation("f.csv", line, column), error.Location);
        Assert.Equal(code, error.Said?.Code);
        Assert.Equal(english, error.Message);
        Assert.Equal(swedish, error.MessageIn(Language.Sv));
    }
}
