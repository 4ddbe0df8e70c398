// Developer API keys: "fd_live_" + 32 random bytes. Shown once at creation; only a SHA-256
// hash is stored, with a short prefix so people can tell their keys apart.
export const KEY_PREFIX = "fd_live_";
