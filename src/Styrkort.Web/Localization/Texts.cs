using Microsoft.AspNetCore.Http;
using Language = Styrkort.Core.Presentation.Language;

namespace Styrkort.Web.Localization;

/// <summary>The UI's words in Swedish (the default) and English; the language is a cookie set by /lang.</summary>
public sealed partial class Texts(Language lang)
{
    public Language Lang { get; } = lang;
    public bool English => Lang.IsEnglish;

    public static Texts For(HttpContext http) => new(LanguageOf(http));

    /// <summary>The language the user chose on /lang (a cookie); Swedish without one.</summary>
    public static Language LanguageOf(HttpContext http) =>
        http.Request.Cookies.TryGetValue("lang", out var lang) ? Language.Parse(lang) : Language.Sv;

    /// <summary>A text by its key; a status's key (met, not_met…) or an action state's (open, in_progress, done) gives its name from the shared vocabulary.</summary>
    public string this[string key] =>
        (English ? En : Sv).TryGetValue(key, out var text) || (English ? EnMessages : SvMessages).TryGetValue(key, out text) ? text
        : Core.Presentation.Statuses.TryParse(key, out var status) ? Core.Presentation.Statuses.Name(status, Lang)
        : Core.Presentation.ActionStateNames.Name(key, Lang);

