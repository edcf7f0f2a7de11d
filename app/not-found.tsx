import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted-foreground">The address may be mistyped, or the item no longer exists.</p>
      <Link href="/orders" className="mt-4 inline-block text-sm font-medium text-accent underline">
        Back to orders
      </Link>
    </main>
  );
}
