import { describe, expect, it } from 'vitest';
import { checkAttachment, maxAttachmentBytes } from './attachments.ts';

describe('attachments', () => {
  it('takes photos and PDFs with the type the browser gives them', () => {
    expect(checkAttachment({ name: 'kocioł.jpg', type: 'image/jpeg', size: 1200 })).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkAttachment({ name: 'protokół.pdf', type: 'application/pdf', size: 1200 })).toEqual({ ok: true, contentType: 'application/pdf' });
  });

  it('names the type from the extension when the browser gives none', () => {
    expect(checkAttachment({ name: 'IMG_0042.HEIC', type: '', size: 1200 })).toEqual({ ok: true, contentType: 'image/heic' });
  });

  it('refuses other files and files over 10 MB', () => {
    expect(checkAttachment({ name: 'oferta.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1200 })).toEqual({ ok: false, problem: 'type' });
    expect(checkAttachment({ name: 'film.jpg', type: 'image/jpeg', size: maxAttachmentBytes + 1 })).toEqual({ ok: false, problem: 'size' });
  });
});
