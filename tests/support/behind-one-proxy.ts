// Import right after test-env.ts: the app runs behind one trusted proxy (TRUSTED_PROXY_HOPS=1),
// which appends the address it saw to X-Forwarded-For.
process.env.TRUSTED_PROXY_HOPS = "1";
