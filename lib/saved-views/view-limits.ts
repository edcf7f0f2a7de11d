// Saved views' limits, apart from their schemas so the browser bundle can read them without zod.

/** Enough for every view a person keeps, few enough to list at once. */
export const MAX_VIEWS_PER_LIST = 50;
export const NAME_MAX = 80;
