import "server-only";
import { revalidatePath } from "next/cache";

/**
 * A form action's `done` for session commands: the session page is re-rendered with the change
 * and shows the message (fixed, or made from the result and input).
 */
export const onSessionPage =
  <R, I extends { sessionId: string }>(message: string | ((result: R, input: I) => string)) =>
  (result: R, input: I): string => {
    revalidatePath(`/sessions/${input.sessionId}`);
    return typeof message === "string" ? message : message(result, input);
  };
