// `npm run livekit-dev`: the development LiveKit-compatible server on its own.
import { optionsFromEnv } from "./config";
import { startLivekitDevServer } from "./server";

const server = await startLivekitDevServer(optionsFromEnv(process.env));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close().finally(() => process.exit(0));
  });
}
