import { SESSION_FORMATS } from "@/lib/domain/sessions";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import { FORMAT_LABELS } from "../../sessions/format-labels";
import { isoDay } from "./links";

const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";
type Option = { value: string; label: string };
const ALL: Option = { value: "", label: "All" };

/** One labelled filter: a select of `options`, or a date input when there are none. */
function Filter({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options?: Option[];
}) {
  const id = `filter-${name}`;
  return (
    <div className="text-sm font-medium">
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select id={id} name={name} defaultValue={value} className={field}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type="date" id={id} name={name} defaultValue={value} className={field} />
      )}
    </div>
  );
}

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. */
export function FiltersForm({
  f,
  segments,
  departments,
}: {
  f: DashboardFilters;
  segments: string[];
  departments: { id: string; name: string }[];
}) {
  const filters: Parameters<typeof Filter>[0][] = [
    {
      name: "grain",
      label: "Group by",
      value: f.grain,
      options: [
        { value: "week", label: "Week" },
        { value: "month", label: "Month" },
      ],
    },
    {
      name: "format",
      label: "Format",
      value: f.format ?? "",
      options: [ALL, ...SESSION_FORMATS.map((x) => ({ value: x, label: FORMAT_LABELS[x] ?? x }))],
    },
    {
      name: "segment",
      label: "Segment",
      value: f.segment ?? "",
      options: [
        ALL,
        ...segments.map((s) => ({ value: s, label: s })),
        { value: "none", label: "No segment" },
      ],
    },
    {
      name: "language",
      label: "Language",
      value: f.language ?? "",
      options: [
        ALL,
        { value: "en", label: "English" },
        { value: "zh", label: "Chinese" },
        { value: "vi", label: "Vietnamese" },
      ],
    },
    {
      name: "department",
      label: "Department",
      value: f.department ?? "",
      options: [ALL, ...departments.map((d) => ({ value: d.id, label: d.name }))],
    },
    { name: "from", label: "From", value: isoDay(f.fromMs) },
    { name: "to", label: "To", value: isoDay(f.toMs - 86_400_000) },
  ];
  return (
    <form
      method="get"
      action="/dashboard"
      className="grid grid-cols-2 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4 lg:grid-cols-8"
    >
      {filters.map((x) => (
        <Filter key={x.name} {...x} />
      ))}
      {f.fixMs !== undefined && <input type="hidden" name="fix" value={isoDay(f.fixMs)} />}
      {f.codes.length > 0 && <input type="hidden" name="codes" value={f.codes.join(",")} />}
      <div className="flex items-end">
        <button
          type="submit"
          className="w-full rounded-md bg-blue-700 px-3 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          Apply
        </button>
      </div>
    </form>
  );
}
