import bcrypt from "bcryptjs";

// Cost 11 keeps a sign-in near 100 ms on the 2-core machines we run on.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so that a wrong email and a wrong
// password take the same time and do not reveal which accounts exist.
export const UNKNOWN_USER_HASH = "$2b$11$zzGd27oFrGGkxPpa63pMLuDmJODijuOAfJoFcPe8UilLJXokfrK6O";
