"use client";
// Last resort when the root layout itself fails: no stack, no raw message.
// Neither the session nor the reader's language can be read safely here, so it
// says the same in Arabic and in English, each block with its own lang and dir.
import ar from "@/messages/ar/PageError.json";
import en from "@/messages/en/PageError.json";

const BLOCKS = [
  { lang: "ar", dir: "rtl", text: ar.global },
  { lang: "en", dir: "ltr", text: en.global },
] as const;

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    // The page is in two languages; Arabic, the one most readers have, comes first.
    <html lang="ar" dir="rtl">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 40, display: "grid", gap: 32 }}>
        {BLOCKS.map(({ lang, dir, text }) => (
          <section key={lang} lang={lang} dir={dir} style={{ textAlign: "start" }}>
            <h1>{text.title}</h1>
            <p>{text.body}</p>
            <button onClick={reset}>{text.retry}</button>
          </section>
        ))}
      </body>
    </html>
  );
}
