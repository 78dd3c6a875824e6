import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { reissueLinkAction, revokeLinkAction } from "../actions";

/** Resend a guest's personal link (the old one stops working) or revoke it, after a confirmation. */
export function LinkControls({
  sessionId,
  invitationId,
  name,
}: {
  sessionId: string;
  invitationId: string;
  name: string;
}) {
  const ids = (
    <>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="invitationId" value={invitationId} />
    </>
  );
  return (
    <div className="-my-2 flex flex-wrap items-center gap-1">
      <ActionForm action={reissueLinkAction} className="">
        {ids}
        <Button variant="ghost" className="min-h-9 px-2" aria-label={`Resend link to ${name}`}>
          Resend
        </Button>
      </ActionForm>
      <ActionForm action={revokeLinkAction} className="">
        {ids}
        <ConfirmDialog
          trigger="Revoke"
          triggerLabel={`Revoke link of ${name}`}
          triggerVariant="ghost"
          triggerClassName="min-h-9 px-2"
          title={
            <>
              Revoke the personal link of <bdi>{name}</bdi>?
            </>
          }
          confirmLabel="Yes, revoke the link"
          cancelLabel="Keep the link"
        >
          <p>
            The link stops working at once: <bdi>{name}</bdi> can no longer open the invitation or join the
            room with it. Resend a link to let them back in.
          </p>
        </ConfirmDialog>
      </ActionForm>
    </div>
  );
}
