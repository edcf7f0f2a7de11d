// Preloaded into a server the benchmark measures (NODE_OPTIONS="--import …"):
// samples the event loop's delay, and on each SIGUSR2 writes what it saw since
// the previous signal (p50/p99/max in ms) to LOOP_DELAY_FILE, then starts over.
// Plain JavaScript, so that it loads before any TypeScript loader.
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.LOOP_DELAY_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on("SIGUSR2", () => {
    const figures = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
    writeFileSync(file, JSON.stringify(figures));
    histogram.reset();
  });
}
