import type { Rex } from '../../lib/model/rex';
import type { CoSharer, Comment, Member, Share } from '../../lib/model/share';

/** Rows as both databases return them, turned into the shared model (absent stays absent, never `null`). */
export interface ShareRow {
  id: string;
  kind: Share['kind'];
  url: string | null;
  title: string;
  summary: string | null;
  source_title: string | null;
  quote: string | null;
  published: Date | null;
  tags: string[];
  tag_labels: Record<string, string> | null;
  note: string | null;
  impact: Share['impact'] | null;
  triage: Share['triage'] | null;
  priority: Share['priority'] | null;
  language: string | null;
  rex: Rex | null;
  hidden: boolean;
  created: Date;
  updated: Date;
  seq: number;
  author_id: string;
  author_name: string;
  author_role: Member['role'];
}

export interface CommentRow {
  id: string;
  share_id: string;
  body: string;
  created: Date;
  reply_to: string | null;
  author_id: string;
  author_name: string;
  author_role: Member['role'];
}

const iso = (date: Date | string): string => new Date(date).toISOString();

export const SHARE_COLUMNS = `s.id, s.kind, s.url, s.title, s.summary, s.source_title, s.quote, s.published, s.tags, s.tag_labels, s.note, s.impact,
  s.triage, s.priority, s.language, s.rex, s.hidden, s.created, s.updated, s.seq, m.id AS author_id, m.name AS author_name, m.role AS author_role`;


function optional<T>(key: string, value: T | null): Record<string, T> {
  return value === null || value === undefined ? {} : { [key]: value };
}

/** A co-sharer as the queries build it: their member row and their own note and impact. */
export interface SharerRow {
  member_id: string;
  name: string;
  role: Member['role'];
  note: string | null;
  impact: CoSharer['impact'] | null;
  created: Date | string;
}

export const sharerFromRow = (row: SharerRow): CoSharer => ({
  member: { id: row.member_id, name: row.name, role: row.role },
  ...optional('note', row.note),
  ...optional('impact', row.impact),
  created: iso(row.created),
});

export function shareFromRow(row: ShareRow, comments: Comment[], reactions: Share['reactions'], sharers: CoSharer[] = []): Share {
  return {
    id: row.id,
    kind: row.kind,
    ...optional('url', row.url),
    title: row.title,
    ...optional('summary', row.summary),
    ...optional('sourceTitle', row.source_title),
    ...optional('quote', row.quote),
    ...optional('published', row.published && iso(row.published)),
    tags: row.tags,
    ...(row.tag_labels && Object.keys(row.tag_labels).length ? { tagLabels: row.tag_labels } : {}),
    ...optional('note', row.note),
    ...optional('impact', row.impact),
    ...optional('triage', row.triage),
    ...optional('priority', row.priority),
    ...optional('language', row.language),
    ...optional('rex', row.rex),
    author: { id: row.author_id, name: row.author_name, role: row.author_role },
    created: iso(row.created),
    updated: iso(row.updated),
    hidden: row.hidden,
    seq: Number(row.seq),
    ...(sharers.length ? { sharers } : {}),
    comments,
    reactions,
  } as Share;
}

export const commentFromRow = (row: CommentRow): Comment => ({
  id: row.id,
  author: { id: row.author_id, name: row.author_name, role: row.author_role },
  body: row.body,
  created: iso(row.created),
  ...optional('replyTo', row.reply_to),
});