    /// <summary>A text with its arguments filled in: <c>t.Format("period_bad", input)</c>.</summary>
    public string Format(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    private static readonly Dictionary<string, string> Sv = new()
    {
        ["overview"] = "Översikt", ["targets"] = "Målnivåer", ["imports"] = "Importer", ["users"] = "Användare", ["tokens"] = "API-nycklar",
        ["signout"] = "Logga ut", ["signin"] = "Logga in", ["username"] = "Användarnamn", ["password"] = "Lösenord",
        ["quarter"] = "Kvartal", ["unit"] = "Enhet", ["area"] = "Målområde", ["all"] = "Alla", ["show"] = "Visa",
        ["goal"] = "Mål", ["value"] = "Värde", ["target"] = "Målnivå", ["comparison"] = "Jämförelse", ["status"] = "Status",
        ["band"] = "Nivå",
        ["board"] = "Styrelsen ser målet detta kvartal", ["definition"] = "Definition", ["formula"] = "Som det står i målfilen",
        ["history"] = "Utveckling per kvartal", ["history_week"] = "Utveckling per vecka", ["perunit"] = "Per enhet", ["checkins"] = "Analys och åtgärder",
        ["analysis"] = "Analys", ["actions"] = "Åtgärder", ["what"] = "Vad", ["who"] = "Vem", ["due"] = "Klart senast", ["state"] = "Läge",
        ["save"] = "Spara", ["write"] = "Skriv analys",
        ["serves"] = "Tjänar", ["servedby"] = "Tjänas av", ["goalowner"] = "Ägare", ["deadline"] = "Deadline", ["sources"] = "Underlag", ["rows"] = "rader", ["imported"] = "importerad", ["dataset"] = "Datamängd", ["file"] = "Fil",
        ["upload"] = "Importera", ["when"] = "När", ["by"] = "Av", ["command_line"] = "kommandoraden", ["level"] = "Nivå", ["year"] = "År", ["proposal"] = "Förslag",
        ["decision"] = "Beslut", ["withdrawal"] = "Återtaget förslag", ["withdraw"] = "Dra tillbaka",
        ["target_history"] = "Beslut och förslag – vem registrerade vad och när", ["decidedon"] = "Beslutsdatum", ["decidedby"] = "Beslutande organ", ["minute"] = "Protokoll",
        ["owner_levels"] = "Nivåer som ägaren beslutar (Ä) – ur målfilen", ["board_levels"] = "Nivåer som styrelsen beslutar (S)",
        ["record"] = "Registrera", ["nodata"] = "Inga data ännu – importera under Importer.", ["role"] = "Roll", ["units"] = "Enheter",
        ["create"] = "Skapa", ["name"] = "Namn", ["newtoken"] = "Ny nyckel – kopiera den nu, den visas bara en gång:",
        ["badlogin"] = "Fel användarnamn eller lösenord.", ["imported_ok"] = "Importerad:", ["trend"] = "Trend",
        // Excel exports.
        ["download_excel"] = "Ladda ner Excel", ["goal_id"] = "Mål-id", ["unit_id"] = "Enhets-id", ["board_short"] = "Styrelsen", ["rule"] = "Målregel",
        ["selection"] = "Urval", ["organisation"] = "Organisation", ["period"] = "Period", ["period_start"] = "Periodens första dag",
        ["period_end"] = "Periodens sista dag", ["exported"] = "Exporterad", ["history_sheet"] = "Utveckling", ["matrix"] = "Matris",
        ["unknown_unit"] = "Okänd enhet", ["unknown_area"] = "Okänt målområde", ["unknown_goal"] = "Okänt mål",
        // Import preview, mapping and templates.
        ["preview_title"] = "Förhandsgranska import", ["preview_refused"] = "Importen kan inte göras så här; inget har importerats.", ["detected"] = "Läst som",
        ["dataset_columns"] = "Datamängdens kolumner", ["may_be_empty"] = "får vara tom", ["all_required"] = "* varje kolumn behöver en kolumn ur filen",
        ["read_as"] = "Läs som", ["ignore"] = "hoppa över", ["preview_first_rows"] = "De första {0} raderna, som de lästes.", ["discard"] = "Kasta",
        ["templates"] = "Mallar per datamängd", ["format"] = "Format",
        ["import_help"] = "CSV (komma eller semikolon; UTF-8, UTF-16 eller Windows-1252) eller Excel (.xlsx), med filnamnet efter datamängden. Du ser de första raderna och kolumnernas koppling innan något importeras.",
        ["unchanged"] = "Ingen ändring", ["report"] = "Styrelserapport", ["goalfile"] = "Målfil",
        ["goalfile_saved"] = "Målfilen sparades och alla utfall räknades om.",
        ["goalfile_help"] = "Målfilen kontrolleras innan den sparas: fel visas med rad och kolumn, och den gamla versionen gäller tills den nya är felfri. Tidigare versioner sparas.",
        ["report_help"] = "Kvartalsrapporten till styrelsen: målen som styrelsen ser detta kvartal, med analyser och åtgärder där de skrivits.", ["denied"] = "Du saknar behörighet.", ["current"] = "Gällande", ["revoke"] = "Återkalla",
        // The edge: error pages, limits, external sign-in.
        ["error_400_title"] = "Felaktig begäran", ["error_400_text"] = "Servern kunde inte ta emot begäran som den skickades. Kontrollera uppgifterna och försök igen.",
        ["error_403_title"] = "Ingen behörighet", ["error_403_text"] = "Du saknar behörighet till den här sidan eller åtgärden.",
        ["error_404_title"] = "Sidan finns inte", ["error_404_text"] = "Det finns ingen sida eller sak med den adressen.",
        ["error_413_title"] = "För stort", ["error_413_text"] = "Det som skickades är större än vad servern tar emot. Dela upp det eller skicka mindre.",
        ["error_429_title"] = "För många försök", ["error_429_text"] = "Vänta en minut och försök sedan igen.",
        ["error_500_title"] = "Något gick fel", ["error_500_text"] = "Något gick fel på servern. Felet har loggats; försök igen om en stund.",
        ["error_home"] = "Till översikten",
        ["checkin_too_long"] = "Analysen får vara högst {0} tecken lång.", ["checkin_too_many_actions"] = "Högst {0} åtgärder per analys.",
        ["checkin_action_too_long"] = "En åtgärds vad och vem får vara högst {0} tecken.", ["checkin_control"] = "Texten innehåller ett otillåtet styrtecken.",
        ["external_off"] = "Inloggning via organisationens konto (OpenID Connect) är inte inställd på den här servern.",
        ["limit_body"] = "Begäran är större än de {0} som den här adressen tar emot.", ["limit_bytes"] = "byte",
        ["limit_form"] = "Formuläret är större än sidan tar emot (en fil högst {0} MB, ett fält högst {1} tecken).",
        ["limit_form_unreadable"] = "Formuläret kunde inte läsas.", ["limit_files"] = "Högst {0} filer per uppladdning.",
        ["limit_control"] = "Texten innehåller ett otillåtet styrtecken (till exempel NUL).",
        ["period_bad"] = "'{0}' är ingen period; ange ett kvartal (2026-Q2), en månad (2026-03), ett år (2026) eller en vecka (2026-W12).",
        ["period_week53"] = "'{0}' är ingen period: ISO-året {1} har 52 veckor, inte 53.",
        ["period_range"] = "'{0}' ligger utanför åren {1}–{2}.", ["period_twice"] = "Ange bara en period.",
        ["year_bad"] = "'{0}' är inget år mellan {1} och {2}.",
        // Accounts, sessions, tokens and the audit trail.
        ["account"] = "Mitt konto", ["token_created"] = "Skapad", ["token_expires"] = "Upphör", ["token_lastused"] = "Senast använd",
        ["token_expired"] = "Har upphört", ["token_lifetime"] = "Giltig i", ["days"] = "dagar", ["utc_times"] = "Tider i UTC.",
        ["done_created"] = "Kontot skapades.", ["done_deleted"] = "Kontot togs bort.", ["done_updated"] = "Ändringen sparades; kontots inloggningar avslutades.",
        ["done_disabled"] = "Kontot stängdes av; dess inloggningar och API-nycklar slutade gälla.", ["done_enabled"] = "Kontot öppnades igen.",
        ["done_password"] = "Lösenordet byttes; kontots inloggningar avslutades.",
        ["account_disabled"] = "Avstängt", ["account_locked"] = "Låst till", ["account_access"] = "Roll och enheter", ["account_state"] = "Stäng av eller ta bort",
        ["account_enable"] = "Öppna kontot", ["account_disable"] = "Stäng av kontot", ["account_delete"] = "Ta bort kontot",
        ["account_sessions_end"] = "Varje ändring avslutar kontots inloggningar; användaren loggar in på nytt.",
        ["password_reset"] = "Sätt nytt lösenord", ["password_new"] = "Nytt lösenord", ["password_current"] = "Nuvarande lösenord",
        ["password_repeat"] = "Nytt lösenord igen", ["password_change"] = "Byt lösenord", ["password_mismatch"] = "De två nya lösenorden är inte lika.", ["password_current_wrong"] = "Det nuvarande lösenordet stämmer inte.",
        ["password_changed"] = "Lösenordet byttes. Du är fortfarande inloggad här; andra inloggningar avslutades.",
        ["password_change_help"] = "Minst tio tecken. Efter bytet avslutas dina inloggningar i andra webbläsare.",
        ["audit"] = "Händelselogg", ["audit_action"] = "Händelse", ["audit_text"] = "Text", ["audit_from"] = "Från", ["audit_to"] = "Till",
        ["audit_export"] = "Exportera CSV", ["audit_entries"] = "händelser", ["audit_subject"] = "Gäller", ["audit_details"] = "Detaljer",
        ["audit_newer"] = "Nyare", ["audit_older"] = "Äldre",
        // Check-ins: versions, preview, the check-in round.
        ["checkin_goal_unknown"] = "Det finns inget mål '{0}'.", ["checkin_unit_unknown"] = "Det finns ingen enhet '{0}'.",
        ["checkin_not_followed"] = "Målet {0} följs inte upp i enheten '{1}'.",
        ["checkin_quarter"] = "Analyser skrivs per kvartal (till exempel 2026-Q2), inte för '{0}'.",
        ["checkin_before_data"] = "'{0}' ligger före de importerade uppgifterna, som börjar {1}.",
        ["checkin_future"] = "'{0}' ligger efter det senaste kvartalet som kan analyseras ({1}).",
        ["checkin_stale"] = "Version {0} sparades av {1} {2} UTC, efter versionen du utgick från ({3}); inget sparades.",
        ["checkin_stale_new"] = "{1} hann skriva en analys {2} UTC (version {0}) medan du skrev din; inget sparades.",
        ["checkin_stale_form"] = "Din text finns kvar i formuläret och den nyare versionen visas nedan. För in det som ska med och spara igen: då sparas din text över den nyare versionen.",
        ["checkin_newer"] = "Den nyare versionen", ["checkin_yours_vs_newer"] = "Vad din text ändrar i den nyare versionen",
        ["checkin_round"] = "Analysrunda", ["checkin_round_help"] = "Vilka mål och enheter som har en analys för kvartalet och vilka som saknar en. ★ = styrelsen ser målet detta kvartal.",
        ["checkin_missing_count"] = "{0} av {1} saknas", ["checkin_missing"] = "Saknas", ["checkin_written"] = "Skriven",
        ["checkin_mine"] = "Mina enheter", ["checkin_edit"] = "Ändra", ["checkin_none"] = "Ingen analys är skriven ännu.",
        ["preview"] = "Förhandsgranska", ["preview_note"] = "Förhandsgranskning – inget är sparat ännu.",
        ["preview_goal"] = "Så visas den på målsidan", ["preview_report"] = "Så visas den i styrelserapporten",
        ["history_versions"] = "Historik", ["version"] = "Version", ["changes"] = "Ändringar", ["versus"] = "mot",
        // Drill-down: period pickers, breakdowns, the rows behind a number.
        ["week"] = "Vecka", ["month"] = "Månad", ["sorted_by"] = "Sortera efter",
        ["breakdowns"] = "Uppdelning", ["breakdown_by"] = "Per {0}", ["segment"] = "Del", ["segment_none"] = "(tomt)", ["yes"] = "ja", ["no"] = "nej",
        ["breakdown_chart"] = "{0} per {1} för {2}, {3}", ["breakdown_empty"] = "Inga rader att dela upp för enheten och perioden.",
        ["rows_behind"] = "Raderna bakom siffran",
        ["rows_help"] = "De första {0} raderna av varje datamängd som måttet läser för {1} och {2}, filtrerade exakt som måttet filtrerar dem (enhetens underträd, perioden, måttets villkor).",
        ["rows_count"] = "{0} rader", ["rows_first"] = "de första {0} visas", ["rows_download_csv"] = "Ladda ner alla som CSV", ["rows_download_xlsx"] = "Ladda ner alla som Excel",
        ["rows_population"] = "Medlemsraderna i populationen {0}: måttet räknar företagen bland dem, inte raderna.",
        ["rows_every_unit"] = "Datamängden har inga enheter: varje enhet läser samma rader.",
        ["rows_untraced"] = "Kan inte visas rad för rad",
        ["rows_untraced_lookup"] = "{0}: värden som slås upp per företag med at(…) – vilka rader som läses beror på varje företag.",
        ["rows_untraced_entities"] = "{0}: populationens företag – villkoren prövas per företag, inte per rad.",
        ["rows_untraced_region"] = "{0}: jämförelsegrupp av alla företag i enhetens regioner, urvalda per företag.",
        ["rows_untraced_twice"] = "{0}: måttet läser datamängden på två olika sätt (till exempel senaste raderna och ett fönster).",
        ["rows_none"] = "Måttet läser inga datamängder rad för rad.", ["rows_failed"] = "Raderna kunde inte läsas: {0}",
        ["rows_too_many"] = "{0} rader är fler än de {1} som kan laddas ner på en gång. Välj en mindre enhet eller en kortare period.",
        ["rows_unknown_dataset"] = "Måttet läser inte datamängden '{0}' rad för rad för den här enheten och perioden.",
        ["rows_bad_format"] = "'{0}' är inget format; välj csv eller xlsx.", ["unit_unknown"] = "Okänd enhet '{0}'.",
        // Accessibility: the skip link, the folded menu, the chart's text alternative, names of unlabelled fields.
        ["skip"] = "Hoppa till innehållet", ["menu"] = "Meny", ["mainnav"] = "Huvudmeny", ["chart_table"] = "Diagrammet som tabell",
        ["chart_of"] = "Diagram", ["period"] = "Period", ["action_n"] = "åtgärd", ["perunit_list"] = "Översikt per enhet",
    };

    private static readonly Dictionary<string, string> En = new()
    {
        ["overview"] = "Overview", ["targets"] = "Target levels", ["imports"] = "Imports", ["users"] = "Users", ["tokens"] = "API tokens",
        ["signout"] = "Sign out", ["signin"] = "Sign in", ["username"] = "User name", ["password"] = "Password",
        ["quarter"] = "Quarter", ["unit"] = "Unit", ["area"] = "Goal area", ["all"] = "All", ["show"] = "Show",
        ["goal"] = "Goal", ["value"] = "Value", ["target"] = "Target", ["comparison"] = "Comparison", ["status"] = "Status",
        ["band"] = "Band",
        ["board"] = "On the board's agenda this quarter", ["definition"] = "Definition", ["formula"] = "As written in the goal file",
        ["history"] = "Quarter by quarter", ["history_week"] = "Week by week", ["perunit"] = "Per unit", ["checkins"] = "Analysis and actions",
        ["analysis"] = "Analysis", ["actions"] = "Actions", ["what"] = "What", ["who"] = "Who", ["due"] = "Due", ["state"] = "State",
        ["save"] = "Save", ["write"] = "Write analysis",
        ["serves"] = "Serves", ["servedby"] = "Served by", ["goalowner"] = "Owner", ["deadline"] = "Deadline", ["sources"] = "Sources", ["rows"] = "rows", ["imported"] = "imported", ["dataset"] = "Dataset", ["file"] = "File",
        ["upload"] = "Import", ["when"] = "When", ["by"] = "By", ["command_line"] = "the command line", ["level"] = "Level", ["year"] = "Year", ["proposal"] = "Proposal",
        ["decision"] = "Decision", ["withdrawal"] = "Withdrawn proposal", ["withdraw"] = "Withdraw",
        ["target_history"] = "Decisions and proposals – who recorded what, and when", ["decidedon"] = "Decided on", ["decidedby"] = "Decided by", ["minute"] = "Minutes",
        ["owner_levels"] = "Levels set by the owners (Ä) – from the goal file", ["board_levels"] = "Levels set by the boards (S)",
        ["record"] = "Record", ["nodata"] = "No data yet – import under Imports.", ["role"] = "Role", ["units"] = "Units",
        ["create"] = "Create", ["name"] = "Name", ["newtoken"] = "New token – copy it now, it is shown only once:",
        ["badlogin"] = "Wrong user name or password.", ["imported_ok"] = "Imported:", ["trend"] = "Trend",
        // Excel exports.
        ["download_excel"] = "Download Excel", ["goal_id"] = "Goal id", ["unit_id"] = "Unit id", ["board_short"] = "Board", ["rule"] = "Target rule",
        ["selection"] = "Selection", ["organisation"] = "Organisation", ["period"] = "Period", ["period_start"] = "First day of period",
        ["period_end"] = "Last day of period", ["exported"] = "Exported", ["history_sheet"] = "History", ["matrix"] = "Matrix",
        ["unknown_unit"] = "Unknown unit", ["unknown_area"] = "Unknown goal area", ["unknown_goal"] = "Unknown goal",
        // Import preview, mapping and templates.
        ["preview_title"] = "Preview the import", ["preview_refused"] = "The import cannot be made like this; nothing has been imported.", ["detected"] = "Read as",
        ["dataset_columns"] = "The dataset's columns", ["may_be_empty"] = "may be empty", ["all_required"] = "* every column needs a column of the file",
        ["read_as"] = "Read as", ["ignore"] = "skip", ["preview_first_rows"] = "The first {0} rows, as read.", ["discard"] = "Discard",
        ["templates"] = "Templates per dataset", ["format"] = "Format",
        ["import_help"] = "CSV (comma or semicolon; UTF-8, UTF-16 or Windows-1252) or Excel (.xlsx), the file named after its dataset. You see the first rows and the column mapping before anything is imported.",
        ["unchanged"] = "No change", ["report"] = "Board report", ["goalfile"] = "Goal file",
        ["goalfile_saved"] = "The goal file was saved and every outcome recomputed.",
        ["goalfile_help"] = "The goal file is checked before it is saved: errors show their line and column, and the old version stays in force until the new one is free of errors. Earlier versions are kept.",
        ["report_help"] = "The quarterly report to the board: the goals the board sees that quarter, with the analyses and actions where written.", ["denied"] = "You do not have access.", ["current"] = "In force", ["revoke"] = "Revoke",
        // The edge: error pages, limits, external sign-in.
        ["error_400_title"] = "Bad request", ["error_400_text"] = "The server could not accept the request as it was sent. Check what you entered and try again.",
        ["error_403_title"] = "No access", ["error_403_text"] = "You do not have access to this page or action.",
        ["error_404_title"] = "Not found", ["error_404_text"] = "There is no page or item at this address.",
        ["error_413_title"] = "Too large", ["error_413_text"] = "What was sent is larger than the server accepts. Split it or send less.",
        ["error_429_title"] = "Too many attempts", ["error_429_text"] = "Wait a minute and try again.",
        ["error_500_title"] = "Something went wrong", ["error_500_text"] = "Something went wrong on the server. The error has been logged; try again in a while.",
        ["error_home"] = "To the overview",
        ["checkin_too_long"] = "The analysis may be at most {0} characters long.", ["checkin_too_many_actions"] = "At most {0} actions per analysis.",
        ["checkin_action_too_long"] = "An action's what and who may be at most {0} characters.", ["checkin_control"] = "The text contains a control character that is not allowed.",
        ["external_off"] = "Sign-in with the organisation's account (OpenID Connect) is not set up on this server.",
        ["limit_body"] = "the request is larger than the {0} this address accepts", ["limit_bytes"] = "bytes",
        ["limit_form"] = "the form is larger than this page accepts (a file at most {0} MB, a field at most {1} characters)",
        ["limit_form_unreadable"] = "the form could not be read", ["limit_files"] = "at most {0} files in one upload",
        ["limit_control"] = "the text contains a control character (such as NUL) that is not allowed",
        ["period_bad"] = "'{0}' is not a period; expected a quarter (2026-Q2), a month (2026-03), a year (2026) or a week (2026-W12)",
        ["period_week53"] = "'{0}' is not a period: the ISO year {1} has 52 weeks, not 53",
        ["period_range"] = "'{0}' is outside the years {1}–{2}", ["period_twice"] = "give one period only",
        ["year_bad"] = "'{0}' is not a year between {1} and {2}",
        // Accounts, sessions, tokens and the audit trail.
        ["account"] = "My account", ["token_created"] = "Created", ["token_expires"] = "Expires", ["token_lastused"] = "Last used",
        ["token_expired"] = "Expired", ["token_lifetime"] = "Valid for", ["days"] = "days", ["utc_times"] = "Times in UTC.",
        ["done_created"] = "The account was created.", ["done_deleted"] = "The account was deleted.", ["done_updated"] = "The change was saved; the account's sessions were ended.",
        ["done_disabled"] = "The account was disabled; its sessions and API tokens stopped working.", ["done_enabled"] = "The account was enabled again.",
        ["done_password"] = "The password was replaced; the account's sessions were ended.",
        ["account_disabled"] = "Disabled", ["account_locked"] = "Locked until", ["account_access"] = "Role and units", ["account_state"] = "Disable or delete",
        ["account_enable"] = "Enable the account", ["account_disable"] = "Disable the account", ["account_delete"] = "Delete the account",
        ["account_sessions_end"] = "Every change ends the account's sessions; the user signs in again.",
        ["password_reset"] = "Set a new password", ["password_new"] = "New password", ["password_current"] = "Current password",
        ["password_repeat"] = "New password again", ["password_change"] = "Change password", ["password_mismatch"] = "The two new passwords differ.", ["password_current_wrong"] = "The current password is wrong.",
        ["password_changed"] = "The password was changed. You are still signed in here; other sessions were ended.",
        ["password_change_help"] = "At least ten characters. After the change, your sessions in other browsers end.",
        ["audit"] = "Audit trail", ["audit_action"] = "Action", ["audit_text"] = "Text", ["audit_from"] = "From", ["audit_to"] = "To",
        ["audit_export"] = "Export CSV", ["audit_entries"] = "entries", ["audit_subject"] = "Subject", ["audit_details"] = "Details",
        ["audit_newer"] = "Newer", ["audit_older"] = "Older",
        // Check-ins: versions, preview, the check-in round.
        ["checkin_goal_unknown"] = "unknown goal '{0}'", ["checkin_unit_unknown"] = "unknown unit '{0}'",
        ["checkin_not_followed"] = "the goal {0} is not followed in unit '{1}'",
        ["checkin_quarter"] = "check-ins are written per quarter (such as 2026-Q2), not for '{0}'",
        ["checkin_before_data"] = "'{0}' lies before the imported data, which begins {1}",
        ["checkin_future"] = "'{0}' lies after the latest quarter that can be analysed ({1})",
        ["checkin_stale"] = "version {0} was saved by {1} at {2} UTC, after the version you started from ({3}); nothing was saved",
        ["checkin_stale_new"] = "{1} wrote an analysis at {2} UTC (version {0}) while you were writing yours; nothing was saved",
        ["checkin_stale_form"] = "Your text is still in the form and the newer version is shown below. Bring in what should stay and save again: your text is then saved over the newer version.",
        ["checkin_newer"] = "The newer version", ["checkin_yours_vs_newer"] = "What your text changes in the newer version",
        ["checkin_round"] = "Check-in round", ["checkin_round_help"] = "Which goals and units have an analysis for the quarter, and which lack one. ★ = on the board's agenda this quarter.",
        ["checkin_missing_count"] = "{0} of {1} missing", ["checkin_missing"] = "Missing", ["checkin_written"] = "Written",
        ["checkin_mine"] = "My units", ["checkin_edit"] = "Edit", ["checkin_none"] = "No analysis has been written yet.",
        ["preview"] = "Preview", ["preview_note"] = "Preview – nothing has been saved yet.",
        ["preview_goal"] = "As on the goal page", ["preview_report"] = "As in the board report",
        ["history_versions"] = "History", ["version"] = "Version", ["changes"] = "Changes", ["versus"] = "against",
        // Drill-down: period pickers, breakdowns, the rows behind a number.
        ["week"] = "Week", ["month"] = "Month", ["sorted_by"] = "Sort by",
        ["breakdowns"] = "Breakdown", ["breakdown_by"] = "By {0}", ["segment"] = "Segment", ["segment_none"] = "(empty)", ["yes"] = "yes", ["no"] = "no",
        ["breakdown_chart"] = "{0} by {1} for {2}, {3}", ["breakdown_empty"] = "No rows to break down for the unit and period.",
        ["rows_behind"] = "The rows behind this number",
        ["rows_help"] = "The first {0} rows of each dataset the metric reads for {1} and {2}, filtered exactly as the metric filters them (the unit's subtree, the period, the metric's conditions).",
        ["rows_count"] = "{0} rows", ["rows_first"] = "the first {0} shown", ["rows_download_csv"] = "Download all as CSV", ["rows_download_xlsx"] = "Download all as Excel",
        ["rows_population"] = "The member rows of the population {0}: the metric counts the companies among them, not the rows.",
        ["rows_every_unit"] = "The dataset has no units: every unit reads the same rows.",
        ["rows_untraced"] = "Not shown row by row",
        ["rows_untraced_lookup"] = "{0}: values looked up per company with at(…) — which rows are read depends on each company.",
        ["rows_untraced_entities"] = "{0}: the population's companies — its conditions are checked per company, not per row.",
        ["rows_untraced_region"] = "{0}: a comparison group of every company in the unit's regions, selected per company.",
        ["rows_untraced_twice"] = "{0}: the metric reads the dataset in two different ways (its latest rows and a window, say).",
        ["rows_none"] = "The metric reads no dataset row by row.", ["rows_failed"] = "The rows could not be read: {0}",
        ["rows_too_many"] = "{0} rows are more than the {1} that can be downloaded at once. Choose a smaller unit or a shorter period.",
        ["rows_unknown_dataset"] = "The metric does not read the dataset '{0}' row by row for this unit and period.",
        ["rows_bad_format"] = "'{0}' is not a format; choose csv or xlsx.", ["unit_unknown"] = "Unknown unit '{0}'.",
        // Accessibility: the skip link, the folded menu, the chart's text alternative, names of unlabelled fields.
        ["skip"] = "Skip to content", ["menu"] = "Menu", ["mainnav"] = "Main menu", ["chart_table"] = "The chart as a table",
        ["chart_of"] = "Chart", ["period"] = "Period", ["action_n"] = "action", ["perunit_list"] = "Overview per unit",
    };
}
