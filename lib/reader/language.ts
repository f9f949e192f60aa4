/**
 * The language an item is written in, as a `lang` attribute wants it (RGAA 8.7): the item's own (its feed entry
 * said it), else its source's. Feeds write it loosely ("en-us", "fr_FR", " EN "): it is canonicalised, and
 * anything that is not a language tag gives undefined rather than a wrong attribute.
 */
export function contentLanguage(itemLanguage: string | undefined, sourceLanguage?: string): string | undefined {
  for (const candidate of [itemLanguage, sourceLanguage]) {
    const tag = candidate?.trim().replace(/_/g, '-');
    if (!tag) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      // A language is two or three letters (ISO 639); longer first subtags are well-formed but name none
      // ("anglais" would pass as one).
      if (canonical && /^[a-z]{2,3}(-|$)/.test(canonical)) return canonical;
    } catch {
      // Not a language tag ("français", "unknown"): the next candidate, or none.
    }
  }
  return undefined;
}

/** `{ language }` for an object that carries it only when known (the model's optional field). */
export function languageField(itemLanguage: string | undefined, sourceLanguage?: string): { language?: string } {
  const language = contentLanguage(itemLanguage, sourceLanguage);
  return language ? { language } : {};
}
