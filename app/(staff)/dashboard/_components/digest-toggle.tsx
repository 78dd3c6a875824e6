import { ActionForm } from "@/components/ui/action-form";
import { setDigestAction } from "../digest-actions";

/** Opt in or out of the Monday digest (its own small form: one button that says what it does). */
export function DigestToggle({ subscribed }: { subscribed: boolean }) {
  return (
    <ActionForm action={setDigestAction} className="flex flex-wrap items-center gap-3 text-sm">
      <input type="hidden" name="subscribe" value={subscribed ? "no" : "yes"} />
      <span>
        {subscribed ? "You get the weekly digest by email." : "Get this summary by email every Monday?"}
      </span>
      <button
        type="submit"
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
      >
        {subscribed ? "Stop the weekly digest" : "Email me the weekly digest"}
      </button>
    </ActionForm>
  );
}
