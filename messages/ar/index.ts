// One file a namespace, so that pages translated side by side do not touch the same file.
import Common from "./Common.json";
import Exports from "./Exports.json";
import Filters from "./Filters.json";
import Forbidden from "./Forbidden.json";
import Languages from "./Languages.json";
import Nav from "./Nav.json";
import NotFound from "./NotFound.json";
import OrderStatus from "./OrderStatus.json";
import Overview from "./Overview.json";
import PageError from "./PageError.json";
import Palette from "./Palette.json";
import SavedViews from "./SavedViews.json";
import Shell from "./Shell.json";
import Shortcuts from "./Shortcuts.json";
import SignIn from "./SignIn.json";
import StaffActions from "./StaffActions.json";
import Timeline from "./Timeline.json";

export default {
  Common,
  Exports,
  Filters,
  Forbidden,
  Languages,
  Nav,
  NotFound,
  OrderStatus,
  Overview,
  PageError,
  Palette,
  SavedViews,
  Shell,
  Shortcuts,
  SignIn,
  StaffActions,
  Timeline,
};
