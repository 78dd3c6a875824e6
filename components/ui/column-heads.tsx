/**
 * A table's header row: one column header a label, each with the same cell classes; a `false`
 * label leaves its column out (a column only some viewers see).
 */
export function ColumnHeads({
  labels,
  cellClassName,
  className,
}: {
  labels: readonly (string | false)[];
  cellClassName: string;
  className?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {labels.map(
          (label) =>
            label !== false && (
              <th key={label} scope="col" className={cellClassName}>
                {label}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
