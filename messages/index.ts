// Every namespace, once: its English and its Arabic file (one JSON file a namespace and
// language, so that pages translated side by side do not touch the same file).
// lib/i18n/catalogue.ts builds each language's catalogue from this list.
import type { Locale } from "@/lib/i18n/locales";
import arAlerts from "./ar/Alerts.json";
import enAlerts from "./en/Alerts.json";
import arApprovals from "./ar/Approvals.json";
import enApprovals from "./en/Approvals.json";
import arAudit from "./ar/Audit.json";
import enAudit from "./en/Audit.json";
import arBulk from "./ar/Bulk.json";
import enBulk from "./en/Bulk.json";
import arCommon from "./ar/Common.json";
import enCommon from "./en/Common.json";
import arDelivery from "./ar/Delivery.json";
import enDelivery from "./en/Delivery.json";
import arExports from "./ar/Exports.json";
import enExports from "./en/Exports.json";
import arFilters from "./ar/Filters.json";
import enFilters from "./en/Filters.json";
import arForbidden from "./ar/Forbidden.json";
import enForbidden from "./en/Forbidden.json";
import arGoLive from "./ar/GoLive.json";
import enGoLive from "./en/GoLive.json";
import arIntegration from "./ar/Integration.json";
import enIntegration from "./en/Integration.json";
import arLanguages from "./ar/Languages.json";
import enLanguages from "./en/Languages.json";
import arNav from "./ar/Nav.json";
import enNav from "./en/Nav.json";
import arNotFound from "./ar/NotFound.json";
import enNotFound from "./en/NotFound.json";
import arOrderActions from "./ar/OrderActions.json";
import enOrderActions from "./en/OrderActions.json";
import arOrderPage from "./ar/OrderPage.json";
import enOrderPage from "./en/OrderPage.json";
import arOrderStatus from "./ar/OrderStatus.json";
import enOrderStatus from "./en/OrderStatus.json";
import arOrders from "./ar/Orders.json";
import enOrders from "./en/Orders.json";
import arOverview from "./ar/Overview.json";
import enOverview from "./en/Overview.json";
import arPageError from "./ar/PageError.json";
import enPageError from "./en/PageError.json";
import arPager from "./ar/Pager.json";
import enPager from "./en/Pager.json";
import arPalette from "./ar/Palette.json";
import enPalette from "./en/Palette.json";
import arPointsErrors from "./ar/PointsErrors.json";
import enPointsErrors from "./en/PointsErrors.json";
import arReconciliation from "./ar/Reconciliation.json";
import enReconciliation from "./en/Reconciliation.json";
import arSavedViews from "./ar/SavedViews.json";
import enSavedViews from "./en/SavedViews.json";
import arSettings from "./ar/Settings.json";
import enSettings from "./en/Settings.json";
import arShell from "./ar/Shell.json";
import enShell from "./en/Shell.json";
import arShortcuts from "./ar/Shortcuts.json";
import enShortcuts from "./en/Shortcuts.json";
import arSignIn from "./ar/SignIn.json";
import enSignIn from "./en/SignIn.json";
import arStaffActions from "./ar/StaffActions.json";
import enStaffActions from "./en/StaffActions.json";
import arTimeline from "./ar/Timeline.json";
import enTimeline from "./en/Timeline.json";
import arUsers from "./ar/Users.json";
import enUsers from "./en/Users.json";
import arWebhooks from "./ar/Webhooks.json";
import enWebhooks from "./en/Webhooks.json";

// The Arabic must have every English key: a missing one fails the type check here.
function namespace<T>(en: T, ar: NoInfer<T>): Record<Locale, T> {
  return { en, ar };
}

export const NAMESPACES = {
  Alerts: namespace(enAlerts, arAlerts),
  Approvals: namespace(enApprovals, arApprovals),
  Audit: namespace(enAudit, arAudit),
  Bulk: namespace(enBulk, arBulk),
  Common: namespace(enCommon, arCommon),
  Delivery: namespace(enDelivery, arDelivery),
  Exports: namespace(enExports, arExports),
  Filters: namespace(enFilters, arFilters),
  Forbidden: namespace(enForbidden, arForbidden),
  GoLive: namespace(enGoLive, arGoLive),
  Integration: namespace(enIntegration, arIntegration),
  Languages: namespace(enLanguages, arLanguages),
  Nav: namespace(enNav, arNav),
  NotFound: namespace(enNotFound, arNotFound),
  OrderActions: namespace(enOrderActions, arOrderActions),
  OrderPage: namespace(enOrderPage, arOrderPage),
  OrderStatus: namespace(enOrderStatus, arOrderStatus),
  Orders: namespace(enOrders, arOrders),
  Overview: namespace(enOverview, arOverview),
  PageError: namespace(enPageError, arPageError),
  Pager: namespace(enPager, arPager),
  Palette: namespace(enPalette, arPalette),
  PointsErrors: namespace(enPointsErrors, arPointsErrors),
  Reconciliation: namespace(enReconciliation, arReconciliation),
  SavedViews: namespace(enSavedViews, arSavedViews),
  Settings: namespace(enSettings, arSettings),
  Shell: namespace(enShell, arShell),
  Shortcuts: namespace(enShortcuts, arShortcuts),
  SignIn: namespace(enSignIn, arSignIn),
  StaffActions: namespace(enStaffActions, arStaffActions),
  Timeline: namespace(enTimeline, arTimeline),
  Users: namespace(enUsers, arUsers),
  Webhooks: namespace(enWebhooks, arWebhooks),
};
