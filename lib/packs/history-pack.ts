import * as z from 'zod/mini';
import { SignificanceSchema } from '../model/change';

/**
 * Facebook's history, shipped with Vigie so that the Diagnostic shows it on the first day (the seed asks for
 * « un diagnostic sur les annonces, les changements et les tergiversations de Facebook depuis sa création »):
 * - from 2004 to 2022, the announcements and changes community managers still cite, curated by hand, each
 *   with a source (`curated-events.json`);
 * - from 2022, every recorded change of Meta's documents in Open Terms Archive's Platform Governance Archive
 *   (`ota-changes.json`, derived from a copy of `pga-versions` by `npm run history`).
 * The build joins both into `packs/history.json`, which the Diagnostic reads.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const Https = z.string().check(z.regex(/^https:\/\/[^\s]+$/, 'not an https address'));
const Words = z.object({ fr: z.string().check(z.minLength(1), z.maxLength(120)), en: z.string().check(z.minLength(1), z.maxLength(120)) });

export const CuratedEventSchema = z.object({
  date: z.string().check(z.regex(DAY, 'not a YYYY-MM-DD day')),
  title: Words,
  summary: z.object({ fr: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) }),
  /** A shared taxonomy id. */
  category: z.string(),
  url: Https,
  /** The two sources the event was checked against. */
  checkedWith: z.array(Https).check(z.minLength(2)),
});
export type CuratedEvent = z.infer<typeof CuratedEventSchema>;

/** One document changed by one OTA commit. Compact: there are thousands. */
export const OtaHistoryChangeSchema = z.object({
  /** The commit's date, ISO. */
  date: z.string(),
  service: z.string(),
  document: z.string(),
  added: z.int(),
  removed: z.int(),
  significance: SignificanceSchema,
  /** The commit, in `pga-versions`: https://github.com/OpenTermsArchive/pga-versions/commit/<sha>. */
  sha: z.string().check(z.regex(/^[0-9a-f]{40}$/)),
});
export type OtaHistoryChange = z.infer<typeof OtaHistoryChangeSchema>;

export const OtaHistorySchema = z.object({
  repository: z.literal('OpenTermsArchive/pga-versions'),
  /** The commit of `pga-versions` the history was derived from, and its date. */
  head: z.string(),
  headDate: z.string(),
  licence: z.string(),
  attribution: z.string(),
  changes: z.array(OtaHistoryChangeSchema),
});
export type OtaHistory = z.infer<typeof OtaHistorySchema>;

export const HistoryPackSchema = z.object({
  format: z.literal('vigie-history'),
  version: z.literal(1),
  events: z.array(CuratedEventSchema),
  ota: OtaHistorySchema,
});
export type HistoryPack = z.infer<typeof HistoryPackSchema>;

export const HISTORY_PACK_PATH = '/packs/history.json';
export const OTA_VERSIONS_REPO = 'https://github.com/OpenTermsArchive/pga-versions';

export const otaCommitUrl = (sha: string) => `${OTA_VERSIONS_REPO}/commit/${sha}`;
