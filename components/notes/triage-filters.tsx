import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EMOTIONS } from "@/lib/domain/emotions";

type Option = { value: string; label: string };

/** The filters of a triage list, as a GET form: every state is a URL. */
export function TriageFilters({
  path,
  current,
  codes,
  departments,
  customers,
}: {
  path: string;
  current: { code?: string; emotion?: string; department?: string; customer?: string; untriaged: boolean };
  codes: Option[];
  departments: Option[];
  customers?: Option[];
}) {
  const select = (name: string, label: string, options: Option[], value?: string) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 block max-w-64 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      action={path}
      className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200"
    >
      {select("code", "Reason code", codes, current.code)}
      {select(
        "emotion",
        "Emotion",
        EMOTIONS.map((e) => ({ value: e, label: e })),
        current.emotion,
      )}
      {select("department", "Department", departments, current.department)}
      {customers && select("customer", "Customer", customers, current.customer)}
      <div className="flex items-center gap-2 pb-2">
        <input
          id="filter-untriaged"
          type="checkbox"
          name="untriaged"
          value="1"
          defaultChecked={current.untriaged}
          className="size-5 accent-blue-700"
        />
        <label htmlFor="filter-untriaged" className="text-sm font-medium">
          Not triaged yet
        </label>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
      <Link href={path} className="pb-2 text-sm text-blue-800 underline">
        Clear
      </Link>
    </form>
  );
}
