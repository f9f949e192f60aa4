// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HubVersion } from '../../components/hub/HubVersion';
import type { HubStatus } from '../../lib/messages/requests/hub';
import { speak } from './french';

/** The hub older or newer than this Vigie expects, said to the one who can act: the member, or the hub's admin. */
afterEach(cleanup);
const connected = (patch: Partial<HubStatus>): HubStatus => ({ connected: true, pending: [], ...patch });

describe('the hub’s version, in words', () => {
  it('a newer hub asks the member to update Vigie; an older one, its admin to update the hub (French)', async () => {
    await speak('fr');
    render(<HubVersion status={connected({ hubVersion: '2.0.0', versionGap: 'newer' })} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Le hub du COPIL est en version 2.0.0, plus récente que celles que cette version de Vigie connaît (1.x) : mettez Vigie à jour. Le partage continue, mais des nouveautés du hub peuvent vous manquer.',
    );
    cleanup();
    render(<HubVersion status={connected({ hubVersion: '0.9.0', versionGap: 'older' })} />);
    expect(screen.getByRole('status').textContent).toBe(
      "Le hub du COPIL est en version 0.9.0, plus ancienne que celle qu'attend cette version de Vigie (1.x) : demandez à la personne qui l'administre de le mettre à jour.",
    );
  });

  it('in English, and nothing at all for a hub this Vigie expects', async () => {
    await speak('en');
    render(<HubVersion status={connected({ hubVersion: '2.0.0', versionGap: 'newer' })} />);
    expect(screen.getByRole('status').textContent).toMatch(/^The COPIL hub runs version 2\.0\.0, newer than those this version of Vigie knows \(1\.x\): update Vigie\./);
    cleanup();
    const { container } = render(<HubVersion status={connected({ hubVersion: '1.1.0' })} />);
    expect(container.textContent).toBe('');
  });
});
