// The test matrix over the double's fidelity (lib/sim/fidelity.ts): suites that
// talk to Points run once against the extended double and once against one
// that sends only what points-api.md documents.
import { describe } from "vitest";
import { FIDELITY_MODES, type FidelityMode } from "@/lib/sim/fidelity";

export const SIM_MODES = FIDELITY_MODES;

/** `describe` once per mode; the suite starts its own double in that mode. */
export function describeEachSimMode(name: string, suite: (mode: FidelityMode) => void): void {
  describe.each(SIM_MODES)(`${name} (double: %s)`, suite);
}
