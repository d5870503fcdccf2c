using Npgsql;

namespace Styrkort.Core.Warehouse.Postgres;

/// <summary>
/// A PostgreSQL warehouse's address as <c>psql</c> takes it: <c>postgresql://user:password@host:port/database</c>
/// (<c>postgres://</c> too), user and password percent-encoded, and the query parameters Npgsql understands
/// (<c>?sslmode=require</c>, <c>?host=/run/postgresql</c> for a socket folder, <c>?application_name=…</c>).
/// </summary>
public sealed record PostgresAddress(string ConnectionString, string Display)
{
    public static bool IsUrl(string location) =>
        location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address of a URL; an <see cref="ArgumentException"/> says what is wrong with one that is not (never quoting its password).</summary>
    public static PostgresAddress Parse(string url)
    {
        if (!IsUrl(url)) throw new ArgumentException("a PostgreSQL warehouse is given as postgresql://user:password@host:port/database");
        // Uri wants a host; psql's postgresql:///db (a local socket) has none.
        var text = url.Contains(":///", StringComparison.Ordinal) ? url.Replace(":///", "://localhost/", StringComparison.Ordinal) : url;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw new ArgumentException("the PostgreSQL URL cannot be read; expected postgresql://user:password@host:port/database");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
        };
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = Uri.UnescapeDataString(eq < 0 ? "" : pair[(eq + 1)..]);
            switch (key.ToLowerInvariant())
            {
                case "host": builder.Host = value; break;
                case "port": builder.Port = int.TryParse(value, out var port) ? port : throw new ArgumentException($"the PostgreSQL URL's port '{value}' is not a number"); break;
                case "user": builder.Username = value; break;
                case "password": builder.Password = value; break;
                case "dbname": builder.Database = value; break;
                case "sslmode": builder.SslMode = Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var ssl) ? ssl : throw new ArgumentException($"the PostgreSQL URL's sslmode '{value}' is unknown"); break;
                case "application_name": builder.ApplicationName = value; break;
                case "connect_timeout": builder.Timeout = int.TryParse(value, out var timeout) ? timeout : throw new ArgumentException($"the PostgreSQL URL's connect_timeout '{value}' is not a number"); break;
                default: throw new ArgumentException($"the PostgreSQL URL's parameter '{key}' is not supported; use host, port, user, password, dbname, sslmode, application_name or connect_timeout");
            }
        }
        if (string.IsNullOrEmpty(builder.Database)) throw new ArgumentException("the PostgreSQL URL names no database: postgresql://user:password@host:port/database");
        builder.ApplicationName ??= "styrkort";
        var display = $"postgresql://{(builder.Username is null ? "" : Uri.EscapeDataString(builder.Username) + "@")}{(builder.Host!.Contains(':', StringComparison.Ordinal) ? $"[{builder.Host}]" : builder.Host)}:{builder.Port}/{Uri.EscapeDataString(builder.Database)}";
        return new PostgresAddress(builder.ConnectionString, display);
    }

    /// <summary>The address as it may be shown or logged: without the password.</summary>
    public override string ToString() => Display;
}
