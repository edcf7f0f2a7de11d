// Runs in the browser before the app's own modules (Next loads it ahead of
// hydration). zod 4 compiles a fast object parser with `new Function`, and
// probes whether it may when the first object schema is built; the page CSP
// allows no eval, so the probe alone is reported as a violation. Client-side
// schemas (the webhook log's filters, the shipping dialog, the users' forms,
// the palette) parse a handful of fields, where the interpreted parser is just
// as good.
import { config } from "zod/v4/core";

config({ jitless: true });
