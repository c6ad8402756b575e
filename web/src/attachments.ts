// Which files the server takes as attachments (photos from the site, PDFs such as protocols and
// invoices from suppliers), told apart before anything is sent.

export const maxAttachmentBytes = 10 * 1024 * 1024;

const typesByExtension: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
  pdf: 'application/pdf',
};

const acceptedTypes = new Set(Object.values(typesByExtension));

export type AttachmentCheck = { ok: true; contentType: string } | { ok: false; problem: 'type' | 'size' };

// The content type to send: the browser's, or the one the name implies when the browser has none
// (HEIC photos on some systems).
export function checkAttachment(file: { name: string; type: string; size: number }): AttachmentCheck {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const contentType = acceptedTypes.has(file.type) ? file.type : file.type === '' ? typesByExtension[extension] : undefined;
  if (!contentType) return { ok: false, problem: 'type' };
  if (file.size > maxAttachmentBytes) return { ok: false, problem: 'size' };
  return { ok: true, contentType };
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/');
}
