// `npm run bench`: every figure as a ratio against a reference measured in the same run, because
// the machines are shared and noisy. Needs a production build (the npm script builds first).
import { startAppServer } from "../support/app-server";
import { benchDashboard } from "./dashboard";
import { ensureDashboardBenchDb } from "./dashboard-data";
import { benchLivekitDev } from "./livekit-dev";
import { benchRoomPageWeight } from "./room-page-weight";
import { benchSurveySubmit } from "./survey-submit";

const only = process.argv[2];
const report: string[] = [];

if (!only || only === "survey") {
  const app = await startAppServer();
  try {
    report.push("## Survey submit", ...(await benchSurveySubmit(app)));
  } finally {
    await app.close();
  }
}
if (!only || only === "room") {
  const app = await startAppServer();
  try {
    report.push("## Customer room page weight", ...(await benchRoomPageWeight(app)));
  } finally {
    await app.close();
  }
}
if (!only || only === "livekit") {
  // `run.ts livekit 10` runs only the 10-participant scenarios.
  const participants = process.argv[3] ? Number(process.argv[3]) : undefined;
  report.push(
    "## LiveKit: the real server and the development server",
    ...(await benchLivekitDev(participants)),
  );
}
// `run.ts dashboard-data` only generates (or finds) the cached million-response database;
// `run.ts dashboard` measures on it (generating it first if it is missing).
if (only === "dashboard-data")
  report.push("## Dashboard bench data", ...(await ensureDashboardBenchDb()).report);
if (!only || only === "dashboard")
  report.push("## Dashboard at a million responses", ...(await benchDashboard()));
console.log(`\n${report.join("\n")}`);
process.exit(0);
