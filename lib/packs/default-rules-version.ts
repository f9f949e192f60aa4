/**
 * The default rule pack's version, apart from the pack itself: the background compares it with what the store
 * has installed without loading the pack (which ships as a JSON file, see lib/alerts/rule-pack.ts). Raise it
 * when rules are added to default-rules.ts.
 */
export const DEFAULT_RULES_VERSION = 1;
