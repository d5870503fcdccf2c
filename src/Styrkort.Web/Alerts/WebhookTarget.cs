using System.Net;
using System.Net.Sockets;

namespace Styrkort.Web.Alerts;

/// <summary>
/// Which webhook URLs are accepted: absolute http or https, without user name or password in them, and — unless
/// <see cref="WebhookOptions.AllowPrivateAddresses"/> — never to an internal address. The address is checked where
/// the connection is made (<see cref="ConnectAsync"/>), so a name that resolves differently later cannot get in.
/// </summary>
public static class WebhookTarget
{
    public const int MaxLength = 2000;

    /// <summary>Null when the URL may be used, otherwise why not, in the page's language.</summary>
    public static string? Problem(string url, bool allowPrivate, Localization.Texts t)
    {
        if (url.Length > MaxLength) return t.Format("al_webhook_long", MaxLength);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return t["al_webhook_form"];
        if (uri.UserInfo.Length > 0) return t["al_webhook_userinfo"];
        if (!allowPrivate && ((IPAddress.TryParse(uri.IdnHost, out var ip) && IsInternal(ip)) || uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)))
            return t["al_webhook_internal"];
        return null;
    }

    /// <summary>
    /// The URL up to its host and port (https://hooks.example.org/…): what the audit trail and other people see, since
    /// webhook URLs often carry their own token in the path or query.
    /// </summary>
    public static string Masked(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority) + (uri.PathAndQuery is "/" or "" ? "" : "/…")
            : "…";

    public static bool IsInternal(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6Multicast;
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
               || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224;
    }

    /// <summary>The handler's connect step: resolves the host and connects only to an address that is allowed.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellation)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellation);
        var allowed = addresses.Where(a => allowPrivate || !IsInternal(a)).ToList();
        if (allowed.Count == 0) throw new HttpRequestException($"the webhook's host {context.DnsEndPoint.Host} resolves to no allowed address");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
