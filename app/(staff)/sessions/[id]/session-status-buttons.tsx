import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { SessionStatus } from "@/lib/domain/sessions";
import { endSessionAction, startSessionAction } from "../actions";

/** Start and end, for the session's facilitator: on the session page and in the room. Ending asks first. */
export function SessionStatusButtons({ sessionId, status }: { sessionId: string; status: SessionStatus }) {
  return (
    <>
      {status === "scheduled" && (
        <ActionForm action={startSessionAction} className="">
          <input type="hidden" name="sessionId" value={sessionId} />
          <Button variant="secondary">Start session</Button>
        </ActionForm>
      )}
      {(status === "scheduled" || status === "live") && (
        <ActionForm action={endSessionAction} className="">
          <input type="hidden" name="sessionId" value={sessionId} />
          <ConfirmDialog
            trigger="End session and send surveys"
            title="End the session and send the surveys?"
            confirmLabel="Yes, end the session"
            cancelLabel="Not yet"
          >
            <p>
              Everyone still in the room is disconnected, and every guest who attended gets the survey by
              email. This cannot be undone.
            </p>
          </ConfirmDialog>
        </ActionForm>
      )}
    </>
  );
}
