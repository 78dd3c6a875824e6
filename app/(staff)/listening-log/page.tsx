import type { Metadata } from "next";
import { CodeNumberField } from "@/components/notes/code-number-field";
import { CodePicker } from "@/components/notes/code-picker";
import { NoteTriageList } from "@/components/notes/note-triage-list";
import { TriageFilters } from "@/components/notes/triage-filters";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { instantToZonedWallTime } from "@/lib/dates";
import { CONTACT_KINDS, NOTE_KINDS } from "@/lib/domain/backroom";
import { EMOTIONS } from "@/lib/domain/emotions";
import { LISTENING_CHANNEL_LABELS, LISTENING_CHANNELS } from "@/lib/domain/listening";
import { requireStaffPage } from "@/server/auth/staff";
import { listInsightTitles } from "@/server/insights/list-insight-titles";
import { listListeningLog } from "@/server/notes/list-listening-log";
import { addListeningNoteAction } from "./actions";

export const metadata: Metadata = { title: "Listening log" };

const options = (values: readonly string[], labels: Record<string, string> = {}) =>
  values.map((v) => ({ value: v, label: labels[v] ?? v.replace("_", " ") }));

export default async function ListeningLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const log = await listListeningLog(actor, {
    code: one(sp.code),
    emotion: one(sp.emotion),
    department: one(sp.department),
    untriaged: one(sp.untriaged),
  });
  const insights = log.canTriage ? await listInsightTitles(actor) : [];
  const today = instantToZonedWallTime(new Date(), actor.timeZone).slice(0, 10);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Listening log</h1>
        <p className="mt-1 text-slate-700">
          What you heard outside a session — a call you listened to, what an advisor reports. It feeds the
          same codebook and insights as the rooms.
        </p>
      </div>
      <Card title="Log what you heard">
        <ActionForm action={addListeningNoteAction} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField
              name="heardOn"
              type="date"
              label="Day heard"
              defaultValue={today}
              max={today}
              required
            />
            <SelectField
              name="channel"
              label="Where"
              options={options(LISTENING_CHANNELS, LISTENING_CHANNEL_LABELS)}
            />
            <SelectField
              name="kind"
              label="Kind"
              options={options(NOTE_KINDS, { quote: "Quote (their words)", summary: "Summary (yours)" })}
            />
          </div>
          <TextArea name="text" label="What was said" rows={3} required />
          <CodeNumberField codes={log.codes} />
          <CodePicker codes={log.codes} />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField name="emotion" label="Emotion" options={options(EMOTIONS)} />
            <SelectField
              name="contact"
              label="First or repeat contact"
              options={options(CONTACT_KINDS, {
                first: "First contact",
                repeat: "Repeat contact",
                unknown: "Not known",
              })}
              defaultValue="unknown"
            />
            <SelectField
              name="departmentId"
              label="Department that caused it"
              options={[
                { value: "", label: "Not known" },
                ...log.departments.map((d) => ({ value: d.id, label: d.name })),
              ]}
            />
          </div>
          <TextField
            name="customerEmail"
            type="email"
            label="Customer's email (optional)"
            hint="Links the note to the customer's record in the directory"
          />
          <Button>Log it</Button>
        </ActionForm>
      </Card>
      <section aria-labelledby="logged" className="space-y-3">
        <h2 id="logged" className="text-xl font-semibold">
          {log.canTriage ? "Everything logged" : "What you logged"}
        </h2>
        <TriageFilters
          path="/listening-log"
          current={log.filter}
          codes={log.codes.map((c) => ({ value: c.id, label: `${c.number} · ${c.label}` }))}
          departments={log.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <NoteTriageList
          notes={log.notes}
          insights={insights}
          timeZone={actor.timeZone}
          canTriage={log.canTriage}
          empty="Nothing logged yet."
        />
      </section>
    </div>
  );
}
