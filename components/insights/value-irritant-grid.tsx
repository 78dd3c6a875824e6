import Link from "next/link";
import { ColumnHeads } from "@/components/ui/column-heads";
import { type GridAxis, QUADRANT_LABELS, type Quadrant, quadrantOf } from "@/lib/domain/insights";

export type GridItem = {
  id: string;
  title: string;
  customerAxis: GridAxis;
  companyAxis: GridAxis;
  href: string;
  /** A short line under the title, e.g. "heard 7 times · £1,240 a month". */
  detail?: string;
};

// Rows: how customers see it (value on top); columns: how the company sees it (irritant left).
const LAYOUT: { quadrant: Quadrant; customer: GridAxis; company: GridAxis }[] = [
  { quadrant: "automate", customer: "value", company: "irritant" },
  { quadrant: "leverage", customer: "value", company: "value" },
  { quadrant: "eliminate", customer: "irritant", company: "irritant" },
  { quadrant: "simplify", customer: "irritant", company: "value" },
];

const TONE: Record<Quadrant, string> = {
  eliminate: "bg-red-50 ring-red-200",
  simplify: "bg-amber-50 ring-amber-200",
  automate: "bg-sky-50 ring-sky-200",
  leverage: "bg-emerald-50 ring-emerald-200",
};

/**
 * The value/irritant grid, drawn on the server: customer axis (value above, irritant below) ×
 * company axis (irritant left, value right), each insight a card in its quadrant — eliminate,
 * simplify, automate, leverage. Each quadrant is a headed list of links, so it reads in order with
 * a screen reader and every card is reached by Tab; the same data follows as a table.
 */
export function ValueIrritantGrid({
  items,
  highlightId,
  caption = "Value / irritant grid",
  tableOpen = false,
}: {
  items: GridItem[];
  highlightId?: string;
  caption?: string;
  tableOpen?: boolean;
}) {
  const inQuadrant = (q: Quadrant) => items.filter((i) => quadrantOf(i.customerAxis, i.companyAxis) === q);
  return (
    <figure className="space-y-3" aria-labelledby="vig-caption">
      <figcaption id="vig-caption" className="font-semibold">
        {caption}
      </figcaption>
      <div
        className="grid grid-cols-[auto_1fr_1fr] grid-rows-[auto_1fr_1fr] gap-2"
        data-grid="value-irritant"
      >
        <div />
        <p
          className="text-center text-xs font-semibold uppercase tracking-wide text-slate-600"
          aria-hidden="true"
        >
          Company: irritant
        </p>
        <p
          className="text-center text-xs font-semibold uppercase tracking-wide text-slate-600"
          aria-hidden="true"
        >
          Company: value
        </p>
        {LAYOUT.map((cell, index) => {
          const list = inQuadrant(cell.quadrant);
          const label = QUADRANT_LABELS[cell.quadrant];
          return [
            index % 2 === 0 && (
              <p
                key={`axis-${cell.customer}`}
                className="self-center text-xs font-semibold uppercase tracking-wide text-slate-600 [writing-mode:vertical-rl] rotate-180"
                aria-hidden="true"
              >
                Customer: {cell.customer}
              </p>
            ),
            <section
              key={cell.quadrant}
              aria-labelledby={`q-${cell.quadrant}`}
              className={`min-h-32 rounded-lg p-3 ring-1 ${TONE[cell.quadrant]}`}
              data-quadrant={cell.quadrant}
            >
              <h3 id={`q-${cell.quadrant}`} className="font-semibold">
                {label.title} <span className="font-normal text-slate-700">({list.length})</span>
              </h3>
              <p className="text-xs text-slate-700">{label.hint}</p>
              {list.length > 0 && (
                <ul className="mt-2 space-y-1">
                  {list.map((i) => (
                    <li key={i.id}>
                      <Link
                        href={i.href}
                        aria-current={i.id === highlightId ? "true" : undefined}
                        className={`block rounded-md bg-white px-2 py-1 text-sm shadow-sm ring-1 ring-slate-200 hover:ring-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700 ${
                          i.id === highlightId ? "font-bold ring-2 ring-blue-700" : ""
                        }`}
                      >
                        {i.title}
                        {i.detail && (
                          <span className="block text-xs font-normal text-slate-600">{i.detail}</span>
                        )}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>,
          ];
        })}
      </div>
      <details open={tableOpen}>
        <summary className="cursor-pointer text-sm font-medium text-blue-800">The grid as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">{caption}, as a table</caption>
          <ColumnHeads
            labels={["Insight", "For customers", "For the company", "Quadrant"]}
            className="border-b border-slate-200"
            cellClassName="py-1 pr-3"
          />
          <tbody>
            {items.map((i) => (
              <tr key={i.id} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 font-medium">
                  <Link href={i.href} className="text-blue-800 underline">
                    {i.title}
                  </Link>
                </th>
                <td className="py-1 pr-3">{i.customerAxis}</td>
                <td className="py-1 pr-3">{i.companyAxis}</td>
                <td className="py-1">{QUADRANT_LABELS[quadrantOf(i.customerAxis, i.companyAxis)].title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
