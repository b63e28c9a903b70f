import { usePanel } from './context';

/** A text input with its label tied to it, as screen readers announce it. */
export function TextField({
  id,
  label,
  value,
  onValue,
  type = 'text',
  autoComplete,
  required = false,
}: {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete?: string;
  required?: boolean;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        // Preact types an input's attributes by its `type`; these are all text-like.
        type={type as 'text'}
        required={required}
        autoComplete={autoComplete}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </>
  );
}

export interface NameAndEmailValue {
  name: string;
  email: string;
}

/** The name and email a visitor gives: before a chat where the team asks, or for the ticket a chat becomes. */
export function NameAndEmail({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: NameAndEmailValue;
  onChange(value: NameAndEmailValue): void;
}) {
  const { t } = usePanel();
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label={t('chat.name')}
        autoComplete="name"
        value={value.name}
        onValue={(name) => onChange({ ...value, name })}
      />
      <TextField
        id={`${idPrefix}-email`}
        type="email"
        required
        label={t('chat.email')}
        autoComplete="email"
        value={value.email}
        onValue={(email) => onChange({ ...value, email })}
      />
    </>
  );
}

/** Files picked but not sent yet, each with a button that removes it. */
export function PickedFiles({
  files,
  describe,
  onRemove,
}: {
  files: readonly File[];
  describe(file: File): string;
  onRemove(index: number): void;
}) {
  const { t } = usePanel();
  if (files.length === 0) return null;
  return (
    <ul class="files">
      {files.map((file, index) => (
        <li key={`${file.name}-${index}`}>
          <span>{describe(file)}</span>
          <button type="button" class="link" aria-label={t('ticket.file.remove', { name: file.name })} onClick={() => onRemove(index)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
