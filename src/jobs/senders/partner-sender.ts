import type { PartnerSetup } from '../../channels/config/partner-setup.js';
import { parsePartnerReportAddress } from '../../channels/partners/partner-inbound.js';
import { buildForwardRequest, buildStatusUpdateRequest, PartnerRequestError } from '../../channels/partners/partner-outbound.js';
import { forwardedReportId } from '../../channels/partners/partner-poll.js';
import { renderPayload } from '../../channels/templates/render-payload.js';
import { recordForwarded, type ForwardPayload } from '../../services/channels/forward-case.js';
import { channelDb, recordSentPart, sentParts } from '../../services/channels/channel-store.js';
import { findCaseById } from '../../store/case.repository.js';
import { findAgency } from '../../store/reference.repository.js';
import { PermanentDeliveryError, type Sender } from '../outbox-worker.js';
import { callProvider } from './http-call.js';
import { notificationOf, permanentOnBuildError, type SenderDeps } from './sender-deps.js';
import { TokenBucket } from './token-bucket.js';

/**
 * Calls to partner systems, two kinds of outbox message:
 * - a citizen notification whose contact is a partner report (`partner_user` = `<partner>:<report id>`):
 *   pushed as a status update on that report, with the public text as the note (partner systems may show
 *   responses publicly, so never the access code); a status the partner has no word for is not pushed;
 * - `{op: 'forward'}`: a case rejected as *bukan wewenang* forwarded to the partner (LAPOR!), without the
 *   reporter's identity; the partner's id for it is written to the case's audit trail.
 * The delivery key travels as Idempotency-Key, so a partner that honours it drops a resend after a timeout.
 */
export function partnerSender(deps: SenderDeps): Sender {
  const db = channelDb(deps.database);
  const buckets = new Map<string, TokenBucket>();
  const bucketOf = (id: string) => {
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = new TokenBucket(`partner:${id}`, { ratePerSecond: deps.channels.partnerRatePerSecond })));
    return b;
  };
  const clock = deps.clock ?? (() => new Date());
  const setupOf = (id: string): PartnerSetup => {
    const setup = deps.channels.partners[id];
    if (!setup) throw new PermanentDeliveryError(`partner '${id}' is not enabled (CEPAT_PARTNERS)`);
    return setup;
  };
  const call = (id: string, req: Parameters<typeof callProvider>[1], key: string) =>
    callProvider(`partner:${id}`, req, { timeoutMs: deps.channels.httpTimeoutMs, bucket: bucketOf(id), idempotencyKey: key });
  const build = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      // A missing secret or base URL is fixed by an operator: keep retrying; a missing value is permanent.
      if (err instanceof PartnerRequestError && err.code !== 'partner_template_value_missing') throw new Error(err.message);
      throw new PermanentDeliveryError((err as Error).message);
    }
  };

  return async (msg) => {
    if ((await sentParts(db, msg.deliveryKey)).has(0)) return;
    const payload = msg.payload as Partial<ForwardPayload>;
    if (payload?.op === 'forward') {
      const f = payload as ForwardPayload;
      const setup = setupOf(f.partnerId);
      if (!setup.forward) throw new PermanentDeliveryError(`partner '${f.partnerId}' takes no forwarded cases`);
      const kase = await findCaseById(deps.database.db, f.caseId);
      if (!kase) throw new PermanentDeliveryError(`case ${f.caseId} not found`);
      const request = build(() =>
        buildForwardRequest(
          setup.config,
          {
            ticketNumber: kase.ticket,
            title: kase.title ?? undefined,
            text: kase.description,
            categoryCode: kase.category_code ?? undefined,
            lat: kase.lat ?? undefined,
            lng: kase.lng ?? undefined,
            address: kase.address ?? undefined,
            areaCode: kase.area_code ?? undefined,
            receivedAt: new Date(kase.received_at),
            reason: f.reason,
            targetInstitution: f.targetInstitution,
            trackingUrl: `${deps.publicUrl}/lacak/${encodeURIComponent(kase.ticket)}`,
          },
          deps.channels.values,
        ),
      );
      const answer = await call(f.partnerId, request, msg.deliveryKey);
      const theirId = forwardedReportId(setup.config, answer.body) ?? null;
      await recordSentPart(db, msg.deliveryKey, 0, theirId, clock());
      await recordForwarded(deps.database, { caseId: kase.id, partnerId: f.partnerId, theirId, at: clock() });
      return;
    }

    const p = notificationOf(msg.payload, 'partner_user');
    const address = parsePartnerReportAddress(p.to.value);
    if (!address) throw new PermanentDeliveryError(`'${p.to.value}' is not a partner report address`);
    const setup = setupOf(address.partnerId);
    if (!setup.statusUpdates) {
      deps.log.debug({ cat: 'outbox', partner: address.partnerId }, 'partner takes no status updates; nothing sent');
      return;
    }
    const kase = msg.caseId !== null ? await findCaseById(deps.database.db, msg.caseId) : undefined;
    const agency = kase?.agency_id ? await findAgency(deps.database.db, kase.agency_id) : undefined;
    const status = String(p.vars.status ?? kase?.status ?? '');
    // The officer's public note is the substance of the answer; the template says what happened around it.
    const text = permanentOnBuildError(() => renderPayload(p, { orgName: deps.channels.orgName, style: 'public_post' })).text;
    const officerNote = typeof p.vars.note === 'string' ? p.vars.note.trim() : '';
    const note = officerNote && !text.includes(officerNote) ? `${officerNote}\n\n${text}` : text;
    const request = build(() =>
      buildStatusUpdateRequest(
        setup.config,
        {
          externalId: address.reportId,
          status,
          ticketNumber: String(p.vars.ticket ?? kase?.ticket ?? ''),
          updatedAt: clock(),
          note,
          agencyName: agency?.name,
          trackingUrl: typeof p.vars.trackingUrl === 'string' ? p.vars.trackingUrl : undefined,
        },
        deps.channels.values,
      ),
    );
    if (!request) return; // a status they have no word for
    await call(address.partnerId, request, msg.deliveryKey);
    await recordSentPart(db, msg.deliveryKey, 0, null, clock());
  };
}
