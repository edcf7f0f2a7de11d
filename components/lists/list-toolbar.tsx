// Everything beside a list that works on its filters: the filter bar, the
// user's saved views of the list and, for the lists that have one, the CSV
// export of what the filters select. A server component: it reads the
// signed-in user's views; the page has checked the role already.
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { listPageHref } from "@/lib/lists/list-href";
import { LISTS, type ListName } from "@/lib/lists/list-registry";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { toLocalTime } from "@/lib/time/riyadh";
import { ExportButton } from "./export-button";
import { ListFilters } from "./list-filters";
import { SavedViews } from "./saved-views";

export async function ListToolbar({
  list,
  filter,
  searchAsYouType,
  exportable = true,
}: {
  list: ListName;
  filter: Record<string, unknown>;
  searchAsYouType?: boolean;
  /** The audit page offers its export in its header. */
  exportable?: boolean;
}) {
  const { filters, role } = LISTS[list];
  const user = await requireUser(role);
  const views = await listSavedViews(getDb(), user.id, list);
  const query = filters.toParams(filter).toString();
  const values = Object.fromEntries(
    filters.controls.map(({ name, control }) => {
      const value = typeof filter[name] === "string" ? (filter[name] as string) : "";
      // Time fields show Riyadh wall-clock time, whatever offset the URL used.
      return [name, control.kind === "time" && value ? toLocalTime(value) : value];
    }),
  );
  return (
    <div className="mb-4 grid gap-3" data-testid="list-toolbar">
      <ListFilters
        list={list}
        path={filters.path}
        controls={filters.controls}
        values={values}
        searchAsYouType={searchAsYouType}
      />
      <div className="flex flex-wrap items-center gap-2">
        <SavedViews list={list} path={filters.path} query={query} views={views} />
        {exportable && <ExportButton href={listPageHref(`/api/exports/${list}`, query)} />}
      </div>
    </div>
  );
}
