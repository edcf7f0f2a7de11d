import {
  Bell,
  CircleCheckBig,
  LayoutDashboard,
  Package,
  Rocket,
  Scale,
  ScrollText,
  Settings,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import type { NavKey } from "./nav-items";

export const NAV_ICONS: Record<NavKey, LucideIcon> = {
  overview: LayoutDashboard,
  orders: Package,
  approvals: CircleCheckBig,
  webhooks: Webhook,
  reconciliation: Scale,
  alerts: Bell,
  goLive: Rocket,
  settings: Settings,
  audit: ScrollText,
};
