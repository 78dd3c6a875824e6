import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import { TextArea } from "@/components/ui/field";
import type { Language } from "@/lib/domain/languages";
import type { ChangeMessagesView } from "@/server/action-items/tell-customers/change-messages-view";
import { decideChangeMessagesAction } from "../../actions";

const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  zh: "Chinese (Simplified)",
  vi: "Vietnamese",
};
const FIELD: Record<Language, string> = { en: "summaryEn", zh: "summaryZh", vi: "summaryVi" };

/**
 * "You told us, we changed": who will get the message and who will not (and why), the draft in
 * each recipient language, and the facilitator's send / hold decision.
 */
export function TellCustomers({ actionId, view }: { actionId: string; view: ChangeMessagesView }) {
  const waiting = view.recipients.filter((r) => r.status === "draft" || r.status === "held").length;
  return (
    <Card title="You told us, we changed">
      {view.recipients.length === 0 ? (
        <p className="text-slate-600">
          No customer's words are evidence of this insight, so nobody is written to.
        </p>
      ) : (
        <div className="space-y-5">
          <table className="w-full text-left text-sm">
            <caption className="pb-2 text-left font-semibold text-slate-700">
              Customers whose words are evidence
            </caption>
            <ColumnHeads
              labels={["Customer", "Language", "Message"]}
              className="border-b border-slate-200"
              cellClassName="py-2 pr-3"
            />
            <tbody>
              {view.recipients.map((r) => (
                <tr
                  key={r.customerId}
                  className="border-b border-slate-100"
                  data-recipient={r.excluded ? "excluded" : "included"}
                >
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {r.name}
                  </th>
                  <td className="py-2 pr-3">{LANGUAGE_NAMES[r.language]}</td>
                  <td className="py-2">
                    {r.excluded ? (
                      <span className="text-slate-700">Not sent: {r.excluded}</span>
                    ) : (
                      <Badge status={r.status === "sent" ? "done" : r.status === "held" ? "draft" : "open"}>
                        {r.status === "not_drafted" ? "not drafted" : r.status}
                      </Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {waiting > 0 ? (
            <ActionForm action={decideChangeMessagesAction} className="space-y-4">
              <input type="hidden" name="actionId" value={actionId} />
              {view.drafts.map((d) => (
                <div key={d.language} className="space-y-2 rounded-md bg-slate-50 p-3">
                  <TextArea
                    name={FIELD[d.language]}
                    label={`What changed, in ${LANGUAGE_NAMES[d.language]}`}
                    hint={
                      d.language === "en"
                        ? "Plain words, as a customer would say it."
                        : "Leave blank to send the English text."
                    }
                    defaultValue={d.language === "en" ? d.change : ""}
                    rows={3}
                  />
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-blue-800">
                      Preview the {LANGUAGE_NAMES[d.language]} message
                    </summary>
                    <p className="mt-2 text-sm font-semibold">{d.subject}</p>
                    <pre className="mt-1 whitespace-pre-wrap font-sans text-sm text-slate-800">{d.text}</pre>
                  </details>
                </div>
              ))}
              <div className="flex flex-wrap gap-3">
                <Button name="decision" value="send">
                  Send to {waiting} customer{waiting === 1 ? "" : "s"}
                </Button>
                <Button name="decision" value="hold" variant="secondary">
                  Hold
                </Button>
              </div>
            </ActionForm>
          ) : (
            <p className="text-sm text-slate-600">Nothing waiting to be sent.</p>
          )}
        </div>
      )}
    </Card>
  );
}
