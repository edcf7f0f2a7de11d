"use client";
// A row button that runs one server action, says how it went, and reloads the
// page's server-rendered lists (a refusal usually means the row changed meanwhile).
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { useToast, type ToastInput } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";

export type Outcome = { ok: true; toast: ToastInput } | { ok: false; message: string };

export function ActionButton({
  children,
  about,
  title,
  variant = "secondary",
  failureTitle,
  run,
}: {
  children: ReactNode;
  /** what the button acts on, for screen readers when many rows have one */
  about: string;
  title?: string;
  variant?: ButtonVariant;
  failureTitle: string;
  run: () => Promise<Outcome>;
}) {
  const [pending, runForAnswer] = useAnswerTransition();
  const { toast } = useToast();
  const router = useRouter();
  const click = () =>
    runForAnswer(run, (result) => {
      toast(result.ok ? result.toast : { tone: "danger", title: failureTitle, description: result.message });
      router.refresh();
    });
  return (
    <Button variant={variant} size="sm" loading={pending} onClick={click} title={title}>
      {children}
      {/* Field names and order numbers inside: isolated, as identifiers are. */}
      <span className="sr-only">
        {" "}
        <bdi>{about}</bdi>
      </span>
    </Button>
  );
}
