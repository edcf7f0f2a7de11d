// One file a namespace, so that pages translated side by side do not touch the same file.
import Common from "./Common.json";
import Nav from "./Nav.json";
import Shell from "./Shell.json";
import Languages from "./Languages.json";
import SignIn from "./SignIn.json";
import Overview from "./Overview.json";
import Palette from "./Palette.json";
import Shortcuts from "./Shortcuts.json";
import NotFound from "./NotFound.json";
import OrderStatus from "./OrderStatus.json";
import Forbidden from "./Forbidden.json";
import PageError from "./PageError.json";
import Orders from "./Orders.json";
import OrderPage from "./OrderPage.json";
import OrderActions from "./OrderActions.json";
import Approvals from "./Approvals.json";
import PointsErrors from "./PointsErrors.json";

export default {
  Common,
  Nav,
  Shell,
  Languages,
  SignIn,
  Overview,
  Palette,
  Shortcuts,
  NotFound,
  OrderStatus,
  Forbidden,
  PageError,
  Orders,
  OrderPage,
  OrderActions,
  Approvals,
  PointsErrors,
};
