// What was bought: the line items Points returns on GET /orders/{uuid} (§3.1
// `items`, as sent in `products`). Webhooks do not carry them, so an order
// known only from webhooks says where to get them.
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";

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

export async function OrderItems({ items }: { items: unknown }) {
  const [t, format] = await Promise.all([getTranslations("OrderPage.items"), getDisplayFormat()]);
  const rows = readItems(items);
  return (
    <Card data-testid="order-items">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows === null ? (
          <EmptyState title={t("notRead")} description={t("notReadDescription")} />
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <Table label={t("title")} stickyHeader={false}>
            <THead>
              <tr>
                <Th>{t("product")}</Th>
                <Th numeric>{t("price")}</Th>
                <Th numeric>{t("quantity")}</Th>
                <Th numeric>{t("lineTotal")}</Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((item, index) => (
                <tr key={index} data-testid="order-item">
                  <Td userText>{item.name}</Td>
                  <Td numeric>{item.price === null ? "—" : <Ltr>{format.sar(item.price)}</Ltr>}</Td>
                  <Td numeric>{item.quantity === null ? "—" : format.number(item.quantity)}</Td>
                  <Td numeric>
                    {item.price === null || item.quantity === null ? (
                      "—"
                    ) : (
                      <Ltr>{format.sar(Math.round(item.price * item.quantity * 100) / 100)}</Ltr>
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
