import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import { IdParams, IfMatchHeaders } from './customers.schemas.ts';
import type { NotesService } from './notes.service.ts';
import { CreateNoteBody, NoteSchema, UpdateNoteBody } from './notes.schemas.ts';

export function registerNoteRoutes(app: HttpServer, notes: NotesService): void {
  // Technicians write notes too: they are the ones at the customer's site.
  app.post('/api/customers/:id/notes', {
    config: { access: 'technician' },
    schema: { tags: ['notes'], summary: 'Add a note to a customer', params: IdParams, body: CreateNoteBody, response: { 201: NoteSchema } },
    handler: async (request, reply) => {
      const note = await notes.create(principalOf(request), request.params.id, request.body);
      return reply.status(201).header('etag', etagOf(note.version)).send(note);
    },
  });

  app.patch('/api/notes/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['notes'], summary: 'Change a note (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: UpdateNoteBody, response: { 200: NoteSchema } },
    handler: async (request, reply) => {
      const note = await notes.update(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(note.version)).send(note);
    },
  });

  app.delete('/api/notes/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['notes'], summary: 'Remove a note (soft delete, If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: NoteSchema } },
    handler: async (request) => notes.remove(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], undefined)),
  });
}
