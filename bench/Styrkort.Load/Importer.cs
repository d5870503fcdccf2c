using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Styrkort.Load;

/// <summary>
/// The controller's side: posts the import through <c>POST /api/imports</c> with a Bearer token, one after another. The
/// server may answer at once with the batches (200) or accept a background job (202) to poll at <c>/api/jobs/{id}</c>.
/// </summary>
internal sealed class Importer(Uri server, string token, string file, Recorder recorder)
{
    private static readonly string[] Finished = ["succeeded", "success", "completed", "complete", "done", "finished", "ok"];
    private static readonly string[] Failed = ["failed", "failure", "error", "cancelled", "canceled", "refused", "rejected"];
    private static readonly TimeSpan JobLimit = TimeSpan.FromMinutes(15);

    public async Task RunAsync(Func<bool> mayStartAnother, int maxImports, CancellationToken cancel)
    {
        using var http = Session.Client(server, null, JobLimit);
        http.DefaultRequestHeaders.Authorization = Session.Bearer(token);
        for (var n = 0; n < maxImports && mayStartAnother() && !cancel.IsCancellationRequested; n++)
        {
            var start = Stopwatch.GetTimestamp();
            recorder.ImportStarted(start);
            var (status, outcome) = await ImportOnceAsync(http, cancel);
            recorder.ImportEnded(new ImportRun(start, Stopwatch.GetTimestamp(), status, outcome));
            if (status >= 400) return; // a refused import is refused again: report it rather than hammer the server
        }
    }

    private async Task<(int Status, string Outcome)> ImportOnceAsync(HttpClient http, CancellationToken cancel)
    {
        try
        {
            using var content = new MultipartFormDataContent();
            var stream = File.OpenRead(file);
            var part = new StreamContent(stream);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(part, "files", Path.GetFileName(file));
            using var response = await http.PostAsync("/api/imports", content, cancel);
            var body = await response.Content.ReadAsStringAsync(cancel);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted) return await PollAsync(http, response.Headers.Location, body, cancel);
            return (status, response.IsSuccessStatusCode ? "imported" : Shorten(body));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            return (0, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Follows a background import until the job says it finished or failed (whatever its words for that are).</summary>
    private static async Task<(int Status, string Outcome)> PollAsync(HttpClient http, Uri? location, string accepted, CancellationToken cancel)
    {
        var url = location?.ToString() ?? (JobId(accepted) is { } id ? $"/api/jobs/{Uri.EscapeDataString(id)}"
            : throw new InvalidOperationException("the import answered 202 without a Location header or a job id: " + Shorten(accepted)));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < JobLimit)
        {
            await Task.Delay(200, cancel);
            using var response = await http.GetAsync(url, cancel);
            var body = await response.Content.ReadAsStringAsync(cancel);
            if (!response.IsSuccessStatusCode) return ((int)response.StatusCode, "job poll: " + Shorten(body));
            var state = State(body);
            if (state is null) continue;
            if (Finished.Contains(state, StringComparer.OrdinalIgnoreCase)) return (202, "imported (job)");
            if (Failed.Contains(state, StringComparer.OrdinalIgnoreCase)) return (422, "job " + state + ": " + Shorten(body));
        }
        return (0, $"job not finished after {JobLimit.TotalMinutes:F0} min");
    }

    private static string? JobId(string json) => Property(json, "id", "jobId", "job");

    private static string? State(string json) => Property(json, "status", "state");

    private static string? Property(string json, params string[] names)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var p in doc.RootElement.EnumerateObject())
                if (names.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                    return p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
