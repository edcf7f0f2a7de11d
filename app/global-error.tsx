"use client";

// Last resort when the root layout itself fails: no stack, no raw message.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 40 }}>
        <h1>Something went wrong</h1>
        <p>The error was logged. Try again, or reload the page.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
