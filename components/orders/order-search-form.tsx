import { ListToolbar } from "@/components/lists/list-toolbar";
import type { OrderSearch } from "@/lib/orders/order-search-params";

/** The order list's search and filters: results follow the search box as a person types (the URL kept in step). */
export const OrderSearchForm = ({
  search,
}: {
  search: Omit<OrderSearch, "after" | "before">;
  filterParams?: string;
}) => <ListToolbar list="orders" filter={search} searchAsYouType />;
