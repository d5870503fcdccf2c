using Npgsql;
using Styrkort.Core.Warehouse.Postgres;

namespace Styrkort.Core.Tests.Postgres;

/// <summary>A warehouse URL is read as psql reads it, and shown (or logged) without its password.</summary>
public sealed class PostgresAddressTests
{
    [Theory]
    [InlineData("postgresql://anna:hemligt@db.example.se:5433/styrkort", "db.example.se", 5433, "anna", "hemligt", "styrkort", "postgresql://anna@db.example.se:5433/styrkort")]
    [InlineData("postgres://anna@db.example.se/styrkort", "db.example.se", 5432, "anna", null, "styrkort", "postgresql://anna@db.example.se:5432/styrkort")]
    [InlineData("postgresql://an%40na:p%40ss%3Aw%2Fd@127.0.0.1/m%C3%A5l", "127.0.0.1", 5432, "an@na", "p@ss:w/d", "mål", "postgresql://an%40na@127.0.0.1:5432/m%C3%A5l")]
    [InlineData("postgresql:///styrkort?host=/run/postgresql", "/run/postgresql", 5432, null, null, "styrkort", "postgresql:///run/postgresql:5432/styrkort")]
    [InlineData("postgresql://[::1]:6543/styrkort?user=bo&password=x%26y", "::1", 6543, "bo", "x&y", "styrkort", "postgresql://bo@[::1]:6543/styrkort")]
    public void AUrl_IsReadAsPsqlReadsIt(string url, string host, int port, string? user, string? password, string database, string display)
    {
        var address = PostgresAddress.Parse(url);
        var builder = new NpgsqlConnectionStringBuilder(address.ConnectionString);

        Assert.Equal((host, port, user, password, database), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
        Assert.Equal(display, address.Display);
        Assert.Equal(display, address.ToString());
        if (password is not null) Assert.DoesNotContain(password, address.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://anna:hemligt@db.example.se:5433/", "names no database")]
    [InlineData("postgresql://db.example.se/styrkort?port=abc", "port 'abc'")]
    [InlineData("postgresql://db.example.se/styrkort?sslmode=sometimes", "sslmode 'sometimes'")]
    [InlineData("postgresql://db.example.se/styrkort?options=-c", "'options' is not supported")]
    public void ABadUrl_SaysWhatIsWrong(string url, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresAddress.Parse(url));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hemligt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyPostgresUrls_AreAddresses()
    {
        Assert.True(PostgresAddress.IsUrl("postgresql://x/y"));
        Assert.True(PostgresAddress.IsUrl("POSTGRES://x/y"));
        Assert.False(PostgresAddress.IsUrl("warehouse.duckdb"));
        Assert.False(PostgresAddress.IsUrl("/data/postgresql/w.duckdb"));
        Assert.Equal("postgresql://anna@h:5432/d", Core.Warehouse.Warehouse.Describe("postgresql://anna:hemligt@h/d"));
        Assert.Equal("w.duckdb", Core.Warehouse.Warehouse.Describe("w.duckdb"));
    }
}
