import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { onePixelPng, tinyPdf } from '../../testing/sample-files.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

describeEachBackend('photos and documents of jobs and equipment', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let customerId: string;
  let jobId: string;
  let equipmentId: string;

  const upload = (url: string, contentType: string, payload: Buffer) => sut.http.inject({ method: 'POST', url, headers: { cookie: owner.cookie, 'content-type': contentType }, payload });
  const get = (url: string) => sut.http.inject({ method: 'GET', url, headers: { cookie: owner.cookie } });

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, { UPLOAD_LIMIT_BYTES: '4096' });
    owner = await signUpTenant(sut, 'pliki');
    const post = async (url: string, payload: object) => (await sut.http.inject({ method: 'POST', url, headers: { cookie: owner.cookie }, payload })).json<{ id: string }>().id;
    customerId = await post('/api/customers', { kind: 'company', companyName: 'Hotel Wisła' });
    const siteId = await post(`/api/customers/${customerId}/sites`, { street: 'ul. Wiślana 1', postalCode: '00-950', city: 'Warszawa' });
    equipmentId = await post('/api/equipment', { siteId, category: 'chiller', brand: 'Daikin', refrigerant: 'R-32', refrigerantChargeKg: 40 });
    jobId = await post('/api/jobs', { siteId, equipmentId, type: 'repair', description: 'Wyciek' });
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('stores a photo on a job, lists it with the job, and serves the same bytes', async () => {
    const uploaded = await upload(`/api/jobs/${jobId}/attachments?fileName=${encodeURIComponent('zawór ssawny.png')}`, 'image/png', onePixelPng);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json<{ id: string; url: string }>();
    expect(photo).toMatchObject({ fileName: 'zawór ssawny.png', contentType: 'image/png', sizeBytes: onePixelPng.length, url: `/api/attachments/${photo.id}/content` });
    expect((await get(`/api/jobs/${jobId}`)).json().attachments).toMatchObject([{ id: photo.id }]);
    const content = await get(photo.url);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['content-disposition']).toContain("filename*=UTF-8''zaw%C3%B3r%20ssawny.png");
    expect(content.rawPayload.equals(onePixelPng)).toBe(true);
  });

  it('keeps documents of equipment, and their history on the customer timeline', async () => {
    const uploaded = await upload(`/api/equipment/${equipmentId}/attachments?fileName=DTR.pdf`, 'application/pdf', tinyPdf);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect((await get(`/api/equipment/${equipmentId}/attachments`)).json()).toMatchObject({ items: [{ fileName: 'DTR.pdf', contentType: 'application/pdf' }] });
    const timeline = (await get(`/api/customers/${customerId}/timeline`)).body;
    expect(timeline).toContain('DTR.pdf');
  });

  it('refuses files that are not what they claim, of other types, empty, too large, or for records that do not exist', async () => {
    const pretending = await upload(`/api/jobs/${jobId}/attachments?fileName=zdjecie.jpg`, 'image/jpeg', onePixelPng);
    expect(pretending.statusCode).toBe(400);
    expect(pretending.json()).toMatchObject({ errors: [{ field: '/body', rule: 'content_type' }] });
    const text = await upload(`/api/jobs/${jobId}/attachments?fileName=a.txt`, 'text/plain', Buffer.from('hello'));
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toContain('application/problem+json');
    const empty = await upload(`/api/jobs/${jobId}/attachments?fileName=a.png`, 'image/png', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const large = await upload(`/api/jobs/${jobId}/attachments?fileName=a.png`, 'image/png', Buffer.concat([onePixelPng, Buffer.alloc(8192)]));
    expect(large.statusCode).toBe(413);
    const noName = await upload(`/api/jobs/${jobId}/attachments`, 'image/png', onePixelPng);
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('fileName');
    const missing = await upload('/api/jobs/00000000-0000-4000-8000-000000000000/attachments?fileName=a.png', 'image/png', onePixelPng);
    expect(missing.statusCode).toBe(404);
    expect((await get(`/api/jobs/${jobId}/attachments`)).json().items).toHaveLength(1);
  });

  it('removes a file from its record but keeps the row and the bytes as the trace', async () => {
    const photo = (await upload(`/api/jobs/${jobId}/attachments?fileName=usun.png`, 'image/png', onePixelPng)).json<{ id: string; url: string }>();
    const removed = await sut.http.inject({ method: 'DELETE', url: `/api/attachments/${photo.id}`, headers: { cookie: owner.cookie } });
    expect(removed.statusCode).toBe(204);
    expect((await get(`/api/jobs/${jobId}/attachments`)).json().items.map((item: { id: string }) => item.id)).not.toContain(photo.id);
    expect((await get(photo.url)).statusCode).toBe(404);
    const kept = await sql<{ deleted_by: string | null }>`select deleted_by from attachments where id = ${photo.id} and deleted_at is not null`.execute(db.kysely);
    expect(kept.rows).toEqual([{ deleted_by: owner.userId }]);
  });
});
