using Microsoft.AspNetCore.Http;

namespace Styrkort.Web.Localization;

/// <summary>The UI's words in Swedish (the default) and English; the language is a cookie set by /lang.</summary>
public sealed class Texts(string lang)
{
    public string Lang { get; } = lang;
    public bool English => Lang == "en";

    public static Texts For(HttpContext http) =>
        new(http.Request.Cookies.TryGetValue("lang", out var lang) && lang == "en" ? "en" : "sv");

    public string this[string key] => (English ? En : Sv).TryGetValue(key, out var text) ? text : key;

    private static readonly Dictionary<string, string> Sv = new()
    {
        ["overview"] = "Översikt", ["targets"] = "Målnivåer", ["imports"] = "Importer", ["users"] = "Användare", ["tokens"] = "API-nycklar",
        ["signout"] = "Logga ut", ["signin"] = "Logga in", ["username"] = "Användarnamn", ["password"] = "Lösenord",
        ["quarter"] = "Kvartal", ["unit"] = "Enhet", ["area"] = "Målområde", ["all"] = "Alla", ["show"] = "Visa",
        ["goal"] = "Mål", ["value"] = "Värde", ["target"] = "Målnivå", ["comparison"] = "Jämförelse", ["status"] = "Status",
        ["met"] = "Uppfyllt", ["not_met"] = "Ej uppfyllt", ["no_data"] = "Data saknas", ["no_target"] = "Målnivå saknas", ["at_risk"] = "I riskzonen", ["band"] = "Nivå",
        ["board"] = "Styrelsen ser målet detta kvartal", ["definition"] = "Definition", ["formula"] = "Som det står i målfilen",
        ["history"] = "Utveckling per kvartal", ["history_week"] = "Utveckling per vecka", ["perunit"] = "Per enhet", ["checkins"] = "Analys och åtgärder",
        ["analysis"] = "Analys", ["actions"] = "Åtgärder", ["what"] = "Vad", ["who"] = "Vem", ["due"] = "Klart senast", ["state"] = "Läge",
        ["save"] = "Spara", ["write"] = "Skriv analys", ["open"] = "Öppen", ["in_progress"] = "Pågår", ["done"] = "Klar",
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
    };

    private static readonly Dictionary<string, string> En = new()
    {
        ["overview"] = "Overview", ["targets"] = "Target levels", ["imports"] = "Imports", ["users"] = "Users", ["tokens"] = "API tokens",
        ["signout"] = "Sign out", ["signin"] = "Sign in", ["username"] = "User name", ["password"] = "Password",
        ["quarter"] = "Quarter", ["unit"] = "Unit", ["area"] = "Goal area", ["all"] = "All", ["show"] = "Show",
        ["goal"] = "Goal", ["value"] = "Value", ["target"] = "Target", ["comparison"] = "Comparison", ["status"] = "Status",
        ["met"] = "Met", ["not_met"] = "Not met", ["no_data"] = "No data", ["no_target"] = "No target", ["at_risk"] = "At risk", ["band"] = "Band",
        ["board"] = "On the board's agenda this quarter", ["definition"] = "Definition", ["formula"] = "As written in the goal file",
        ["history"] = "Quarter by quarter", ["history_week"] = "Week by week", ["perunit"] = "Per unit", ["checkins"] = "Analysis and actions",
        ["analysis"] = "Analysis", ["actions"] = "Actions", ["what"] = "What", ["who"] = "Who", ["due"] = "Due", ["state"] = "State",
        ["save"] = "Save", ["write"] = "Write analysis", ["open"] = "Open", ["in_progress"] = "In progress", ["done"] = "Done",
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
    };
}
