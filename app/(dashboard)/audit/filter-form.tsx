import { ListToolbar } from "@/components/lists/list-toolbar";
import type { AuditFilter } from "@/lib/audit/audit-filters";

// The page's header keeps its own "Export CSV" link (the same export, under /api/audit/export).
export const FilterForm = ({ filter }: { filter: AuditFilter }) => (
  <ListToolbar list="audit" filter={filter} exportable={false} />
);
