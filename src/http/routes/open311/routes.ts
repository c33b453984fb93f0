import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../services/context.js';
import { getDiscovery, getServiceDefinition, getServices, getToken } from './catalog.js';
import { open311ErrorHandler, open311NotFound } from './errors.js';
import { splitFormat, type Format } from './format.js';
import { getMedia } from './media.js';
import { getRequest, getRequests, postRequest } from './requests.js';
import { getUpdates, postUpdate } from './updates.js';

type Handler = (ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format) => Promise<FastifyReply>;
type ItemHandler = (ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format, id: string) => Promise<FastifyReply>;

const GET: Record<string, Handler> = { discovery: getDiscovery, services: getServices, requests: getRequests, servicerequestupdates: getUpdates };
const POST: Record<string, Handler> = { requests: postRequest, servicerequestupdates: postUpdate };
const GET_ITEM: Record<string, ItemHandler> = { services: getServiceDefinition, requests: getRequest, tokens: getToken };

const tag = { tags: ['open311'], summary: 'Open311 GeoReport v2 (format by suffix: .xml or .json)' };

/**
 * Open311 GeoReport v2 under /open311/v2: discovery, services, services/{code}, requests (GET, POST),
 * requests/{id}, tokens/{token} and servicerequestupdates (GET, POST), each as .xml and .json, plus
 * media/{sha256} for photos. Registered in its own plugin scope so that every error — ours, the body parser's,
 * an unknown path — is written the Open311 way (see errors.ts) while the rest of the API keeps its format.
 *
 * Choices where the standard is silent (also in src/channels/open311/README.md): one jurisdiction, so a missing
 * `jurisdiction_id` is accepted; POST idempotency by the `Idempotency-Key` header, scoped to the API key;
 * `service_request_id` is the ticket number; `address_id` is a Kemendagri area code.
 */
export async function open311Routes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (scope) => {
      scope.setErrorHandler(open311ErrorHandler);
      scope.setNotFoundHandler(open311NotFound);

      const dispatch = (table: Record<string, Handler>) => async (request: FastifyRequest, reply: FastifyReply) => {
        const file = splitFormat((request.params as { file: string }).file);
        const handler = file && Object.hasOwn(table, file.name) ? table[file.name] : undefined;
        if (!file || !handler) return open311NotFound(request, reply);
        return handler(ctx, request, reply, file.format);
      };
      scope.get('/:file', { schema: tag }, dispatch(GET));
      scope.post('/:file', { schema: tag }, dispatch(POST));

      scope.get('/:collection/:file', { schema: tag }, async (request, reply) => {
        const { collection, file } = request.params as { collection: string; file: string };
        if (collection === 'media') return getMedia(ctx, request, reply, file);
        const item = splitFormat(file);
        const handler = Object.hasOwn(GET_ITEM, collection) ? GET_ITEM[collection] : undefined;
        if (!item || !handler) return open311NotFound(request, reply);
        return handler(ctx, request, reply, item.format, item.name);
      });
    },
    { prefix: '/open311/v2' },
  );
}
