import { useMemo, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Params } from '@/lib/messages/protocol';
import type { Source } from '@/lib/model/source';
import { CURATED_CATEGORIES } from '@/lib/packs/curated-sources';
import { countText, formatNumber, refreshDoneText } from '../ui/count';
import { usePermission } from '../ui/permission';
import { PermissionWait } from '../ui/PermissionWait';
import { StatusLine, type Said } from '../ui/StatusLine';
import { AddSourceForm } from './AddSourceForm';
import { MonitorForm } from './MonitorForm';
import { OpmlButtons } from './OpmlButtons';
import { RemoveSourceDialog } from './RemoveSourceDialog';
import { SourceRow } from './SourceRow';
import { TermsPicker } from './TermsPicker';


/** Sources by category (the pack's and the member's), those without one last; titles in order within each. */
function byCategory(sources: Source[]): [string, Source[]][] {
  const compare = new Intl.Collator(uiLanguage()).compare;
  const groups = new Map<string, Source[]>();
  for (const source of [...sources].sort((a, b) => compare(a.title, b.title))) {
    const key = source.category ?? '';
    groups.set(key, [...(groups.get(key) ?? []), source]);
  }
  return [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : compare(a, b)));
}

/** The Sources screen: add by address (with discovery), edit, switch off, delete, OPML in and out, health. */
export function SourcesView({ sources }: { sources: Source[] }) {
  const [said, say] = useState<Said>();
  const [editing, setEditing] = useState<string>();
  const [removing, setRemoving] = useState<Source>();
  const [refreshing, setRefreshing] = useState(false);
  const permission = usePermission(say);
  /** The source whose access was asked for last: its row shows the cancel button while the prompt is open. */
  const [granting, setGranting] = useState<string>();

  const groups = useMemo(() => byCategory(sources), [sources]);
  const categories = useMemo(
    () =>
      [...new Set([...Object.values(CURATED_CATEGORIES), ...sources.flatMap((source) => source.category ?? [])])].sort((a, b) =>
        a.localeCompare(b, uiLanguage()),
      ),
    [sources],
  );
  const failing = sources.filter((source) => source.enabled && source.health.lastError).length;

  const refresh = async () => {
    if (refreshing) return;
    setRefreshing(true);
    say({ kind: 'info', text: t('refreshing') });
    try {
      const { added, failed } = await request('refresh', {});
      say({ kind: 'ok', text: refreshDoneText(added, failed) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    } finally {
      setRefreshing(false);
    }
  };

  const save = async (source: Source, patch: Params<'updateSource'>['patch']) => {
    try {
      const saved = await request('updateSource', { id: source.id, patch });
      say({ kind: 'ok', text: t('sourceSaved', [saved.title]) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  const remove = async (source: Source, keepItems: boolean) => {
    setRemoving(undefined);
    try {
      await request('removeSource', { id: source.id, keepItems });
      // Its row, where focus would have gone back, is gone: the list's heading takes it.
      document.getElementById('followed-title')?.focus();
      say({ kind: 'ok', text: t(keepItems ? 'sourceRemovedKept' : 'sourceRemovedDropped', [source.title]) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  // The pack's sources (Vigie's curated ones and the COPIL's): paused together when the network of an
  // administration blocks them all, resumed together, without touching the member's own.
  const pack = sources.filter((source) => source.origin !== 'user');
  const packRunning = pack.some((source) => source.enabled);
  const pausePack = async () => {
    const paused = packRunning;
    try {
      const { changed } = await request('pausePack', { paused });
      say({ kind: 'ok', text: countText(paused ? 'packPaused' : 'packResumed', changed) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  const grant = async (source: Source) => {
    setGranting(source.id);
    // First await of the click: see askToRead. A refusal or a cancel is already said.
    if (!(await permission.ask(source.url))) return;
    await refresh();
  };

  return (
    <div class="admin-view">
      <header class="admin-view__header">
        <h1>{t('navSources')}</h1>
        <p class="admin-view__count" role="status">
          {countText('sourcesCount', sources.length)}
          {failing > 0 && ` · ${t('sourcesFailing', [formatNumber(failing)])}`}
        </p>
        <div class="admin-toolbar">
          <OpmlButtons say={say} />
          <button type="button" class="button button--quiet" aria-disabled={refreshing} onClick={() => void refresh()}>
            {t('refreshNow')}
          </button>
          {pack.length > 0 && (
            <button type="button" class="button button--quiet" onClick={() => void pausePack()}>
              {t(packRunning ? 'packPause' : 'packResume')}
            </button>
          )}
        </div>
        <StatusLine said={said} />
      </header>

      <AddSourceForm say={say} />
      <TermsPicker sources={sources} say={say} />
      <MonitorForm say={say} />

      <section class="admin-section" aria-labelledby="followed-title">
        <h2 id="followed-title" tabIndex={-1}>
          {t('sourcesFollowed')}
        </h2>
        {sources.length === 0 && <p class="muted">{t('sourcesNone')}</p>}
        {groups.map(([category, members], index) => (
          <section key={category} class="source-group" aria-labelledby={`source-group-${index}`}>
            <h3 id={`source-group-${index}`} class="source-group__title">
              {category || t('sourcesNoCategory')} <span class="muted">({formatNumber(members.length)})</span>
            </h3>
            <ul class="source-list">
              {members.map((source) => (
                <SourceRow
                  key={source.id}
                  source={source}
                  editing={editing === source.id}
                  onEdit={(on) => setEditing(on ? source.id : undefined)}
                  onSave={(patch) => void save(source, patch)}
                  onRemove={() => setRemoving(source)}
                  onGrant={() => void grant(source)}
                  asking={granting === source.id && <PermissionWait permission={permission} small />}
                />
              ))}
            </ul>
          </section>
        ))}
      </section>

      <datalist id="source-categories">
        {categories.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <RemoveSourceDialog
        source={removing}
        onClose={() => setRemoving(undefined)}
        onConfirm={(keepItems) => removing && void remove(removing, keepItems)}
      />
    </div>
  );
}
