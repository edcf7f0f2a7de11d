import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10" data-testid="forbidden">
      <h1 className="text-xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        Your role does not include it. Ask an admin if you need access.
      </p>
      <Link href="/orders" className="mt-4 inline-block text-sm font-medium text-accent underline">
        Back to orders
      </Link>
    </main>
  );
}
