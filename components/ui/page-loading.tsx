/**
 * What stands in for a page, or a part of one, while its data loads: a few grey bars, and the
 * label for screen readers (a status, so it is announced once, politely).
 */
export function PageLoading({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" className="animate-pulse space-y-3" aria-live="polite">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholder bars
        <div key={i} aria-hidden="true" className="h-10 rounded-md bg-slate-200" />
      ))}
    </div>
  );
}
