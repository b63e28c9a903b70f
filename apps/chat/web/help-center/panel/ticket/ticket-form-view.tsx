import { useEffect, useState } from 'preact/hooks';
import { AttachmentLimits, FieldError, normalizePhone, ticketFormErrors } from '../../lib/ticket-form';
import { formatBytes } from '../../lib/wait-time';
import { encodeFile, requestJson } from '../api';
import { en } from '../../i18n/en';
import type { MessageKey, Translate } from '../../i18n/i18n';
import { usePanel } from '../context';
import { PickedFiles } from '../fields';
import { CustomerSuccessView } from './customer-success-view';
import { ArticleList, FoundArticle } from '../help/article-list';

interface Department {
  id: string;
  name: string;
  active: boolean;
  features: { id: string; name: string; active: boolean }[];
}

interface TicketForm {
  categories: Department[];
  priorities: { id: string; name: string; description: string }[];
  attachments: AttachmentLimits;
  /** What a description should hold, the most important first; each hint translated here by its id. */
  description?: { guidance: { id: string; text: string }[] };
  /** The departments and features whose tickets may ask for a phone call instead (absent: tickets offers none). */
  phoneCallback?: { categoryIds: string[] };
}

/** A hint in the panel's language where it has the hint's id, else as tickets wrote it. */
function guidanceText(hint: { id: string; text: string }, t: Translate): string {
  const key = `guidance.${hint.id}`;
  return key in en ? t(key as MessageKey) : hint.text;
}

function FieldMessage({ errors, field }: { errors: FieldError[]; field: FieldError['field'] }) {
  const { t } = usePanel();
  const error = errors.find((candidate) => candidate.field === field);
  if (!error) return null;
  const values = { ...error.values };
  if (typeof values.field === 'string') values.field = t(values.field as 'ticket.subject');
  return (
    <p class="field-error" id={`${field}-error`} role="alert">
      {t(error.key, values)}
    </p>
  );
}

/**
 * The ticket form as the seed has it: department and feature, then the articles that may already answer, then
 * priority (meanings behind an info button), subject, description with guidance, up to the allowed files (refused
 * here before any upload), an optional phone callback; then the thank-you with the number and a link to follow it.
 */
