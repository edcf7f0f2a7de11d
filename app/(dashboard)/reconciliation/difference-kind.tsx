import { useTranslations } from "next-intl";
import { Ltr } from "@/components/i18n/ltr";

const KINDS = ["mismatch", "missing_at_points", "missing_here"] as const;
const isKnown = (kind: string): kind is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(kind);

/** A difference's kind in words; one this version does not know keeps its stored name. */
export function DifferenceKind({ kind }: { kind: string }) {
  const t = useTranslations("Reconciliation.kinds");
  return isKnown(kind) ? t(kind) : <Ltr>{kind}</Ltr>;
}
