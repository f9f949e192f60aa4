import { ErrorDetails } from './ErrorDetails';

/**
 * What the last action did, said in words: a polite live region for what went well, an assertive one for
 * what went wrong (RGAA 7.5), both present from the start so that the first message is heard.
 */
export interface Said {
  text: string;
  kind: 'info' | 'ok' | 'error';
  /** The technical words (a browser's or a server's, often English), behind « Détails ». */
  detail?: string;
}

/** `base`: the line's class, `<base>--<kind>` added for its look (the admin screens' by default). */
export function StatusLine({ said, base = 'admin-status' }: { said?: Said; base?: string }) {
  const error = said?.kind === 'error';
  return (
    <div class={`${base}${said ? ` ${base}--${said.kind}` : ''}`}>
      <div role="status">{!error && said?.text}</div>
      <div role="alert">
        {error && said.text}
        {error && <ErrorDetails detail={said.detail} />}
      </div>
    </div>
  );
}
