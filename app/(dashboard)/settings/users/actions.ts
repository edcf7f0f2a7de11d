"use server";
// Admins manage staff users. Each use case applies the change and its audit
// entry in one transaction. "layout" so that the settings index, which shows
// the user count, is refreshed too.
import { staffAction } from "@/lib/auth/safe-action";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/users/user-schemas";

const common = {
  role: "admin",
  genericMessage:
    "Something went wrong and the change may not have been saved. Reload the page to see where things stand.",
  revalidate: [{ path: "/settings", type: "layout" }],
} as const;

export const createUserAction = staffAction(
  { ...common, name: "createUserAction", input: createUserSchema },
  ({ db, user, input }) => createUser(db, user, input),
);

export const changeUserRoleAction = staffAction(
  { ...common, name: "changeUserRoleAction", input: changeRoleSchema },
  ({ db, user, input }) => changeUserRole(db, user, input),
);

export const setUserDisabledAction = staffAction(
  { ...common, name: "setUserDisabledAction", input: setDisabledSchema },
  ({ db, user, input }) => setUserDisabled(db, user, input),
);

export const resetUserPasswordAction = staffAction(
  { ...common, name: "resetUserPasswordAction", input: resetPasswordSchema },
  ({ db, user, input }) => resetUserPassword(db, user, input),
);
