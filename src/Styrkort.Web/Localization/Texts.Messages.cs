namespace Styrkort.Web.Localization;

/// <summary>
/// The server's messages to a user — refusals, errors, what a job did — in Swedish and English. The English is what
/// the API has always answered (scripts read it), so an English text changes only with the API contract.
/// </summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, string> SvMessages = new()
    {
        ["unknown_goal"] = "Målet '{0}' finns inte.", ["unknown_unit"] = "Enheten '{0}' finns inte.",
        ["not_a_period"] = "'{0}' är ingen period.", ["not_a_quarter"] = "'{0}' är inget kvartal; ange till exempel 2026-Q2.",
        ["report_format_bad"] = "'{0}' är inget rapportformat; välj pdf, xlsx eller html.",
        ["no_data_yet"] = "Inga data har importerats ännu.",
        ["goalfile_busy"] = "För många ändringar väntar på att sparas; försök igen om en stund.",
        ["goalfile_stale"] = "Version {0} sparades av {1} {2} UTC, efter versionen du utgick från ({3}). Inget sparades – öppna målfilen igen och gör ändringen i den senaste versionen.",
        ["error_form_expired"] = "Formuläret har gått ut eller kom inte från den här webbplatsen. Ladda om sidan och försök igen.",
        ["error_request_unreadable"] = "Begäran kunde inte läsas: {0}",
        ["error_form_large"] = "Formuläret är större än sidan tar emot: {0}",
        ["error_form_unreadable"] = "Formuläret kunde inte läsas: {0}",
        ["error_json"] = "Innehållet är inte giltig JSON.", ["error_cancelled"] = "Begäran avbröts.",
        ["error_server"] = "Något gick fel på servern. Felet har loggats.",
        ["job_cancelled"] = "Importen avbröts; ingenting ändrades.", ["job_finished"] = "Jobbet är redan klart.",
        ["sort_bad"] = "'{0}' är ingen kolumn att sortera efter; välj unit, value eller status.",
        ["sort_dir_bad"] = "'{0}' är ingen ordning; välj asc eller desc.",
    };

    private static readonly Dictionary<string, string> EnMessages = new()
    {
        ["unknown_goal"] = "unknown goal '{0}'", ["unknown_unit"] = "unknown unit '{0}'",
        ["not_a_period"] = "'{0}' is not a period", ["not_a_quarter"] = "'{0}' is not a quarter; expected e.g. 2026-Q2",
        ["report_format_bad"] = "unknown report format '{0}'; expected pdf, xlsx or html",
        ["no_data_yet"] = "no data has been imported yet",
        ["goalfile_busy"] = "too many changes are waiting; try again in a while",
        ["goalfile_stale"] = "version {0} was saved by {1} at {2} UTC after the version you started from ({3}); nothing was saved — open the goal file again and make your change to the latest version",
        ["error_form_expired"] = "the form has expired or did not come from this site; reload the page and try again",
        ["error_request_unreadable"] = "the request could not be read: {0}",
        ["error_form_large"] = "the form is larger than this page accepts: {0}",
        ["error_form_unreadable"] = "the form could not be read: {0}",
        ["error_json"] = "the body is not valid JSON", ["error_cancelled"] = "the request was cancelled",
        ["error_server"] = "something went wrong on the server; the error has been logged",
        ["job_cancelled"] = "the import was cancelled, nothing was changed", ["job_finished"] = "the job has finished",
        ["sort_bad"] = "'{0}' is not a column to sort by; expected unit, value or status",
        ["sort_dir_bad"] = "'{0}' is not an order; expected asc or desc",
    };
}