export function TicketFormView() {
  const { t, language, config, contactToken, goTo, openArticle, openTicket } = usePanel();
  const [form, setForm] = useState<TicketForm | null>(null);
  const [departmentId, setDepartmentId] = useState('');
  const [featureId, setFeatureId] = useState('');
  const [suggestions, setSuggestions] = useState<FoundArticle[] | null>(null);
  const [goOn, setGoOn] = useState(false);
  const [priority, setPriority] = useState('normal');
  const [showMeanings, setShowMeanings] = useState(false);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [callback, setCallback] = useState({ requested: false, phone: '', consent: false });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; number: number } | null>(null);

  useEffect(() => {
    if (config.ticketsUrl && contactToken) {
      requestJson<TicketForm>(`${config.ticketsUrl}/portal/ticket-form`, { token: contactToken }).then(setForm, (error: Error) =>
        setFailure(error.message),
      );
    }
  }, [config.ticketsUrl, contactToken]);

  const department = form?.categories.find((candidate) => candidate.id === departmentId);
  const features = department?.features.filter((feature) => feature.active) ?? [];
  const feature = features.find((candidate) => candidate.id === featureId);
  const categoryId = features.length > 0 ? featureId : departmentId;
  const callbackOffered = form?.phoneCallback?.categoryIds.includes(categoryId) ?? false;

  useEffect(() => {
    setSuggestions(null);
    setGoOn(false);
    if (!department || (features.length > 0 && !feature)) return;
    const params = new URLSearchParams({ department: department.name, language, ...(feature ? { feature: feature.name } : {}) });
    requestJson<FoundArticle[]>(`suggestions?${params}`).then(setSuggestions, () => setSuggestions([]));
  }, [departmentId, featureId]);

  if (!config.ticketsUrl) return <p>{t('unavailable.accounts')}</p>;
  if (!contactToken) {
    return (
      <div class="stack">
        <h2>{t('ticket.title')}</h2>
        <p>{t('ticket.signInFirst')}</p>
        <button type="button" onClick={() => goTo('account')}>
          {t('account.signIn')}
        </button>
        <CustomerSuccessView />
      </div>
    );
  }
  if (created) {
    return (
      <div class="stack" role="status">
        <h2>{t('ticket.thanks', { number: created.number })}</h2>
        <button type="button" class="link" onClick={() => openTicket(created.id)}>
          {t('ticket.follow', { number: created.number })}
        </button>
        <button type="button" class="secondary" onClick={() => setCreated(null)}>
          {t('ticket.another')}
        </button>
      </div>
    );
  }
  if (!form) return failure ? <p role="alert">{t('error.generic', { message: failure })}</p> : null;

  const size = (bytes: number) => formatBytes(bytes, language);
  const input = { categoryId, subject, description, files, callback: callbackOffered ? callback : { ...callback, requested: false } };
  const described = (field: FieldError['field'], help?: string) =>
    [help, errors.some((error) => error.field === field) ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = ticketFormErrors(input, form.attachments, size);
    setErrors(found);
    if (found.length > 0) return;
    setSending(true);
    setFailure(null);
    try {
      const phone = input.callback.requested ? normalizePhone(callback.phone) : null;
      const ticket = await requestJson<{ id: string; number: number }>(`${config.ticketsUrl}/portal/tickets`, {
        method: 'POST',
        token: contactToken,
        body: {
          categoryId,
          priority,
          subject: subject.trim(),
          description: description.trim(),
          attachments: await Promise.all(files.map(encodeFile)),
          ...(phone ? { phoneCallback: { phone, recordingConsent: true } } : {}),
        },
      });
      setCreated(ticket);
      setSubject('');
      setDescription('');
      setFiles([]);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setSending(false);
    }
  };
  const pickFiles = (picked: File[]) => {
    const next = [...files, ...picked];
    setFiles(next);
    setErrors((current) => [
      ...current.filter((error) => error.field !== 'files'),
      ...ticketFormErrors({ ...input, files: next }, form.attachments, size).filter((error) => error.field === 'files'),
    ]);
  };

  return (
    <form class="ticket-form stack" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('ticket.title')}</h2>
      <label for="ticket-department">{t('ticket.department')}</label>
      <select
        id="ticket-department"
        value={departmentId}
        aria-describedby={described('categoryId')}
        onChange={(event) => {
          setDepartmentId(event.currentTarget.value);
          setFeatureId('');
        }}
      >
        <option value="">{t('ticket.choose')}</option>
        {form.categories
          .filter((candidate) => candidate.active)
          .map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
      </select>
      {features.length > 0 && (
        <>
          <label for="ticket-feature">{t('ticket.feature')}</label>
          <select id="ticket-feature" value={featureId} onChange={(event) => setFeatureId(event.currentTarget.value)}>
            <option value="">{t('ticket.choose')}</option>
            {features.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </>
      )}
      <FieldMessage errors={errors} field="categoryId" />
      {suggestions && suggestions.length > 0 && !goOn && (
        <section class="suggestions stack" aria-labelledby="suggested-title">
          <h3 id="suggested-title">{t('ticket.suggested')}</h3>
          <ArticleList articles={suggestions} onOpen={openArticle} />
          <button type="button" onClick={() => setGoOn(true)}>
            {t('ticket.continue')}
          </button>
        </section>
      )}
      {suggestions && (goOn || suggestions.length === 0) && (
        <>
          <fieldset>
            <legend>
              {t('ticket.priority')}{' '}
              <button
                type="button"
                class="info"
                aria-expanded={showMeanings}
                aria-controls="priority-meanings"
                aria-label={t('ticket.priority.info')}
                onClick={() => setShowMeanings(!showMeanings)}
              >
                ⓘ
              </button>
            </legend>
            <div class="row wrap">
              {form.priorities.map((candidate) => (
                <label key={candidate.id} class="choice">
                  <input
                    type="radio"
                    name="priority"
                    value={candidate.id}
                    checked={priority === candidate.id}
                    onChange={() => setPriority(candidate.id)}
                  />
                  {candidate.name}
                </label>
              ))}
            </div>
            <dl id="priority-meanings" class="meanings" hidden={!showMeanings}>
              {form.priorities.map((candidate) => (
                <div key={candidate.id}>
                  <dt>{candidate.name}</dt>
                  <dd>{candidate.description}</dd>
                </div>
              ))}
            </dl>
          </fieldset>
          <label for="ticket-subject">{t('ticket.subject')}</label>
          <input
            id="ticket-subject"
            value={subject}
            maxLength={500}
            aria-describedby={described('subject')}
            aria-invalid={errors.some((error) => error.field === 'subject')}
            onInput={(event) => setSubject(event.currentTarget.value)}
          />
          <FieldMessage errors={errors} field="subject" />
          <label for="ticket-description">{t('ticket.description')}</label>
          <div id="description-help" class="note">
            {form.description ? (
              <>
                <p>{t('guidance.title')}</p>
                <ul>
                  {form.description.guidance.map((hint) => (
                    <li key={hint.id}>{guidanceText(hint, t)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('ticket.description.help')}</p>
            )}
          </div>
          <textarea
            id="ticket-description"
            rows={6}
            value={description}
            aria-describedby={described('description', 'description-help')}
            aria-invalid={errors.some((error) => error.field === 'description')}
            onInput={(event) => setDescription(event.currentTarget.value)}
          />
          <FieldMessage errors={errors} field="description" />
          <label for="ticket-files">
            {t('ticket.files', { count: form.attachments.maxCount, size: size(form.attachments.maxTotalBytes) })}
          </label>
          <input
            id="ticket-files"
            type="file"
            multiple
            aria-describedby={described('files')}
            onChange={(event) => {
              pickFiles(Array.from(event.currentTarget.files ?? []));
              event.currentTarget.value = '';
            }}
          />
          <PickedFiles
            files={files}
            describe={(file) => `${file.name} (${size(file.size)})`}
            onRemove={(index) => {
              const next = files.filter((_, position) => position !== index);
              setFiles(next);
              setErrors(
                ticketFormErrors({ ...input, files: next }, form.attachments, size).filter((error) =>
                  errors.some((shown) => shown.field === error.field),
                ),
              );
            }}
          />
          <FieldMessage errors={errors} field="files" />
          {callbackOffered ? (
            <fieldset class="stack">
              <label class="choice">
                <input
                  type="checkbox"
                  checked={callback.requested}
                  onChange={(event) => setCallback({ ...callback, requested: event.currentTarget.checked })}
                />
                {t('ticket.callback')}
              </label>
              {callback.requested && (
                <>
                  <label for="ticket-phone">{t('ticket.phone')}</label>
                  <input
                    id="ticket-phone"
                    type="tel"
                    autoComplete="tel"
                    value={callback.phone}
                    aria-describedby={described('phone')}
                    onInput={(event) => setCallback({ ...callback, phone: event.currentTarget.value })}
                  />
                  <FieldMessage errors={errors} field="phone" />
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={callback.consent}
                      aria-describedby={described('consent')}
                      onChange={(event) => setCallback({ ...callback, consent: event.currentTarget.checked })}
                    />
                    {t('ticket.consent')}
                  </label>
                  <FieldMessage errors={errors} field="consent" />
                </>
              )}
            </fieldset>
          ) : (
            categoryId && form.phoneCallback && <p class="note">{t('ticket.callback.unavailable')}</p>
          )}
          {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
          <button type="submit" disabled={sending}>
            {sending ? t('ticket.sending') : t('ticket.submit')}
          </button>
        </>
      )}
    </form>
  );
}
