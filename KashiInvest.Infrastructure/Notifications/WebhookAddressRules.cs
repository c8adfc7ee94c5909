using System.Net;
using System.Net.Sockets;

namespace KashiInvest.Infrastructure.Notifications;

/// <summary>
/// Which IP addresses a robot webhook may connect to: public unicast only. Refused are loopback, "this network"
/// (0.0.0.0/8) and unspecified, private (10/8, 172.16/12, 192.168/16), shared CGNAT (100.64/10), link-local
/// (169.254/16, fe80::/10), IPv6 site-local (fec0::/10) and unique-local (fc00::/7), multicast, reserved and broadcast
/// (240/4), and any of those carried inside IPv6 (IPv4-mapped <c>::ffff:a.b.c.d</c>, IPv4-compatible <c>::a.b.c.d</c>,
/// NAT64 <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>).
/// </summary>
public static class WebhookAddressRules
{
    /// <summary>True when a webhook must not connect to <paramref name="address"/>.</summary>
    public static bool IsForbidden(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return IsForbiddenV4(address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return true;
        var b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6) return IsForbiddenV4(b[12..]);
        // ::/96 holds ::, ::1 and the deprecated IPv4-compatible form: none is a public robot.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return true;
        // NAT64 well-known prefix 64:ff9b::/96 reaches the embedded IPv4 address.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0) return IsForbiddenV4(b[12..]);
        // 6to4 2002:AABB:CCDD::/48 tunnels to the IPv4 address AA.BB.CC.DD.
        if (b[0] == 0x20 && b[1] == 0x02) return IsForbiddenV4(b[2..6]);
        if (b[0] == 0xff) return true;                              // multicast ff00::/8
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;     // link-local fe80::/10
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return true;     // site-local fec0::/10 (deprecated)
        if ((b[0] & 0xfe) == 0xfc) return true;                     // unique-local fc00::/7
        return false;
    }

    private static bool IsForbiddenV4(ReadOnlySpan<byte> b) => b[0] switch
    {
        0 => true,                                   // 0.0.0.0/8, "this network"
        10 => true,                                  // private
        100 => (b[1] & 0xc0) == 64,                  // 100.64.0.0/10, CGNAT shared space
        127 => true,                                 // loopback
        169 => b[1] == 254,                          // link-local (cloud metadata at 169.254.169.254)
        172 => (b[1] & 0xf0) == 16,                  // 172.16.0.0/12, private
        192 => b[1] == 168,                          // private
        >= 224 => true,                              // multicast 224/4, reserved 240/4, broadcast
        _ => false,
    };
}
