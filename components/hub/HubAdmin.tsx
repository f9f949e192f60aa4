import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate } from '@/lib/i18n/dates';
import { namedMember } from '@/lib/i18n/elision';
import { request } from '@/lib/messages/client';
import type { Result } from '@/lib/messages/protocol';
import { useConfirm } from '../ui/confirm';
import { countText } from '../ui/count';
import { Required } from '../ui/Required';
import type { Said } from '../ui/StatusLine';
import { LicenceForm } from './LicenceForm';

type Members = Result<'hubMembers'>;

/**
 * For the hub's admins, in Paramètres: invite a member (the one-time code to send them), see who is in
 * the collective, revoke a member's access. The same as the hub's admin commands, without a terminal.
 */
export function HubAdmin({ say, me }: { say: (said: Said) => void; me: string }) {
  const { dialog, ask } = useConfirm();
  const [members, setMembers] = useState<Members>();
  const [name, setName] = useState('');
  const [role, setRole] = useState<'member' | 'admin'>('member');
  const [code, setCode] = useState<{ name: string; code: string }>();
  const fail = (error: unknown) => say({ kind: 'error', text: errorText(error) });
  const load = () => void request('hubMembers', {}).then(setMembers, fail);
  /** Who may write the fiches conseils: admins always, members the admins choose. */
  const setEditor = async (member: Members[number], editor: boolean) => {
    // Shown at once as asked (a box that springs back while the hub answers would be clicked again); the
    // list read afterwards says what the hub holds.
    setMembers((current) => current?.map((entry) => (entry.id === member.id ? { ...entry, editor } : entry)));
    try {
      await request('hubSetEditor', { memberId: member.id, editor });
      say({ kind: 'ok', text: t(editor ? 'hubEditorGranted' : 'hubEditorWithdrawn', [member.name]) });
    } catch (error) {
      fail(error);
    }
    load();
  };
  useEffect(load, []);

  const invite = async (event: Event) => {
    event.preventDefault();
    try {
      const answer = await request('hubInvite', { name: name.trim(), role });
      setCode({ name: name.trim(), code: answer.code });
      setName('');
      say({ kind: 'ok', text: t('hubInviteMade', [answer.code]) });
    } catch (error) {
      fail(error);
    }
  };
  const revoke = async (member: Members[number]) => {
    if (!(await ask(t('hubRevokeConfirm', namedMember(member.name)), { yes: t('hubRevoke'), danger: true }))) return;
    try {
      await request('hubRevoke', { id: member.id });
      say({ kind: 'ok', text: t('hubRevoked', namedMember(member.name)) });
      load();
    } catch (error) {
      fail(error);
    }
  };
  const publish = async (pack: 'sources' | 'rules') => {
    if (!(await ask(t(`hubPublishConfirm_${pack}`)))) return;
    try {
      const { version, count } = await request('hubPublishPack', { name: pack });
      say({ kind: 'ok', text: countText(`hubPublished_${pack}`, count, String(version)) });
    } catch (error) {
      fail(error);
    }
  };
  const language = uiLanguage();
  return (
    <div class="hub-admin">
      {dialog}
      <h3>{t('hubAdminTitle')}</h3>
      <p class="admin-note">{t('hubPacksIntro')}</p>
      <div class="hub-actions">
        <button type="button" class="button button--small button--quiet" onClick={() => void publish('sources')}>
          {t('hubPublish_sources')}
        </button>
        <button type="button" class="button button--small button--quiet" onClick={() => void publish('rules')}>
          {t('hubPublish_rules')}
        </button>
      </div>
      <form class="admin-form hub-admin__invite" onSubmit={(event) => void invite(event)}>
        <label class="field">
          <span class="field__label">{t('hubInviteName')}<Required /></span>
          <input type="text" required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('hubInviteRole')}</span>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as 'member' | 'admin')}>
            <option value="member">{t('hubRole_member')}</option>
            <option value="admin">{t('hubRole_admin')}</option>
          </select>
        </label>
        <button type="submit" class="button button--small" disabled={!name.trim()}>
          {t('hubInvite')}
        </button>
      </form>
      {code && (
        <p class="hub-admin__code">
          {t('hubInviteFor', [code.name])} <output>{code.code}</output>
        </p>
      )}
      <LicenceForm say={say} />
      {members && (
        <table class="hub-admin__members">
          <caption>{countText('hubMembersCaption', members.filter((m) => !m.revoked).length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hubMemberName')}</th>
              <th scope="col">{t('hubInviteRole')}</th>
              <th scope="col">{t('hubMemberEditor')}</th>
              <th scope="col">{t('hubMemberSince')}</th>
              <th scope="col">{t('hubMemberAccess')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>{t(`hubRole_${member.role}`)}</td>
                <td>
                  {member.role === 'admin' ? (
                    t('hubEditorAlways')
                  ) : (
                    <label class="checkbox">
                      <input type="checkbox" checked={!!member.editor} disabled={!!member.revoked} onChange={(event) => void setEditor(member, event.currentTarget.checked)} />{' '}
                      <span class="visually-hidden">{t('hubEditorFor', [member.name])}</span>
                    </label>
                  )}
                </td>
                <td>{fullDate(member.created, language)}</td>
                <td>
                  {member.revoked ? (
                    t('hubMemberRevoked', [fullDate(member.revoked, language)])
                  ) : member.id === me ? (
                    t('hubMemberYou')
                  ) : (
                    <button type="button" class="button button--small button--quiet" onClick={() => void revoke(member)} aria-label={`${t('hubRevoke')} : ${member.name}`}>
                      {t('hubRevoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
