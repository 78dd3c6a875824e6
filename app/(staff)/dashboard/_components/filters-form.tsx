import { SESSION_FORMATS } from "@/lib/domain/sessions";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import { FORMAT_LABELS } from "../../sessions/format-labels";
import { isoDay } from "./links";

const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

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
  return (
    <form
      method="get"
      action="/dashboard"
      className="grid grid-cols-2 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4 lg:grid-cols-8"
    >
      <div className="text-sm font-medium">
        <label htmlFor="filter-grain">Group by</label>
        <select id="filter-grain" name="grain" defaultValue={f.grain} className={field}>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </div>
      <div className="text-sm font-medium">
        <label htmlFor="filter-format">Format</label>
        <select id="filter-format" name="format" defaultValue={f.format ?? ""} className={field}>
          <option value="">All</option>
          {SESSION_FORMATS.map((x) => (
            <option key={x} value={x}>
              {FORMAT_LABELS[x]}
            </option>
          ))}
        </select>
      </div>
      <div className="text-sm font-medium">
        <label htmlFor="filter-segment">Segment</label>
        <select id="filter-segment" name="segment" defaultValue={f.segment ?? ""} className={field}>
          <option value="">All</option>
          {segments.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          <option value="none">No segment</option>
        </select>
      </div>
      <div className="text-sm font-medium">
        <label htmlFor="filter-language">Language</label>
        <select id="filter-language" name="language" defaultValue={f.language ?? ""} className={field}>
          <option value="">All</option>
          <option value="en">English</option>
          <option value="zh">Chinese</option>
          <option value="vi">Vietnamese</option>
        </select>
      </div>
      <div className="text-sm font-medium">
        <label htmlFor="filter-department">Department</label>
        <select id="filter-department" name="department" defaultValue={f.department ?? ""} className={field}>
          <option value="">All</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="text-sm font-medium">
        <label htmlFor="filter-from">From</label>
        <input type="date" id="filter-from" name="from" defaultValue={isoDay(f.fromMs)} className={field} />
      </div>
      <div className="text-sm font-medium">
        <label htmlFor="filter-to">To</label>
        <input
          type="date"
          id="filter-to"
          name="to"
          defaultValue={isoDay(f.toMs - 86_400_000)}
          className={field}
        />
      </div>
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
