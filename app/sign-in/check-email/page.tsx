export default function CheckEmail() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Check your email</h1>
      <p className="mt-4 text-slate-700">
        If that address belongs to a staff account, a sign-in link is on its way. It works once and expires in
        24 hours.
      </p>
    </main>
  );
}
