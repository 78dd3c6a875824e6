import "server-only";
// Job handlers are registered here (imported for side effects by the worker).
import { z } from "zod";
import { dispatchSurveys } from "@/server/surveys/dispatch-surveys";
import { registerJobHandler } from "./registry";

registerJobHandler("surveys.dispatch", async (payload) => {
  const { sessionId } = z.object({ sessionId: z.uuid() }).parse(payload);
  await dispatchSurveys(sessionId);
});
