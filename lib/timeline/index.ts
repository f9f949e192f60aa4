/** The timeline ("diagnostic") of Meta's changes: pure data, no Preact. */
export * from './axis';
export * from './counts';
export * from './filter';
export * from './hit';
export * from './past-event';
export * from './points';
