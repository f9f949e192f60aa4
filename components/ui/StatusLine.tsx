import { ErrorDetails } from './ErrorDetails';

/** What the last action did, said in words: one polite live region per screen, present from the start. */
export interface Said {
  text: string;
  kind: 'info' | 'ok' | 'error';
  /** The technical words (a browser's or a server's, often English), behind « Détails ». */
  detail?: string;
}

export function StatusLine({ said }: { said?: Said }) {
  return (
    <div class={`admin-status${said ? ` admin-status--${said.kind}` : ''}`} role="status">
      {said?.text}
      <ErrorDetails detail={said?.detail} />
    </div>
  );
}
