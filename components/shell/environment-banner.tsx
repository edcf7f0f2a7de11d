import { FlaskConical, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

/** A full-width strip above every page: nobody should mistake production for the sandbox, or the reverse. */
export function EnvironmentBanner({ environment }: { environment: "sandbox" | "production" }) {
  const t = useTranslations("Shell.environment");
  const Icon = environment === "production" ? ShieldCheck : FlaskConical;
  return (
    <div
      role="note"
      data-testid="environment-banner"
      data-environment={environment}
      className={cn(
        "flex items-center justify-center gap-2 px-4 py-1.5 text-center text-xs font-semibold",
        environment === "production" ? "bg-danger text-danger-foreground" : "bg-warning-bg text-warning-fg",
      )}
    >
      <Icon aria-hidden className="size-3.5 shrink-0" />
      {t(environment)}
    </div>
  );
}
