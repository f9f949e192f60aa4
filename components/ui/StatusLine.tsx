/** What the last action did, said in words: one polite live region per screen, present from the start. */
export interface Said {
  text: string;
  kind: 'info' | 'ok' | 'error';
}

export function StatusLine({ said }: { said?: Said }) {
  return (
    <p class={`admin-status${said ? ` admin-status--${said.kind}` : ''}`} role="status">
      {said?.text}
    </p>
  );
}
