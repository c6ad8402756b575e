import { useId, useRef, useState, type ChangeEvent } from 'react';
import { checkAttachment, isImage } from '../attachments.ts';
import { formatFileSize } from '../format.ts';
import { hvacApi, type Attachment } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { CameraIcon, FileIcon, UploadIcon } from './icons.tsx';
import { RecordActions, useSave } from './record-editing.tsx';

interface AttachmentsPanelProps {
  // Test ids: `${name}-attachments`, `${name}-attachment`, `${name}-upload-file`, `${name}-upload-photo`.
  name: string;
  title: string;
  items: readonly Attachment[] | null;
  canUpload: boolean;
  canDelete: boolean;
  upload(file: Blob, fileName: string, contentType: string): Promise<Attachment>;
  onUploaded(attachment: Attachment): void;
  onDeleted(attachment: Attachment): void;
  onReload(): void;
  // A section of its own (a card), or part of one (framed: false).
  framed?: boolean;
}

// Photos and documents of a job or a unit: a list that opens each file, and two ways to add one:
// the phone's camera straight away, or any photo or PDF already on the device. (One input with
// `capture` would send phones to the camera only, so a PDF could never be picked.)
export function AttachmentsPanel({ name, title, items, canUpload, canDelete, upload, onUploaded, onDeleted, onReload, framed = true }: AttachmentsPanelProps) {
  const { t, locale, formatDateTime } = useI18n();
  const save = useSave([]);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);

  const send = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    setProblem(null);
    for (const file of files) {
      const check = checkAttachment(file);
      if (!check.ok) {
        setProblem(check.problem === 'size' ? t('attachments.tooLarge', { name: file.name }) : t('attachments.wrongType', { name: file.name }));
        continue;
      }
      await save.run(async () => onUploaded(await upload(file, file.name, check.contentType)));
    }
    // The same file can be chosen again (after a failed upload).
    input.value = '';
  };

  return (
    <section className={framed ? 'card job-section' : 'job-section'} aria-labelledby={titleId} data-testid={`${name}-attachments`}>
      <div className="section-header">
        <h2 id={titleId} className="section-title">
          {title}
        </h2>
        {canUpload && (
          <div className="upload-buttons">
            <input
              ref={photoInput}
              type="file"
              accept="image/*"
              capture="environment"
              className="visually-hidden"
              tabIndex={-1}
              onChange={(event) => void send(event)}
              data-testid={`${name}-upload-photo`}
            />
            <input
              ref={fileInput}
              type="file"
              accept="image/*,application/pdf"
              multiple
              className="visually-hidden"
              tabIndex={-1}
              onChange={(event) => void send(event)}
              data-testid={`${name}-upload-file`}
            />
            <button type="button" className="button button-secondary button-small upload-photo" disabled={save.busy} onClick={() => photoInput.current?.click()}>
              <CameraIcon />
              {t('attachments.takePhoto')}
            </button>
            <button type="button" className="button button-secondary button-small" disabled={save.busy} onClick={() => fileInput.current?.click()}>
              <UploadIcon />
              {save.busy ? t('attachments.uploading') : t('attachments.addFile')}
            </button>
          </div>
        )}
      </div>
      {(problem ?? save.error) && (
        <div className="banner banner-error" role="alert" data-testid={`${name}-upload-error`}>
          {problem ?? save.error}
        </div>
      )}
      {items === null && <p className="muted">{t('app.loading')}</p>}
      {items !== null && items.length === 0 && <p className="muted">{t('attachments.empty')}</p>}
      {items !== null && items.length > 0 && (
        <ul className="attachments">
          {items.map((attachment) => (
            <li key={attachment.id} className="attachment" data-testid={`${name}-attachment`} data-content-type={attachment.contentType}>
              <a className="attachment-preview" href={attachment.url} target="_blank" rel="noopener" aria-label={t('attachments.open', { name: attachment.fileName })}>
                {isImage(attachment.contentType) ? (
                  <img src={attachment.url} alt="" loading="lazy" />
                ) : (
                  <span className="attachment-icon">
                    <FileIcon />
                    PDF
                  </span>
                )}
              </a>
              <div className="attachment-text">
                <a className="attachment-name" href={attachment.url} target="_blank" rel="noopener">
                  {attachment.fileName}
                </a>
                <span className="attachment-meta">
                  {formatFileSize(attachment.sizeBytes, locale)} · {formatDateTime(attachment.createdAt)}
                </span>
              </div>
              {canDelete && (
                <RecordActions
                  name="attachment"
                  recordId={attachment.id}
                  subject={attachment.fileName}
                  remove={{
                    question: t('attachments.deleteQuestion', { name: attachment.fileName }),
                    confirmLabel: t('record.delete'),
                    run: async () => {
                      await hvacApi.deleteAttachment(attachment.id);
                      onDeleted(attachment);
                    },
                  }}
                  onReload={onReload}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
