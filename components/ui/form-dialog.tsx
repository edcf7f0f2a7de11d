"use client";
// The frame every form-in-a-dialog shares: trigger, title, the form, an error
// kept next to it, Close and a submit button that shows the request is running.
// The caller owns the state and what submitting means.
import { useTranslations } from "next-intl";
import type { FormEvent, ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "./dialog";
import { FieldMessage } from "./label";

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  title: ReactNode;
  description: ReactNode;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  pending: boolean;
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children?: ReactNode;
}

export function FormDialog(p: FormDialogProps) {
  const closeLabel = useTranslations("Common")("close");
  return (
    <Dialog open={p.open} onOpenChange={p.onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={p.triggerVariant ?? "secondary"} size="sm">
          {p.trigger}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{p.title}</DialogTitle>
          <DialogDescription>{p.description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={p.onSubmit} className="grid gap-4">
          {p.children}
          {p.error && (
            <FieldMessage tone="error" role="alert">
              {p.error}
            </FieldMessage>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={p.pending}>
                {closeLabel}
              </Button>
            </DialogClose>
            <Button type="submit" variant={p.submitVariant ?? "primary"} loading={p.pending}>
              {p.submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
