// Import right after test-env: the metrics token the app under test is configured with.
export const TEST_METRICS_TOKEN = "test-metrics-token-0123456789abcdef";
process.env.METRICS_TOKEN = TEST_METRICS_TOKEN;
