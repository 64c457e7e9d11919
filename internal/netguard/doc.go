// Package netguard is sitrep's one outbound-fetch policy: every request
// the server makes on behalf of someone else — a URL posted to
// /api/ingest, a feed polled by `sitrep watch`, an alert rule's webhook —
// goes through a Policy.
//
// A URL is accepted when it is absolute http or https, has a host, a
// valid port and no user:password part (credentials in a URL end up in
// logs, stored rules and API answers, so they are refused rather than
// kept). Its host is resolved and every address it resolves to must be
// public unicast: loopback, private (RFC 1918, fc00::/7), link-local
// (169.254/16 — the cloud metadata service — and fe80::/10), carrier-grade
// NAT (100.64/10), unspecified, multicast, reserved and documentation
// ranges are refused, also when written as IPv4-mapped IPv6
// (::ffff:127.0.0.1) or behind the NAT64 prefix.
//
// Because DNS answers can change between that check and the request (DNS
// rebinding), the Policy's HTTP client checks the address again when it
// connects (net.Dialer.Control sees the address actually dialled) and
// re-checks every redirect hop; it ignores proxy settings, since a proxy
// would connect on our behalf, unchecked.
//
// Policy.AllowPrivate (the --allow-private-fetch flag) turns the address
// checks off for intranet deployments; Policy.Allow opens chosen
// prefixes only. The URL-shape checks (scheme, credentials) stay on.
package netguard
