import type { FastifyInstance } from 'fastify';
import { formFromFields, webComplaintSchema, webFormToComplaint, type WebComplaintForm } from '../../../channels/web/web-form.js';
import type { AppContext } from '../../../services/context.js';
import { submitComplaint, trackingUrl } from '../../../services/intake/submit-complaint.js';
import { readMultipart } from '../../multipart.js';
import { assertValid } from '../../validate.js';
import { intakeReceiptSchema, presentReceipt } from './present.js';

/**
 * The citizen portal's intake: JSON, or multipart with photos. 201 with the ticket and access code; a resend
 * with the same Idempotency-Key (or client_request_id) answers 200 with the same case.
 */
export async function complaintRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Submit a complaint (JSON or multipart/form-data with photos)',
        headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', maxLength: 100 } } },
        response: { 200: intakeReceiptSchema, 201: intakeReceiptSchema },
      },
      // JSON bodies are validated here; multipart fields are validated against the same schema in the handler.
      preValidation: async (request) => {
        if (!request.isMultipart()) assertValid(webComplaintSchema, request.body);
      },
    },
    async (request, reply) => {
      let form: WebComplaintForm;
      let files: Awaited<ReturnType<typeof readMultipart>>['files'] = [];
      if (request.isMultipart()) {
        const mp = await readMultipart(request);
        form = assertValid<WebComplaintForm>(webComplaintSchema, formFromFields(mp.fields));
        files = mp.files;
      } else {
        form = request.body as WebComplaintForm;
      }
      const key = request.headers['idempotency-key'] as string | undefined;
      const complaint = webFormToComplaint(form, { idempotencyKey: key ? `key:${key}` : form.client_request_id ? `key:${form.client_request_id}` : undefined, attachments: files, receivedAt: ctx.clock(), rawPayload: request.isMultipart() ? { ...form, files: files.map((f) => ({ filename: f.filename, size: f.data.length })) } : request.body });
      const result = await submitComplaint(ctx, complaint, { requestId: request.id });
      return reply.status(result.created ? 201 : 200).send(presentReceipt(result, trackingUrl(ctx, result.case.ticket)));
    },
  );
}
