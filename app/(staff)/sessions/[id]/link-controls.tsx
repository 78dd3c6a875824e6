import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { reissueLinkAction, revokeLinkAction } from "../actions";

/** Resend a guest's personal link (the old one stops working) or revoke it. */
export function LinkControls({
  sessionId,
  invitationId,
  name,
}: {
  sessionId: string;
  invitationId: string;
  name: string;
}) {
  return (
    <div className="-my-2 flex flex-wrap items-center gap-1">
      {[
        { action: reissueLinkAction, label: "Resend", aria: `Resend link to ${name}` },
        { action: revokeLinkAction, label: "Revoke", aria: `Revoke link of ${name}` },
      ].map((c) => (
        <ActionForm key={c.label} action={c.action} className="">
          <input type="hidden" name="sessionId" value={sessionId} />
          <input type="hidden" name="invitationId" value={invitationId} />
          <Button variant="ghost" className="min-h-9 px-2" aria-label={c.aria}>
            {c.label}
          </Button>
        </ActionForm>
      ))}
    </div>
  );
}
