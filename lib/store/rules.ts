import type { IDBPDatabase } from 'idb';
import { RuleSchema, type Rule } from '../model/rule';
import { guardQuota } from './errors';
import type { VigieSchema } from './schema';

/** The member's alert rules (the default pack's included, once seeded). */
export class RuleStore {
  constructor(private readonly db: IDBPDatabase<VigieSchema>) {}

  /** A stored rule that no longer validates is left out rather than allowed to stop every other one. */
  async list(): Promise<Rule[]> {
    return (await this.db.getAll('rules')).flatMap((rule) => {
      const checked = RuleSchema.safeParse(rule);
      return checked.success ? [checked.data] : [];
    });
  }

  async get(id: string): Promise<Rule | undefined> {
    const checked = RuleSchema.safeParse(await this.db.get('rules', id));
    return checked.success ? checked.data : undefined;
  }

  async put(rules: readonly Rule[]): Promise<void> {
    const checked = rules.map((rule) => RuleSchema.parse(rule));
    await guardQuota(async () => {
      const tx = this.db.transaction('rules', 'readwrite');
      await Promise.all([...checked.map((rule) => tx.store.put(rule)), tx.done]);
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.delete('rules', id);
  }
}
