namespace Styrkort.Web.Hosting;

/// <summary>
/// The sizes the web application accepts, bound from configuration <c>Styrkort:Limits</c> (e.g.
/// <c>Styrkort__Limits__MaxAnalysisChars=40000</c>). Anything over a limit is refused with a 4xx and a message before
/// it changes anything. The defaults fit the largest real inputs with room to spare; docs/limits.md lists them.
/// </summary>
public sealed record WebLimits
{
    private const long MiB = 1024 * 1024;

    /// <summary>Request body of an upload (the import page and <c>POST /api/imports</c>), all files together.</summary>
    public long MaxUploadRequestBytes { get; init; } = 64 * MiB;

    /// <summary>One uploaded file.</summary>
    public long MaxFileBytes { get; init; } = 64 * MiB;

    /// <summary>Files in one upload (a goal file has a handful of datasets).</summary>
    public int MaxFilesPerUpload { get; init; } = 20;

    /// <summary>Request body of the goal-file page: the text URL-encoded, where å takes 6 bytes and a line break 6.</summary>
    public long MaxGoalFileRequestBytes { get; init; } = 8 * MiB;

    /// <summary>The goal file's text; a longer form field is refused before it is parsed.</summary>
    public int MaxGoalFileChars { get; init; } = (int)MiB;

    /// <summary>Request body of every other form or API call.</summary>
    public long MaxRequestBytes { get; init; } = 1 * MiB;

    /// <summary>A check-in's analysis (Markdown).</summary>
    public int MaxAnalysisChars { get; init; } = 20_000;

    /// <summary>Actions of one check-in.</summary>
    public int MaxActions { get; init; } = 50;

    /// <summary>An action's what or who.</summary>
    public int MaxActionFieldChars { get; init; } = 500;

    /// <summary>
    /// The years a <c>?period=</c> or <c>?year=</c> may name. The engine computes 1900–2199; the pages and the board
    /// report look back up to eight years (a yearly goal's history), so the web starts ten years later.
    /// </summary>
    public int MinYear { get; init; } = 1910;

    public int MaxYear { get; init; } = 2199;

    /// <summary>An .xlsx upload: the sum of its zip entries' unpacked sizes.</summary>
    public long MaxXlsxUnpackedBytes { get; init; } = 256 * MiB;

    /// <summary>An .xlsx entry's unpacked size over its packed size (entries under 1 MiB unpacked are not judged).</summary>
    public int MaxXlsxCompressionRatio { get; init; } = 200;

    /// <summary>Cells of the first worksheet.</summary>
    public long MaxXlsxCells { get; init; } = 20_000_000;

    /// <summary>Columns of the first worksheet.</summary>
    public int MaxXlsxColumns { get; init; } = 1_000;

    /// <summary>Distinct shared strings of a workbook, and their characters together.</summary>
    public int MaxXlsxSharedStrings { get; init; } = 2_000_000;

    public long MaxXlsxSharedStringChars { get; init; } = 32 * MiB;

    /// <summary>Rows of one download of the rows behind a goal's number (<c>/goals/{id}/rows</c>, CSV or Excel).</summary>
    public long MaxDownloadRows { get; init; } = 1_000_000;

    /// <summary>
    /// Downloads of rows behind a number running at once, for the whole site: each holds a reader connection, a thread
    /// and a temporary file for as long as it writes; one more is refused with 429 until one ends.
    /// </summary>
    public int MaxConcurrentRowDownloads { get; init; } = 4;

    /// <summary>
    /// Check-ins in one answer of <c>GET /api/checkins</c> (and the most <c>limit</c> may ask for): each may hold
    /// <see cref="MaxAnalysisChars"/> of text and <see cref="MaxActions"/> actions, so an unfiltered list of years of
    /// them is fetched a page at a time (<c>offset</c>; the total is in <c>X-Total-Count</c>).
    /// </summary>
    public int MaxCheckInsPerAnswer { get; init; } = 200;

    /// <summary>How long an uploaded file waits for its preview to be confirmed before it is removed.</summary>
    public int PendingUploadMinutes { get; init; } = 60;

    /// <summary>How many uploads one user may have waiting for confirmation; a new one removes the oldest past it.</summary>
    public int MaxPendingUploadsPerUser { get; init; } = 5;

    /// <summary>The rows of each file the import preview shows.</summary>
    public int PreviewRows { get; init; } = 10;

    /// <summary>The request body allowed for a path.</summary>
    public long RequestBytesFor(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/imports", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/imports", StringComparison.OrdinalIgnoreCase)
            ? MaxUploadRequestBytes
            : path.StartsWithSegments("/goalfile", StringComparison.OrdinalIgnoreCase) ? MaxGoalFileRequestBytes : MaxRequestBytes;

    public long LargestRequestBytes => Math.Max(MaxUploadRequestBytes, Math.Max(MaxGoalFileRequestBytes, MaxRequestBytes));
}
