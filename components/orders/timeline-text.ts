// The translators and formats a timeline row writes with, read once for the whole list:
// the rows that run to hundreds (webhooks, API calls) are plain components, not one
// async server component each, so a 500-row timeline renders in one pass.
import { getTranslations } from "next-intl/server";
import { getDisplayFormat } from "@/i18n/display-format";

export interface TimelineText {
  t: Awaited<ReturnType<typeof getTranslations<"Timeline">>>;
  tStatus: Awaited<ReturnType<typeof getTranslations<"OrderStatus">>>;
  tWebhooks: Awaited<ReturnType<typeof getTranslations<"Webhooks">>>;
  tShipping: Awaited<ReturnType<typeof getTranslations<"Orders.shipping">>>;
  format: Awaited<ReturnType<typeof getDisplayFormat>>;
}

export async function timelineText(): Promise<TimelineText> {
  const [t, tStatus, tWebhooks, tShipping, format] = await Promise.all([
    getTranslations("Timeline"),
    getTranslations("OrderStatus"),
    getTranslations("Webhooks"),
    getTranslations("Orders.shipping"),
    getDisplayFormat(),
  ]);
  return { t, tStatus, tWebhooks, tShipping, format };
}
