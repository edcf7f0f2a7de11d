// Preloaded into a server the benchmark measures (NODE_OPTIONS="--import …"):
// samples the event loop's delay and the garbage collector's pauses, and on
// each SIGUSR2 writes what it saw since the previous signal (delay p50/p99/max,
// GC pause total and longest, in ms) to LOOP_DELAY_FILE, then starts over.
// Plain JavaScript, so that it loads before any TypeScript loader.
import { renameSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const file = process.env.LOOP_DELAY_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let gc = { total: 0, max: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.total += entry.duration;
      gc.max = Math.max(gc.max, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const round = (value) => Math.round(value * 100) / 100;
  process.on("SIGUSR2", () => {
    const figures = {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      gcTotal: round(gc.total),
      gcMax: round(gc.max),
    };
    // Written aside and renamed into place: the bench reads the file as soon as its mtime moves,
    // and a file written in place can be read truncated, between its open and its write.
    writeFileSync(`${file}.tmp`, JSON.stringify(figures));
    renameSync(`${file}.tmp`, file);
    histogram.reset();
    gc = { total: 0, max: 0 };
  });
}
