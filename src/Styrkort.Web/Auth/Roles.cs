namespace Styrkort.Web.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Controller = "controller";
    public const string UnitManager = "unit_manager";
    public const string Viewer = "viewer";
    public static readonly string[] All = [Admin, Controller, UnitManager, Viewer];
}

/// <summary>Who may do what: reading needs any role; the rest as the roles' names say.</summary>
public static class Policies
{
    public const string Read = "read";
    public const string CheckIn = "check-in";
    public const string Control = "control";
    public const string Administer = "administer";
}
