import * as z from 'zod/mini';

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): only the fields Vigie reads; others pass. */
const AuthorSchema = z.looseObject({ name: z.optional(z.nullable(z.string())) });

export const JsonFeedItemSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  url: z.optional(z.nullable(z.string())),
  external_url: z.optional(z.nullable(z.string())),
  title: z.optional(z.nullable(z.string())),
  content_html: z.optional(z.nullable(z.string())),
  content_text: z.optional(z.nullable(z.string())),
  summary: z.optional(z.nullable(z.string())),
  date_published: z.optional(z.nullable(z.string())),
  date_modified: z.optional(z.nullable(z.string())),
  author: z.optional(z.nullable(AuthorSchema)),
  authors: z.optional(z.nullable(z.array(AuthorSchema))),
  tags: z.optional(z.nullable(z.array(z.string()))),
  language: z.optional(z.nullable(z.string())),
});

export const JsonFeedSchema = z.looseObject({
  version: z.string().check(z.regex(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/)),
  title: z.string(),
  home_page_url: z.optional(z.nullable(z.string())),
  language: z.optional(z.nullable(z.string())),
  // Items are checked one by one, so that one broken item does not cost the others.
  items: z.array(z.unknown()),
});
export type JsonFeed = z.infer<typeof JsonFeedSchema>;
