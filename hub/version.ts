/**
 * The hub's version, answered by /health, at joining and in every pull of changes (from 1.1.0): the major
 * number changes with the API, so the extension can tell a member or an admin that one of them is behind.
 */
export const HUB_VERSION = '1.5.0';
