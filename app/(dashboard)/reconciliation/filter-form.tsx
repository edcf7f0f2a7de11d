import { ListToolbar } from "@/components/lists/list-toolbar";
import type { DifferenceFilter } from "@/lib/reconcile/difference-filters";

export const FilterForm = ({ filter }: { filter: DifferenceFilter }) => (
  <ListToolbar list="reconciliation" filter={filter} />
);
