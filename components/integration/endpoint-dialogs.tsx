"use client";
// Dialogs for Points webhook endpoints on Settings → Integration. Points
// decides what it accepts; its refusals (422 duplicate URL, 403 unverified
// merchant, 404 unknown endpoint) are shown in the dialog as it said them.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Ltr } from "@/components/i18n/ltr";
import { saidAs } from "@/components/i18n/said-as";
import { DialogField } from "@/components/orders/action-dialog";
import { Input } from "@/components/ui/input";
import { ResultDialog, type ResultAction } from "@/components/ui/result-dialog";

// An endpoint's name is the admin's own text: isolated from the sentence's direction.
const isolated = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

// Each row's buttons read the same; the hidden name gives each its own accessible name.
const forEndpoint = (label: string, name: string) => (
  <>
    {label}
    <span className="sr-only">
      {" "}
      <bdi>{name}</bdi>
    </span>
  </>
);

export function CreateEndpointDialog({ create, defaultUrl }: { create: ResultAction; defaultUrl: string }) {
  const t = useTranslations("Integration");
  return (
    <ResultDialog
      trigger={t("create.trigger")}
      triggerVariant="primary"
      title={t("create.title")}
      description={t("create.description")}
      submitLabel={t("create.submit")}
      unreachable={t("unreachable")}
      send={saidAs(create, (fields) => t("create.done", { name: String(fields.name).trim() }))}
    >
      <DialogField id="endpoint-name" label={t("create.name")} hint={t("create.nameHint")}>
        <Input
          id="endpoint-name"
          name="name"
          required
          maxLength={255}
          defaultValue="points-ops"
          autoComplete="off"
          dir="auto"
          aria-describedby="endpoint-name-hint"
          className="w-full"
        />
      </DialogField>
      <DialogField id="endpoint-url" label={t("create.url")} hint={t("create.urlHint")}>
        <Input
          id="endpoint-url"
          name="url"
          type="url"
          required
          maxLength={500}
          defaultValue={defaultUrl}
          autoComplete="off"
          dir="ltr"
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
  const t = useTranslations("Integration");
  const name = endpoint.name;
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <ResultDialog
        trigger={forEndpoint(t("rename.trigger"), name)}
        title={t.rich("rename.title", { name, id: isolated })}
        description={t("rename.description")}
        submitLabel={t("rename.submit")}
        unreachable={t("unreachable")}
        send={saidAs(
          rename,
          (fields) => t("rename.done", { name: String(fields.name).trim() }),
          (fields) => ({ uuid: endpoint.uuid, name: fields.name }),
        )}
      >
        <DialogField id={nameId} label={t("rename.label")}>
          <Input
            id={nameId}
            name="name"
            required
            maxLength={255}
            defaultValue={endpoint.name}
            autoComplete="off"
            dir="auto"
            className="w-full"
          />
        </DialogField>
      </ResultDialog>
      <ResultDialog
        trigger={forEndpoint(t("changeUrl.trigger"), name)}
        title={t.rich("changeUrl.title", { name, id: isolated })}
        description={t("changeUrl.description")}
        submitLabel={t("changeUrl.submit")}
        unreachable={t("unreachable")}
        send={saidAs(
          changeUrl,
          () => t("changeUrl.done"),
          (fields) => ({ uuid: endpoint.uuid, url: fields.url }),
        )}
      >
        <DialogField id={urlId} label={t("changeUrl.label")}>
          <Input
            id={urlId}
            name="url"
            type="url"
            required
            maxLength={500}
            defaultValue={endpoint.url}
            autoComplete="off"
            dir="ltr"
            className="w-full font-mono text-xs"
          />
        </DialogField>
      </ResultDialog>
      <ResultDialog
        trigger={forEndpoint(t("delete.trigger"), name)}
        title={t.rich("delete.title", { name, id: isolated })}
        description={t.rich("delete.description", {
          url: endpoint.url,
          code: (chunks) => <Ltr className="break-all font-mono text-xs">{chunks}</Ltr>,
        })}
        submitLabel={t("delete.submit")}
        submitVariant="danger"
        unreachable={t("unreachable")}
        send={saidAs(
          remove,
          () => t("delete.done"),
          () => ({ uuid: endpoint.uuid }),
        )}
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
  const t = useTranslations("Integration");
  return (
    <ResultDialog
      trigger={forEndpoint(t("forget.trigger"), endpoint.name)}
      title={t.rich("forget.title", { name: endpoint.name, id: isolated })}
      description={t("forget.description")}
      submitLabel={t("forget.submit")}
      submitVariant="danger"
      unreachable={t("unreachable")}
      send={saidAs(
        forget,
        () => t("forget.done"),
        () => ({ uuid: endpoint.uuid }),
      )}
    />
  );
}

const SWITCH = { on: "switchOn", off: "switchOff" } as const;

/** Offers the opposite of the last state set here; unknown (never switched here) means on. */
export function IntegrationSwitchButton({ active, setActive }: { active: boolean | null; setActive: ResultAction }) {
  const t = useTranslations("Integration");
  const turnOn = active === false;
  const s = SWITCH[turnOn ? "on" : "off"];
  const variant = turnOn ? "primary" : "danger";
  return (
    <ResultDialog
      trigger={t(`${s}.trigger`)}
      triggerVariant={variant}
      title={t(`${s}.title`)}
      description={t(`${s}.description`)}
      submitLabel={t(`${s}.submit`)}
      submitVariant={variant}
      unreachable={t("unreachable")}
      send={saidAs(
        setActive,
        () => t(`${s}.done`),
        () => ({ active: turnOn }),
      )}
    />
  );
}
