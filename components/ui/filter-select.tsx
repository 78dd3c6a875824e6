/** A choice in a select: the value sent and the words shown. */
export type Choice = { value: string; label: string };

/**
 * A list filter's select in a GET form: an empty first choice (`any`, e.g. "All formats") leaves
 * the filter off, then the choices, under its label.
 */
export function FilterSelect({
  label,
  name,
  value,
  any,
  choices,
  className,
}: {
  label: string;
  name: string;
  value: string | undefined;
  any: string;
  choices: readonly Choice[];
  className: string;
}) {
  return (
    <label className="text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={className}>
        <option value="">{any}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
