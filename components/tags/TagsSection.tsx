import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import type { Tag } from '@/lib/model/tag';
import { TAG_COLOURS, type TagColour } from '@/lib/tags/personal-tag';
import { useConfirm } from '../ui/confirm';
import { countText } from '../ui/count';
import type { Said } from '../ui/StatusLine';

/**
 * The member's own tags: rename one (its items keep it), give it another colour, or merge it into another tag
 * (its items get that one instead). The shared taxonomy is listed for reference; it belongs to the collective.
 */
export function TagsSection({ say }: { say: (said: Said) => void }) {
  const [tags, setTags] = useState<Tag[]>([]);
  useEffect(() => {
    const load = () => void request('listTags', {}).then(setTags);
    load();
    return onEvent((event) => event.event === 'tagsChanged' && load());
  }, []);
  const language = uiLanguage() === 'fr' ? 'fr' : 'en';
  const personal = tags.filter((tag) => tag.scope === 'personal');
  // A merge cannot be undone: asked first (RGAA 11.12).
  const { dialog, ask } = useConfirm();

  const run = async (work: () => Promise<string>) => {
    try {
      say({ kind: 'ok', text: await work() });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  return (
    <section class="admin-section" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('tagsTitle')}</h2>
      {dialog}
      {personal.length === 0 ? (
        <p class="admin-note">{t('tagsNonePersonal')}</p>
      ) : (
        <ul class="tag-admin">
          {personal.map((tag) => (
            <PersonalTagRow
              key={tag.id}
              tag={tag}
              others={tags.filter((other) => other.id !== tag.id)}
              language={language}
              onRename={(label) =>
                void run(async () => {
                  await request('renameTag', { id: tag.id, label });
                  return t('tagRenamed', [label]);
                })
              }
              onRecolor={(color, name) =>
                void run(async () => {
                  await request('recolorTag', { id: tag.id, color });
                  return t('tagRecolored', [tag.label[language], name]);
                })
              }
              onMerge={(into) =>
                void ask(t('tagMergeConfirm', [tag.label[language], into.label[language]]), { yes: t('tagMerge'), danger: true }).then(async (yes) => {
                  if (!yes) return;
                  await run(async () => {
                    const { updated } = await request('mergeTags', { from: tag.id, into: into.id });
                    return countText('tagMerged', updated, tag.label[language], into.label[language]);
                  });
                })
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonalTagRow({ tag, others, language, onRename, onRecolor, onMerge }: {
  tag: Tag;
  others: Tag[];
  language: 'fr' | 'en';
  onRename: (label: string) => void;
  onRecolor: (color: TagColour, name: string) => void;
  onMerge: (into: Tag) => void;
}) {
  const [label, setLabel] = useState(tag.label[language]);
  const [into, setInto] = useState('');
  const name = tag.label[language];
  const target = others.find((other) => other.id === into);
  return (
    <li class="tag-admin__row">
      <span class="swatch" style={{ background: tag.color }} aria-hidden="true" />
      <form
        class="tag-admin__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (label.trim() && label.trim() !== name) onRename(label.trim());
        }}
      >
        <label>
          <span class="visually-hidden">{t('tagRenameLabel', [name])}</span>
          <input value={label} maxLength={60} onInput={(event) => setLabel(event.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--quiet" aria-label={t('tagRenameLabel', [name])}>
          {t('tagRename')}
        </button>
      </form>
      <label class="tag-admin__form">
        <span class="visually-hidden">{t('tagColourLabel', [name])}</span>
        <select
          value={tag.color}
          onChange={(event) => {
            const colour = TAG_COLOURS.find(([value]) => value === event.currentTarget.value);
            if (colour) onRecolor(colour[0], t(`colour_${colour[1]}`));
          }}
        >
          {TAG_COLOURS.map(([value, colourName]) => (
            <option value={value}>{t(`colour_${colourName}`)}</option>
          ))}
        </select>
      </label>
      <form
        class="tag-admin__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (target) onMerge(target);
        }}
      >
        <label>
          <span class="visually-hidden">{t('tagMergeLabel', [name])}</span>
          <select value={into} onChange={(event) => setInto(event.currentTarget.value)}>
            <option value="">{t('tagMergeChoose')}</option>
            {others.map((other) => (
              <option value={other.id}>{other.label[language]}</option>
            ))}
          </select>
        </label>
        <button type="submit" class="button button--quiet" disabled={!target} aria-label={t('tagMergeLabel', [name])}>
          {t('tagMerge')}
        </button>
      </form>
    </li>
  );
}
