import { ListToolbar } from "@/components/lists/list-toolbar";
import type { DeliveryFilter } from "@/lib/webhooks/delivery-filters";

export const FilterForm = ({ filter }: { filter: DeliveryFilter }) => <ListToolbar list="webhooks" filter={filter} />;
