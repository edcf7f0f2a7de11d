// A list page's link with a filter query. Apart from the list registry, whose
// filter declarations carry zod schemas, so the browser bundle can link to a
// list without them.
export const listPageHref = (path: string, query: string) => (query ? `${path}?${query}` : path);
