import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { ServiceCall, serviceCall, Services } from '../services';
import type { Page } from '../tickets/ticket-types';
import { useAdminPage } from './use-admin-page';
import { AdminOutcome } from './admin-outcome';
import { AdminTable } from './admin-table';

/** What tickets answers for a reply template (apps/tickets/src/reply-templates/reply-template.dto.ts). */
interface ReplyTemplate {
  id: string;
  name: string;
  subject: string | null;
  body: string;
  active: boolean;
}

interface TemplatePreview {
  subject: string;
  text: string;
  needsPortalValues: boolean;
}

/**
 * Reply templates: listed with the deactivated ones, added, edited with a preview for tickets' sample ticket, and
 * deactivated rather than deleted (tickets never deletes one, as automation rules may name it).
 */
export function ReplyTemplatesPage({ services, accessToken }: { services: Services; accessToken: string }) {
  const tickets = serviceCall(services.tickets, accessToken);
  const templates = useAdminPage(() => tickets<Page<ReplyTemplate>>('/reply-templates?includeInactive=true&limit=100'));
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);

  const setActive = (template: ReplyTemplate, active: boolean) =>
    templates.change(() => tickets(`/reply-templates/${template.id}`, { method: 'PATCH', body: { active } }), t('admin.saved'));

  return (
    <>
      <AdminOutcome failure={templates.failure} notice={templates.notice} />
      <AdminTable
        items={templates.data?.items}
        none={t('templates.none')}
        headings={[t('templates.name'), t('templates.subject'), t('admin.state'), t('admin.actions')]}
        row={(template) => (
          <tr key={template.id}>
            <td>{template.name}</td>
            <td>{template.subject ?? <span class="muted">{t('templates.answersSubject')}</span>}</td>
            <td>{template.active ? t('admin.active') : t('admin.inactive')}</td>
            <td class="row-actions">
              <button type="button" onClick={() => setEditing(template)} aria-label={t('admin.editNamed', { name: template.name })}>
                {t('admin.edit')}
              </button>
              <button
                type="button"
                onClick={() => void setActive(template, !template.active)}
                aria-label={t(template.active ? 'admin.deactivateNamed' : 'admin.reactivateNamed', { name: template.name })}
              >
                {t(template.active ? 'admin.deactivate' : 'admin.reactivate')}
              </button>
            </td>
          </tr>
        )}
      />
      {editing === null ? (
        <p>
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('templates.add')}
          </button>
        </p>
      ) : (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          tickets={tickets}
          save={(body) =>
            templates.change(
              () =>
                editing === 'new'
                  ? tickets('/reply-templates', { method: 'POST', body })
                  : tickets(`/reply-templates/${editing.id}`, { method: 'PATCH', body }),
              t('admin.saved'),
            )
          }
          close={() => setEditing(null)}
        />
      )}
    </>
  );
}

function TemplateForm({
  template,
  tickets,
  save,
  close,
}: {
  template: ReplyTemplate | null;
  tickets: ServiceCall;
  save(body: { name: string; subject: string | null; body: string }): Promise<boolean>;
  close(): void;
}) {
  const [name, setName] = useState(template?.name ?? '');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [previewFailure, setPreviewFailure] = useState<unknown>(null);
  const texts = () => ({ subject: subject.trim() || null, body });

  const showPreview = () => {
    setPreviewFailure(null);
    tickets<TemplatePreview>('/reply-templates/preview', { method: 'POST', body: texts() })
      .then(setPreview)
      .catch((error: unknown) => {
        setPreview(null);
        setPreviewFailure(error);
      });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    void save({ name, ...texts() }).then((saved) => saved && close());
  };
  return (
    <form class="fields stack" onSubmit={submit} aria-labelledby="template-form-title">
      <h3 id="template-form-title">{template ? t('admin.editNamed', { name: template.name }) : t('templates.add')}</h3>
      <label>
        {t('templates.name')}
        <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t('templates.subjectOptional')}
        <input value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      </label>
      <label>
        {t('templates.body')}
        <textarea required rows={8} aria-describedby="template-placeholders" value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <p class="muted" id="template-placeholders">
        {t('templates.placeholders')}
      </p>
      <div class="row-actions">
        <button type="button" onClick={showPreview}>
          {t('templates.preview')}
        </button>
        <button type="submit" class="primary">
          {t('admin.save')}
        </button>
        <button type="button" onClick={close}>
          {t('admin.cancel')}
        </button>
      </div>
      <AdminOutcome failure={previewFailure} notice={null} />
      {preview && (
        <figure class="preview" aria-label={t('templates.previewLabel')}>
          <figcaption>{t('templates.previewCaption')}</figcaption>
          <p>
            <strong>{preview.subject}</strong>
          </p>
          <p class="body">{preview.text}</p>
          {preview.needsPortalValues && <p class="muted">{t('templates.portalNote')}</p>}
        </figure>
      )}
    </form>
  );
}
