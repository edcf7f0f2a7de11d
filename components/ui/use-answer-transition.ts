"use client";
// useTransition for a call whose answer changes what is on screen. React keeps
// state set after an `await` out of the transition, so such an answer was
// painted one commit before `pending` ended: a dialog showed a refusal it would
// not yet let be dismissed (it refuses to close mid-request). `run(ask, apply)`
// applies the answer inside the transition, so it is painted as `pending`
// ends; what `apply` still awaits (a refetch) keeps the transition pending.
import { useCallback, useTransition } from "react";

export type RunForAnswer = <T>(ask: () => Promise<T>, apply: (answer: T) => unknown) => void;

export function useAnswerTransition(): [pending: boolean, run: RunForAnswer] {
  const [pending, startTransition] = useTransition();
  const run: RunForAnswer = useCallback(
    (ask, apply) =>
      startTransition(async () => {
        const answer = await ask();
        let followUp: unknown;
        startTransition(() => {
          followUp = apply(answer);
        });
        await followUp;
      }),
    [],
  );
  return [pending, run];
}
