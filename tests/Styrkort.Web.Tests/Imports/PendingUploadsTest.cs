using System.Text;
using Styrkort.Core.GoalFiles;
using Styrkort.Web.Hosting;
using Styrkort.Web.Imports;

namespace Styrkort.Web.Tests.Imports;

/// <summary>Uploads waiting for their preview: on disk per user, found only by their owner, expired by age, limited in number.</summary>
public sealed class PendingUploadsTest : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("styrkort-pending-").FullName;
    private readonly ManualClock _clock = new();
    private readonly PendingUploads _uploads;
    private static readonly Dataset Loans = new("loans", "loans.csv", [], [], null, null, null, default);

    public PendingUploadsTest() =>
        _uploads = new PendingUploads(new WebOptions(_data, Path.Combine(_data, "goals.yaml")), new WebLimits { PendingUploadMinutes = 60, MaxPendingUploadsPerUser = 2 }, _clock);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void Keep_DetectsTheFormat_AndOnlyTheOwnerFindsIt()
    {
        var upload = Keep("controller", "a;b\n1,5;2\n", Encoding.UTF8);

        Assert.Matches("^[0-9a-f]{32}$", upload.Token);
        Assert.Equal("utf8;semicolon", upload.Files[0].Format);
        Assert.NotNull(_uploads.Find(upload.Token, "controller"));
        Assert.Null(_uploads.Find(upload.Token, "someone_else"));
        Assert.Null(_uploads.Find("../../etc", "controller"));
    }

    [Fact]
    public void Find_AfterTheAgeLimit_IsNothing()
    {
        var upload = Keep("controller", "a,b\n", Encoding.UTF8);
        _clock.Now += TimeSpan.FromMinutes(61);
        Assert.Null(_uploads.Find(upload.Token, "controller"));
    }

    [Fact]
    public void Keep_PastTheLimitPerUser_RemovesTheOldest()
    {
        for (var i = 0; i < 4; i++)
        {
            Keep("controller", "a,b\n", Encoding.UTF8);
            Thread.Sleep(20); // folders' creation times apart
        }
        Keep("viewer_not_counted", "a,b\n", Encoding.UTF8);
        var folders = Directory.GetDirectories(Path.Combine(_data, "uploads")).Select(d => Directory.GetDirectories(d).Length).OrderBy(n => n).ToList();
        Assert.Equal([1, 2], folders);
    }

    private PendingUpload Keep(string owner, string text, Encoding encoding) =>
        _uploads.Keep([(new UploadedFile("loans.csv", new MemoryStream(encoding.GetBytes(text))), Loans)], owner);

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
