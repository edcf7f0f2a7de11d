"use client";
// Dialogs for Points webhook endpoints on Settings → Integration. Points
// decides what it accepts; its refusals (422 duplicate URL, 403 unverified
// merchant, 404 unknown endpoint) are shown in the dialog as it said them.
import { DialogField } from "@/components/orders/action-dialog";
import { Input } from "@/components/ui/input";
import { ResultDialog, type ResultAction } from "@/components/ui/result-dialog";

// Each row's buttons read the same; the hidden name gives each its own accessible name.
const forEndpoint = (label: string, name: string) => (
  <>
    {label}
    <span className="sr-only"> {name}</span>
  </>
);

export function CreateEndpointDialog({ create, defaultUrl }: { create: ResultAction; defaultUrl: string }) {
  return (
    <ResultDialog
      trigger="Add endpoint…"
      triggerVariant="primary"
      title="Register a webhook endpoint at Points"
      description="Points sends every event to every endpoint. The secret it returns is shown only once: points-ops stores it encrypted and accepts it at once; it is never displayed."
      submitLabel="Register endpoint"
      send={create}
    >
      <DialogField id="endpoint-name" label="Name" hint="For people: e.g. production receiver, audit logger.">
        <Input
          id="endpoint-name"
          name="name"
          required
          maxLength={255}
          defaultValue="points-ops"
          autoComplete="off"
          aria-describedby="endpoint-name-hint"
          className="w-full"
        />
      </DialogField>
      <DialogField
        id="endpoint-url"
        label="URL"
        hint="This app's receiver, as Points reaches it. Points delivers over HTTPS only."
      >
        <Input
          id="endpoint-url"
          name="url"
          type="url"
          required
          maxLength={500}
          defaultValue={defaultUrl}
          autoComplete="off"
          aria-describedby="endpoint-url-hint"
          className="w-full font-mono text-xs"
        />
      </DialogField>
    </ResultDialog>
  );
}

export interface EndpointRowActionsProps {
  endpoint: { uuid: string; name: string; url: string };
  rename: ResultAction;
  changeUrl: ResultAction;
  remove: ResultAction;
}

export function EndpointRowActions({ endpoint, rename, changeUrl, remove }: EndpointRowActionsProps) {
  const nameId = `name-${endpoint.uuid}`;
  const urlId = `url-${endpoint.uuid}`;
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <ResultDialog
        trigger={forEndpoint("Rename…", endpoint.name)}
        title={`Rename "${endpoint.name}"`}
        description="Only the name changes; deliveries continue as before."
        submitLabel="Rename"
        send={(fields) => rename({ uuid: endpoint.uuid, name: fields.name })}
      >
        <DialogField id={nameId} label="Name">
          <Input
            id={nameId}
            name="name"
            required
            maxLength={255}
            defaultValue={endpoint.name}
            autoComplete="off"
            className="w-full"
          />
        </DialogField>
      </ResultDialog>
      <ResultDialog
        trigger={forEndpoint("Change URL…", endpoint.name)}
        title={`Change the URL of "${endpoint.name}"`}
        description="Points sends the next deliveries there, with the same secret."
        submitLabel="Change URL"
        send={(fields) => changeUrl({ uuid: endpoint.uuid, url: fields.url })}
      >
        <DialogField id={urlId} label="URL">
          <Input
            id={urlId}
            name="url"
            type="url"
            required
            maxLength={500}
            defaultValue={endpoint.url}
            autoComplete="off"
            className="w-full font-mono text-xs"
          />
        </DialogField>
      </ResultDialog>
      <ResultDialog
        trigger={forEndpoint("Delete…", endpoint.name)}
        title={`Delete "${endpoint.name}"?`}
        description={
          <>
            Points stops sending to <span className="break-all font-mono text-xs">{endpoint.url}</span> at once, and
            points-ops stops accepting its secret. If it is the only endpoint that reaches this app, no more webhooks
            arrive.
          </>
        }
        submitLabel="Delete endpoint"
        submitVariant="danger"
        send={() => remove({ uuid: endpoint.uuid })}
      />
    </div>
  );
}

export function ForgetSecretButton({
  endpoint,
  forget,
}: {
  endpoint: { uuid: string; name: string };
  forget: ResultAction;
}) {
  return (
    <ResultDialog
      trigger={forEndpoint("Forget secret…", endpoint.name)}
      title={`Forget the secret of "${endpoint.name}"?`}
      description="Points no longer lists this endpoint. Forgetting its secret makes the receiver refuse any delivery still signed with it."
      submitLabel="Forget secret"
      submitVariant="danger"
      send={() => forget({ uuid: endpoint.uuid })}
    />
  );
}

const SWITCH = {
  on: {
    trigger: "Switch on…",
    title: "Switch the integration on?",
    description:
      "Points accepts calls made with our key again: order actions, checkout sessions and webhook management work again.",
    submit: "Switch on",
    variant: "primary",
  },
  off: {
    trigger: "Switch off…",
    title: "Switch the integration off?",
    description:
      "For incidents: Points refuses every call made with our key (refunds, cancellations, checkout sessions) until it is switched on again here. Staff actions fail meanwhile.",
    submit: "Switch off",
    variant: "danger",
  },
} as const;

/** Offers the opposite of the last state set here; unknown (never switched here) means on. */
export function IntegrationSwitchButton({ active, setActive }: { active: boolean | null; setActive: ResultAction }) {
  const turnOn = active === false;
  const s = SWITCH[turnOn ? "on" : "off"];
  return (
    <ResultDialog
      trigger={s.trigger}
      triggerVariant={s.variant}
      title={s.title}
      description={s.description}
      submitLabel={s.submit}
      submitVariant={s.variant}
      send={() => setActive({ active: turnOn })}
    />
  );
}
