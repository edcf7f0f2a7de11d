"use client";
import { DialogField } from "@/components/orders/action-dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { RoleOptions } from "./roles";
import { ResultDialog, type ResultAction } from "@/components/ui/result-dialog";

export function AddUserDialog({ create, githubConfigured }: { create: ResultAction; githubConfigured: boolean }) {
  // Said up front: an OAuth-only user on an installation without GitHub sign-in could never get in.
  const passwordHint = githubConfigured
    ? "At least 12 characters. Leave empty for a user who signs in with GitHub only."
    : "At least 12 characters. Leaving it empty makes a GitHub-only user, but GitHub sign-in is not configured here, so they could not sign in yet.";
  return (
    <ResultDialog
      trigger="Add user…"
      triggerVariant="primary"
      title="Add a staff user"
      description="They sign in with this email. Share the initial password with them privately."
      submitLabel="Add user"
      send={create}
    >
      <DialogField id="new-user-email" label="Email">
        <Input id="new-user-email" name="email" type="email" required autoComplete="off" className="w-full" />
      </DialogField>
      <DialogField id="new-user-name" label="Name">
        <Input
          id="new-user-name"
          name="name"
          required
          maxLength={120}
          autoComplete="off"
          dir="auto"
          className="w-full"
        />
      </DialogField>
      <DialogField id="new-user-role" label="Role">
        <Select id="new-user-role" name="role" defaultValue="viewer" className="w-full">
          <RoleOptions />
        </Select>
      </DialogField>
      <DialogField id="new-user-password" label="Initial password" hint={passwordHint}>
        <Input
          id="new-user-password"
          name="password"
          type="password"
          minLength={12}
          autoComplete="new-password"
          aria-describedby="new-user-password-hint"
          className="w-full"
        />
      </DialogField>
    </ResultDialog>
  );
}
