import { expect } from 'vitest';
import { HUB_VERSION } from '../../hub/version';
import type { TestHub } from '../hub/helpers/hub-process';
import type { LoadedExtension } from './extension';
import type { TestPage } from './page';

/**
 * Paramètres → Hub du COPIL, as a member does it: the address and an invite code printed by
 * `npm run hub -- invite`, typed in lower case. Returns the Paramètres page, connected.
 */
export async function connectMember(member: LoadedExtension, hub: TestHub, name: string, role: 'member' | 'admin' = 'member', typed = hub.url): Promise<TestPage> {
  const code = await hub.invite(name, role);
  const settings = await member.open('dashboard.html#/settings');
  await settings.getByLabel('Adresse du hub').fill(typed);
  await settings.getByLabel('Code d’invitation').fill(code.toLowerCase());
  await settings.getByRole('button', { name: 'Se connecter au hub' }).click();
  await expect.poll(() => settings.locator('[data-hub-state="connected"]').textContent(), { timeout: 15_000 }).toContain(
    `en tant que ${name}, ${role === 'admin' ? 'administrateur ou administratrice' : 'membre'}`,
  );
  // The hub says its version, which this Vigie expects: said, and nothing to warn about.
  expect(await settings.locator('[data-hub-state="connected"]').textContent()).toContain(`Version du hub : ${HUB_VERSION}.`);
  expect(await settings.locator('[data-hub-version]').count()).toBe(0);
  return settings;
}
