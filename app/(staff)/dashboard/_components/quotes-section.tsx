import { Card } from "@/components/ui/card";
import type { DashboardQuote } from "@/server/analytics/quotes";
import { formatDay } from "./links";

export function QuotesSection({ quotes }: { quotes: DashboardQuote[] }) {
  return (
    <Card title="In their words">
      <p className="mb-3 text-sm text-slate-700">
        Recent quotes for the codes above, only from customers who agreed to be quoted anonymously; never with
        a name.
      </p>
      {quotes.length === 0 ? (
        <p className="text-sm">No quotable words for these codes in the last 30 days.</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {quotes.map((q) => (
            <li key={`${q.noteId}-${q.codeNumber}`}>
              <figure className="h-full rounded-md bg-slate-50 p-3">
                <blockquote className="text-base">“{q.text}”</blockquote>
                <figcaption className="mt-2 text-xs text-slate-600">
                  #{q.codeNumber} {q.codeLabel} · {q.sessionTitle} · {formatDay(q.at)}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
