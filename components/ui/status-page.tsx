import type { ReactNode } from "react";

/**
 * The body of a page that stands in for another: not found, an error, loading. One heading, a
 * sentence, and the ways on (a link back, "try again"); no hooks, so error boundaries (client)
 * and not-found pages (server) share it.
 */
export function StatusPage({
  title,
  children,
  actions,
  brand,
  main = true,
}: {
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /** The app's name above the heading, on pages rendered without a header. */
  brand?: ReactNode;
  /** False inside a layout that already has the <main> landmark. */
  main?: boolean;
}) {
  const body = (
    <div className="mx-auto max-w-xl px-4 py-12">
      {brand && <p className="mb-6 text-lg font-bold text-blue-800">{brand}</p>}
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {children && <div className="mt-4 space-y-3 text-lg leading-relaxed text-slate-800">{children}</div>}
      {actions && <div className="mt-8 flex flex-wrap gap-3">{actions}</div>}
    </div>
  );
  return main ? <main id="main">{body}</main> : body;
}
