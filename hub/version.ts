/** The hub's version, answered by /health and at joining. */
export const HUB_VERSION = '1.0.0';
