// Whether a React context that wraps a staff page's main area (#main) changes value once the page has
// hydrated, without anyone doing anything. When one does, React must hydrate again, at once, every Suspense
// boundary below it that has not hydrated yet, and one whose streamed HTML is still waiting to be revealed is
// rendered again in the browser, beside the server's hidden copy (as Radix's toast provider did from around
// the whole app: components/ui/toast.tsx). Watched through React's DevTools hook, which React calls after
// every commit in production builds too; fibers are React's internals, read here and nowhere in the app.
import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __contextChangesAroundMain?: string[];
  }
}

/** From the next page load on, notes every change of a context provider's value above #main. */
export async function watchContextsAroundMain(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Fiber = {
      tag: number;
      type: unknown;
      stateNode: unknown;
      memoizedProps: { value?: unknown } | null;
      child: Fiber | null;
      sibling: Fiber | null;
    };
    // React's work tag for a context provider (<Context value>).
    const CONTEXT_PROVIDER = 10;
    const changes: string[] = [];
    window.__contextChangesAroundMain = changes;

    /** The providers on the way from the root to #main, outermost first; null before #main is committed. */
    const providersAbove = (root: Fiber, main: Element) => {
      const stack: [Fiber, Fiber[]][] = [[root, []]];
      while (stack.length > 0) {
        const [fiber, above] = stack.pop()!;
        if (fiber.stateNode === main) return above;
        const path = fiber.tag === CONTEXT_PROVIDER ? [...above, fiber] : above;
        for (let child = fiber.child; child; child = child.sibling) stack.push([child, path]);
      }
      return null;
    };
    const nameOf = (type: unknown) =>
      (type as { displayName?: string } | null)?.displayName ?? `a context provider (${typeof type})`;

    let before: { type: unknown; value: unknown }[] | null = null;
    (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => {},
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => {
        const main = document.getElementById("main");
        const providers = main && providersAbove(root.current, main);
        if (!providers) return;
        const now = providers.map((fiber) => ({ type: fiber.type, value: fiber.memoizedProps?.value }));
        const previous = before;
        now.forEach(({ type, value }, i) => {
          const then = previous?.[i];
          if (then && then.type === type && !Object.is(then.value, value)) changes.push(nameOf(type));
        });
        before = now;
      },
    };
  });
}

/** The contexts above #main that changed since the page loaded (by their display names where they have one). */
export async function contextChangesAroundMain(page: Page): Promise<string[]> {
  return page.evaluate(
    () => window.__contextChangesAroundMain ?? ["(not watched: call watchContextsAroundMain first)"],
  );
}
