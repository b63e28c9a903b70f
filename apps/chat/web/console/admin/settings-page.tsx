import { useState } from 'preact/hooks';
import { en } from '../i18n/en';
import { MessageKey, t } from '../i18n/i18n';
import { changedSettings, InvalidJson, kindOf, Settings, toDraft } from '../lib/settings-draft';
import { AdminOutcome } from './admin-outcome';
import { useAdminPage } from './use-admin-page';
import { serviceCall } from '../services';

const catalogKey = (key: string) => (key in en ? (key as MessageKey) : null);

/** A setting's label from the catalog (`setting.<path>`), else its name as the service gives it. */
function labelOf(path: string[]): string {
  const key = catalogKey(`setting.${path.join('.')}`);
  return key ? t(key) : path[path.length - 1]!;
}

/**
 * One service's settings API (`GET|PATCH <path>`, libs/platform's `settingsController`) as a form: a labelled control
 * per setting; saving sends the settings that changed, and the service's refusal shows with its code and fields.
 */
export function SettingsPage({ baseUrl, path, accessToken }: { baseUrl: string; path: string; accessToken: string }) {
  const call = serviceCall(baseUrl, accessToken);
  const page = useAdminPage(() => call<Settings>(path));
  const save = (loaded: Settings, draft: Settings) => {
    let patch: Settings;
    try {
      patch = changedSettings(loaded, draft);
    } catch (error) {
      if (!(error instanceof InvalidJson)) throw error;
      page.fail(new Error(t('settings.invalidJson', { label: labelOf(error.path) })));
      return;
    }
    if (Object.keys(patch).length === 0) void page.change(() => Promise.resolve(), t('settings.nothingChanged'));
    else void page.change(() => call(path, { method: 'PATCH', body: patch }), t('admin.saved'));
  };
  return (
    <>
      {page.data && <SettingsForm key={JSON.stringify(page.data)} loaded={page.data} save={save} />}
      <AdminOutcome failure={page.failure} notice={page.notice} />
    </>
  );
}

function SettingsForm({ loaded, save }: { loaded: Settings; save(loaded: Settings, draft: Settings): void }) {
  const [draft, setDraft] = useState(() => toDraft(loaded) as Settings);
  const submit = (event: Event) => {
    event.preventDefault();
    save(loaded, draft);
  };
  return (
    <form class="admin-form settings" onSubmit={submit}>
      <Fields values={loaded} draft={draft} path={[]} onChange={(next) => setDraft(next as Settings)} />
      <button type="submit" class="primary">
        {t('admin.save')}
      </button>
    </form>
  );
}

/** The controls of a group of settings (the settings themselves, or an object among them), each changing its part of the draft. */
function Fields({ values, draft, path, onChange }: { values: Settings; draft: Settings; path: string[]; onChange(next: Settings): void }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <Field
          key={name}
          path={[...path, name]}
          value={value}
          draft={draft[name]}
          onChange={(next) => onChange({ ...draft, [name]: next })}
        />
      ))}
    </>
  );
}

function Field({ path, value, draft, onChange }: { path: string[]; value: unknown; draft: unknown; onChange(next: unknown): void }) {
  const id = `setting-${path.join('-')}`;
  const label = labelOf(path);
  const hintKey = catalogKey(`setting.${path.join('.')}.hint`) ?? (value === null ? 'settings.nullHint' : null);
  const hint = hintKey && (
    <span class="hint" id={`${id}-hint`}>
      {t(hintKey)}
    </span>
  );
  const described = hintKey ? `${id}-hint` : undefined;
  const text = (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value);
  switch (kindOf(value)) {
    case 'boolean':
      return (
        <label class="check">
          <input type="checkbox" checked={draft as boolean} onChange={(event) => onChange(event.currentTarget.checked)} />
          {label}
        </label>
      );
    case 'number':
      return (
        <label>
          {label}
          <input type="number" value={draft as number} onInput={(event) => onChange(event.currentTarget.valueAsNumber)} />
        </label>
      );
    case 'group':
      return (
        <fieldset>
          <legend>{label}</legend>
          <Fields values={value as Settings} draft={draft as Settings} path={path} onChange={onChange} />
        </fieldset>
      );
    case 'json':
    case 'longText':
      return (
        <div class="field">
          <label for={id}>{kindOf(value) === 'json' ? t('settings.json', { label }) : label}</label>
          <textarea id={id} rows={5} aria-describedby={described} value={draft as string} onInput={text} />
          {hint}
        </div>
      );
    default:
      return (
        <div class="field">
          <label for={id}>{label}</label>
          <input id={id} aria-describedby={described} value={draft as string} onInput={text} />
          {hint}
        </div>
      );
  }
}
