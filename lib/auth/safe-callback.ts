// Where to send someone after sign-in. The value comes from the URL, so it is
// resolved the way a browser would (backslashes, control characters, encoded
// slashes) and kept only if it stays on this app's own origin.
const SELF = "http://points-ops.invalid";
const FALLBACK = "/";

export function safeCallbackPath(value: unknown): string {
  // Control characters have no place in a path; browsers drop some of them, which can turn "/\t/" into "//".
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.length > 2_000 ||
    // eslint-disable-next-line no-control-regex -- control characters are what this check refuses
    /[\u0000-\u001f\u007f]/.test(value)
  )
    return FALLBACK;
  let resolved: URL;
  try {
    resolved = new URL(value, SELF);
  } catch {
    return FALLBACK;
  }
  // A path that still begins with two slashes would be read as another host once sent back relative.
  if (resolved.origin !== SELF || /^[/\\]{2}/.test(resolved.pathname)) return FALLBACK;
  if (resolved.pathname === "/signin") return FALLBACK;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
