// Editing an entity with versions (action item, goal, KPI, …) in a form dialog, without losing anyone's work:
// the open form follows live changes (untouched fields take the new values; touched ones stay), and when the save
// meets a newer version (409) the fields are merged three ways against the version the form started from. Only
// fields both people changed differently are shown side by side for the person to choose; the rest is saved.
import { formDialog } from './dialog.js';
import { t, addMessages } from './i18n.js';
import { toast } from './dom.js';
import { on } from './partnershipLive.js';
import { mergeFields, followLive, pick } from './merge.js';

addMessages({
  en: {
    'conflict.live': '{name} changed this while you were editing; the fields you have not touched show their version.',
    'conflict.merged': '{name} changed this in the meantime; your changes were saved together with theirs.',
    'conflict.clash': '{name} changed the same fields in the meantime. Choose which version to keep, then save.',
    'conflict.both': 'You and they both changed “{field}”', 'conflict.yours': 'Yours',
  },
  id: {
    'conflict.live':
      '{name} mengubah data ini saat Anda menyunting; isian yang belum Anda ubah kini menampilkan versi mereka.',
    'conflict.merged': '{name} sudah mengubah data ini lebih dulu; perubahan Anda disimpan bersama perubahan mereka.',
    'conflict.clash': '{name} mengubah isian yang sama lebih dulu. Pilih versi yang ingin disimpan, lalu simpan.',
    'conflict.both': 'Anda dan mereka sama-sama mengubah “{field}”', 'conflict.yours': 'Versi Anda',
  },
});

const nameOf = (entity, fallback) => entity?.updatedByName || fallback || t('common.someone');

/**
 * A form dialog for `entity` (null: a new one, no versions yet). save(values, version) sends the form and returns
 * the saved entity; `event` is the live event that carries the entity (e.g. 'action.updated'). Form fields are named
 * after the entity's properties (formOf(entity) maps an entity to what its form shows, where a field differs).
 * onConflict(current) lets the page show the newer version behind the dialog.
 */
export function versionedDialog({ entity, event, save, onConflict, formOf = e => e, ...options }) {
  if (!entity) return formDialog({ ...options, onSubmit: values => save(values, 0) });
  const keys = options.fields.map(f => f.name);
  let base = pick(formOf(entity), keys);
  let version = entity.version;
  let handle = null;
  const off = on(event, current => {
    if (current.id !== entity.id || current.version <= version || !handle) return;
    const { updates } = followLive(base, handle.values(), pick(formOf(current), keys), keys);
    for (const [key, value] of Object.entries(updates)) handle.set(key, value);
    handle.note(t('conflict.live', { name: nameOf(current) }));
  });
  const submit = async (mine, dialog) => {
    try {
      return await save(mine, version);
    } catch (err) {
      if (err?.status !== 409 || !err.problem?.current) throw err;
      const current = err.problem.current;
      const name = nameOf(current, err.problem.changedBy);
      onConflict?.(current);
      const { merged, clashes } = mergeFields(base, mine, pick(formOf(current), keys), keys);
      base = pick(formOf(current), keys);
      version = current.version;
      if (clashes.length === 0) {
        const saved = await submit(merged, dialog);
        toast(t('conflict.merged', { name }), 'info');
        return saved;
      }
      for (const [key, value] of Object.entries(merged)) dialog.set(key, value);
      dialog.clashes(clashes, name);
      dialog.note(t('conflict.clash', { name }));
      throw Object.assign(new Error('conflict'), { keepOpen: true });
    }
  };
  handle = formDialog({
    ...options,
    onClose: () => { off(); options.onClose?.(); },
    onSubmit: (values, { handle: h }) => submit(values, h),
  });
  return handle;
}
