// What was bought: the line items Points returns on GET /orders/{uuid} (§3.1
// `items`, as sent in `products`). Webhooks do not carry them, so an order
// known only from webhooks says where to get them.
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatSar } from "@/lib/format";

interface Item {
  name: string;
  price: number | null;
  quantity: number | null;
}

// Stored as Points sent them; read only what is there.
function readItems(items: unknown): Item[] | null {
  if (!Array.isArray(items)) return null;
  return items.map((raw) => {
    const i = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : null);
    return {
      name: typeof i.product_name === "string" ? i.product_name : "—",
      price: num(i.product_price),
      quantity: num(i.quantity),
    };
  });
}

export function OrderItems({ items }: { items: unknown }) {
  const rows = readItems(items);
  return (
    <Card data-testid="order-items">
      <CardHeader>
        <CardTitle>Items</CardTitle>
      </CardHeader>
      <CardContent>
        {rows === null ? (
          <EmptyState
            title="Not read from Points yet"
            description="Webhooks carry no line items; they arrive with the next read of the order (Fetch from Points, a reconciliation run or a staff action)."
          />
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">Points lists no items for this order.</p>
        ) : (
          <Table label="Items" stickyHeader={false}>
            <THead>
              <Tr>
                <Th>Product</Th>
                <Th numeric>Price</Th>
                <Th numeric>Quantity</Th>
                <Th numeric>Line total</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((item, index) => (
                <Tr key={index} data-testid="order-item">
                  <Td userText>{item.name}</Td>
                  <Td numeric>{item.price === null ? "—" : formatSar(item.price)}</Td>
                  <Td numeric>{item.quantity ?? "—"}</Td>
                  <Td numeric>
                    {item.price === null || item.quantity === null
                      ? "—"
                      : formatSar(Math.round(item.price * item.quantity * 100) / 100)}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
