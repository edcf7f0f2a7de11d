// One file a namespace, so that pages translated side by side do not touch the same file.
import Alerts from "./Alerts.json";
import Approvals from "./Approvals.json";
import Audit from "./Audit.json";
import Bulk from "./Bulk.json";
import Common from "./Common.json";
import Delivery from "./Delivery.json";
import Exports from "./Exports.json";
import Filters from "./Filters.json";
import Forbidden from "./Forbidden.json";
import GoLive from "./GoLive.json";
import Integration from "./Integration.json";
import Languages from "./Languages.json";
import Nav from "./Nav.json";
import NotFound from "./NotFound.json";
import OrderActions from "./OrderActions.json";
import OrderPage from "./OrderPage.json";
import OrderStatus from "./OrderStatus.json";
import Orders from "./Orders.json";
import Overview from "./Overview.json";
import PageError from "./PageError.json";
import Pager from "./Pager.json";
import Palette from "./Palette.json";
import PointsErrors from "./PointsErrors.json";
import Reconciliation from "./Reconciliation.json";
import SavedViews from "./SavedViews.json";
import Settings from "./Settings.json";
import Shell from "./Shell.json";
import Shortcuts from "./Shortcuts.json";
import SignIn from "./SignIn.json";
import StaffActions from "./StaffActions.json";
import Timeline from "./Timeline.json";
import Users from "./Users.json";
import Webhooks from "./Webhooks.json";

export default {
  Alerts,
  Approvals,
  Audit,
  Bulk,
  Common,
  Delivery,
  Exports,
  Filters,
  Forbidden,
  GoLive,
  Integration,
  Languages,
  Nav,
  NotFound,
  OrderActions,
  OrderPage,
  OrderStatus,
  Orders,
  Overview,
  PageError,
  Pager,
  Palette,
  PointsErrors,
  Reconciliation,
  SavedViews,
  Settings,
  Shell,
  Shortcuts,
  SignIn,
  StaffActions,
  Timeline,
  Users,
  Webhooks,
};
