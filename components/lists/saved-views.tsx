"use client";
// Saved views beside a list's filters: save the filters shown under a name,
// open one (a link: the view is its URL query), copy its link to share it,
// delete one. Actions: app/(dashboard)/saved-view-actions.ts.
import { Bookmark, Link2, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { deleteViewAction, saveViewAction } from "@/app/(dashboard)/saved-view-actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FieldMessage, Label } from "@/components/ui/label";
import { useToast } from "@/components/ui/toast";
import { listPageHref } from "@/lib/lists/list-href";
import type { ListName } from "@/lib/lists/list-registry";
import type { SavedViewRow } from "@/lib/saved-views/saved-views";
import { NAME_MAX } from "@/lib/saved-views/view-limits";

/** `path` is the list's page (the registry stays on the server: its filter declarations carry zod). */
export function SavedViews({
  list,
  path,
  query,
  views,
}: {
  list: ListName;
  path: string;
  query: string;
  views: SavedViewRow[];
}) {
  const t = useTranslations("SavedViews");
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const current = views.find((view) => view.query === query);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    start(async () => {
      const result = await saveViewAction({ list, name, query });
      if (!result.ok) return setError(result.message);
      setError(null);
      setName("");
      toast({ tone: "success", title: result.message });
      router.refresh();
    });
  }

  function remove(view: SavedViewRow) {
    start(async () => {
      const result = await deleteViewAction({ id: view.id });
      toast({ tone: result.ok ? "success" : "danger", title: result.message });
      router.refresh();
    });
  }

  async function copy(view: SavedViewRow) {
    try {
      await navigator.clipboard.writeText(new URL(listPageHref(path, view.query), window.location.origin).toString());
      toast({ tone: "success", title: t("copied") });
    } catch {
      // Clipboard access needs a secure context and permission; the link itself can still be copied from the menu.
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" data-testid="saved-views-button">
          <Bookmark aria-hidden="true" className="size-4" />
          {t("button")}
          {current && <span className="max-w-40 truncate font-normal text-muted-foreground">· {current.name}</span>}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="saved-views">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={save} className="grid gap-2">
          <Label htmlFor={`${list}-view-name`}>{t("nameLabel")}</Label>
          <div className="flex flex-wrap gap-2">
            <Input
              id={`${list}-view-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={NAME_MAX}
              required
              placeholder={t("namePlaceholder")}
              className="min-w-0 flex-1 basis-48"
              aria-invalid={!!error}
              aria-describedby={error ? `${list}-view-error` : undefined}
            />
            <Button type="submit" loading={pending}>
              {t("save")}
            </Button>
          </div>
          {error && (
            <FieldMessage id={`${list}-view-error`} tone="error" role="alert">
              {error}
            </FieldMessage>
          )}
        </form>
        <section aria-labelledby={`${list}-views-title`} className="grid gap-2">
          <h3 id={`${list}-views-title`} className="text-sm font-semibold">
            {t("yours")}
          </h3>
          {views.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("none")}</p>
          ) : (
            <ul className="grid gap-1">
              {views.map((view) => (
                <li key={view.id} className="flex items-center gap-1" data-testid="saved-view">
                  {/* A page load, as the shared link is: the whole list (filters, live log) starts from the view. */}
                  <a
                    href={listPageHref(path, view.query)}
                    aria-current={view === current ? "true" : undefined}
                    className="min-w-0 flex-1 truncate rounded-md px-2 py-1 text-sm font-medium text-accent hover:bg-surface-muted aria-[current]:bg-surface-muted"
                  >
                    {view.name}
                  </a>
                  {[
                    { Icon: Link2, name: t("copyNamed", { name: view.name }), tip: t("copyLink"), run: copy },
                    { Icon: Trash2, name: t("deleteNamed", { name: view.name }), tip: t("delete"), run: remove },
                  ].map(({ Icon, name, tip, run }) => (
                    <Button
                      key={tip}
                      variant="ghost"
                      size="icon"
                      aria-label={name}
                      title={tip}
                      disabled={pending}
                      onClick={() => run(view)}
                    >
                      <Icon aria-hidden="true" className="size-4" />
                    </Button>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      </DialogContent>
    </Dialog>
  );
}
