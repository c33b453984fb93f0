import type { FastifyInstance } from 'fastify';
import { formFromFields } from '../../../channels/web/web-form.js';
import type { AttachmentInput } from '../../../domain/intake/normalized-complaint.js';
import type { AppContext } from '../../../services/context.js';
import { trackingUrl } from '../../../services/intake/submit-complaint.js';
import { takeAssistedIntake, type AssistedForm } from '../../../services/walkin/assisted-intake.js';
import { loadReceipt } from '../../../services/walkin/receipt.js';
import { renderReceiptHtml, renderReceiptPdf } from '../../../services/walkin/receipt-render.js';
import { requireStaff } from '../../auth.js';
import { readMultipart } from '../../multipart.js';
import { assertValid } from '../../validate.js';
import { presentAssistedReceipt } from './present.js';
import { intakeBody, intakeHeaders, postIdParams } from './schema.js';

const tags = ['walkin'];

/**
 * Assisted intake at a post (JSON, or multipart with photos) and its printable receipt. The client sends an
 * `Idempotency-Key` it generated when the officer pressed "save": a post that lost its network keeps the
 * intake queued and resends it; the resend answers 200 with the same case, ticket and access code.
 */
export async function walkinIntakeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/walkin/posts/:id/intake',
    {
      schema: { tags, summary: 'Assisted intake at a post (walk-in or phone)', params: postIdParams, headers: intakeHeaders },
      preHandler: requireStaff(),
      preValidation: async (request) => {
        if (!request.isMultipart()) assertValid(intakeBody, request.body);
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      let form: AssistedForm;
      let files: AttachmentInput[] = [];
      if (request.isMultipart()) {
        const mp = await readMultipart(request);
        const base = formFromFields(mp.fields);
        delete base.client_request_id;
        form = assertValid<AssistedForm>(intakeBody, { ...base, ...(mp.fields.channel ? { channel: mp.fields.channel } : {}), ...(mp.fields.taken_at ? { taken_at: mp.fields.taken_at } : {}) });
        files = mp.files;
      } else {
        form = request.body as AssistedForm;
      }
      const result = await takeAssistedIntake(
        ctx,
        {
          postId: id,
          actor: request.actor!,
          idempotencyKey: request.headers['idempotency-key'] as string,
          form,
          attachments: files,
          rawPayload: request.isMultipart() ? { ...form, files: files.map((f) => ({ filename: f.filename, size: f.data.length })) } : request.body,
        },
        { requestId: request.id },
      );
      return reply.status(result.created ? 201 : 200).send(presentAssistedReceipt(result, trackingUrl(ctx, result.case.ticket)));
    },
  );

  app.get(
    '/api/walkin/posts/:id/receipts/:ticket',
    {
      schema: {
        tags,
        summary: 'Printable receipt (HTML, or PDF with ?format=pdf) of a complaint taken at the post',
        querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['html', 'pdf'], default: 'html' } } },
      },
      preHandler: requireStaff(),
    },
    async (request, reply) => {
      const { id, ticket } = request.params as { id: string; ticket: string };
      const { format } = request.query as { format: 'html' | 'pdf' };
      const data = await loadReceipt(ctx, request.actor!, id, ticket);
      // The receipt holds the access code: never cached by browsers or proxies.
      reply.header('cache-control', 'no-store');
      if (format === 'pdf') {
        return reply.type('application/pdf').header('content-disposition', `inline; filename="tanda-terima-${data.ticket}.pdf"`).send(await renderReceiptPdf(data));
      }
      return reply.type('text/html; charset=utf-8').send(renderReceiptHtml(data));
    },
  );
}
